using ClinicApp.Data;
using ClinicApp.Models;
using ClinicApp.Services;
using Microsoft.EntityFrameworkCore;
using PrivacyByDesign;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDataProtection();
builder.Services.AddDbContext<ClinicDbContext>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Clinic")));
builder.Services.AddControllers();
builder.Services.AddHttpClient<LabPartnerClient>(c => c.BaseAddress = new Uri("https://api.lab.example/v1/"));

var app = builder.Build();
app.MapControllers();

// Real-name verification: separate consent, an alternative to the face check, only a template is kept.
app.MapPost("/api/patients/{id:int}/verification", VerifyIdentity);

// The app serves its own data inventory, generated at build time from the declarations (docs/generator.md).
app.MapGet("/privacy/inventory.json", () => Results.Text(PrivacyByDesign.Generated.PrivacyInventory.Json, "application/json"));

app.Run();

[Purpose("identity-verification")]
static async Task<IResult> VerifyIdentity(int id, VerificationRequest request, ClinicDbContext db, ILogger<Program> logger, CancellationToken cancellationToken)
{
    if (!request.AgreeToFaceVerification)
    {
        return Results.Ok(new { alternative = "Book a video call with a pharmacist to verify with your ID card." });
    }

    var verification = new IdentityVerification
    {
        PatientId = id,
        IdCardNo = request.IdCardNo,
        FaceTemplate = FaceTemplates.Extract(request.FaceImageBase64),
        Passed = true,
    };
    db.Verifications.Add(verification);
    await db.SaveChangesAsync(cancellationToken);
    logger.LogInformation("Verified patient {PatientId}", id);
    return Results.NoContent();
}

/// <summary>Turns a face image into a comparison template; the image itself is discarded.</summary>
internal static class FaceTemplates
{
    public static byte[] Extract(string imageBase64) => System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(imageBase64));
}
