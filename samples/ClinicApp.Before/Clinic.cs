using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicApp;

public sealed class Patient
{
    public int Id { get; set; }
    public string FullName { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string IdCardNo { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Password { get; set; } = "";
    public string Diagnosis { get; set; } = "";
    public byte[] FacePhoto { get; set; } = Array.Empty<byte>();
    public string BankCardNo { get; set; } = "";
    public string Cvv2 { get; set; } = "";
}

public sealed record SignUpForm(string FullName, string Mobile, string IdCardNo, string Password, string FaceImageBase64)
{
    public bool AgreeToEverything { get; init; } = true;
}

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
}

[ApiController]
[Route("api/patients")]
public sealed class PatientsController(ClinicDbContext db, ILogger<PatientsController> logger, IHttpClientFactory httpFactory) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Register([FromBody] SignUpForm form)
    {
        logger.LogInformation("Registering {Name}, ID card {IdCard}, mobile {Mobile}", form.FullName, form.IdCardNo, form.Mobile);
        var patient = new Patient { FullName = form.FullName, Mobile = form.Mobile, IdCardNo = form.IdCardNo, Password = form.Password };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();

        var http = httpFactory.CreateClient();
        await http.PostAsJsonAsync("http://api.lab.example/v1/patients", patient);
        await http.PostAsJsonAsync("https://api.segment.io/v1/track", new { userId = form.Mobile, @event = "sign-up" });
        Console.WriteLine($"New patient {patient.FullName} ({patient.Mobile})");
        return Ok(patient);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id)
    {
        var patient = await db.Patients.FindAsync(id) ?? throw new KeyNotFoundException($"No patient with ID card {id}");
        return Ok(patient);
    }
}
