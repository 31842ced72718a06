using ClinicApp;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<ClinicDbContext>(o => o.UseSqlite("Data Source=clinic.db"));
builder.Services.AddControllers();
builder.Services.AddHttpClient();
builder.Services.AddHttpClient("lab", c => c.BaseAddress = new Uri("http://api.lab.example/v1/"));
var app = builder.Build();
app.MapControllers();
app.MapPost("/api/verify", (SignUpForm form, ILogger<Program> logger) =>
{
    logger.LogInformation("Face check for {IdCard}", form.IdCardNo);
    return Results.Ok();
});
app.Run();
