namespace PrivacyByDesign.Tests.Robustness;

/// <summary>Realistic personal-data code for the robustness harness: each rule family has something to chew on.</summary>
internal static class RealisticSources
{
    public const string Clinic = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Logging;
        using PrivacyByDesign;

        [assembly: PersonalInfoProcessor("Acme Clinic", Contact = "privacy@acme.example")]
        [assembly: ProcessingPurpose("booking", "Book appointments", LegalBasis.Contract, NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone }, Retention = "P3Y")]
        [assembly: Recipient("lab", "Lab Partner Ltd.", RecipientKind.EntrustedProcessor, Country = "SG", Mechanism = CrossBorderMechanism.StandardContract, Hosts = new[] { "api.lab.example" })]

        namespace Clinic
        {
            [DataSubject(DataSubjects.Patient)]
            public sealed class Patient
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string IdCardNo { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Diagnosis { get; set; } = "";
                public long PhoneNum { get; set; }
                public string PasswordHash { get; set; } = "";
                public bool IsPhoneVerified { get; set; }
                public DateTime BirthDate { get; set; }
                public List<string> Allergies { get; set; } = new();
                public override string ToString() => $"{Name} {IdCardNo}";
            }

            public record PatientDto(string Name, string Sjhm, [property: PersonalInfo(PiCategory.ContactEmail)] string Email);

            public sealed class ConsentForm
            {
                [Consent("booking", "marketing")] public bool AgreeAll { get; set; } = true;
            }

            [ApiController, Route("patients"), Purpose("booking")]
            public sealed class PatientsController : ControllerBase
            {
                private readonly ILogger<PatientsController> _logger;
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("http://api.lab.example/") };

                public PatientsController(ILogger<PatientsController> logger) => _logger = logger;

                [HttpPost]
                public async Task<IActionResult> Register([FromBody] Patient patient, [FromQuery] string mobile)
                {
                    _logger.LogInformation("Registering {Name} with id {IdCard}", patient.Name, patient.IdCardNo);
                    _logger.LogInformation($"Phone {patient.PhoneNum} and mobile {mobile}");
                    var sb = new StringBuilder().Append(patient.IdCardNo).Append(mobile.Length);
                    Console.WriteLine(sb.ToString());
                    if (string.IsNullOrEmpty(patient.IdCardNo)) throw new ArgumentException($"bad id {patient.IdCardNo}");
                    await _http.PostAsJsonAsync("http://api.lab.example/results?phone=" + patient.PhoneNum, patient);
                    using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => true };
                    System.Diagnostics.Activity.Current?.SetTag("patient.phone", patient.PhoneNum);
                    return Ok(new PatientDto(patient.Name, mobile, "x@y.z"));
                }
            }

            public static class ClinicEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/verify", [Purpose("booking")] (Patient patient, ILogger<Patient> logger) => Results.Ok());
                    app.MapGet("/lookup", Lookup);
                }

                private static IResult Lookup([FromQuery] string idCardNo) => Results.Ok();
            }

            public sealed class EditModel : PageModel
            {
                [BindProperty] public Patient Patient { get; set; } = new();
                public void OnPost(int id) { }
            }
        }
        """;

    public const string Shop = """
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        namespace Shop
        {
            public class Customer
            {
                public Guid CustomerId { get; set; }
                public string CustomerName { get; set; }
                public string ShippingAddress { get; set; }
                public string BankCardNo { get; set; }
                public string Cvv2 { get; set; }
                public string PayPassword { get; set; }
                public string Email;
                public int EmailCount;
                public const string EmailKey = "email";
            }

            public class SmtpOptions { public string UserName { get; set; } public string Password { get; set; } }

            public static class CustomerService
            {
                public static void Save(IDistributedCache cache, Customer c, ILogger log)
                {
                    string phone = c.ShippingAddress;
                    var copy = phone;
                    cache.SetString("c:" + c.CustomerId, c.BankCardNo);
                    File.WriteAllText("/tmp/c.txt", $"{c.CustomerName};{c.Cvv2}");
                    log.LogWarning("card {Card} len {Len}", c.BankCardNo, c.BankCardNo.Length);
                    log.LogDebug("hash {Hash}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(copy))));
                    Console.WriteLine(string.Format("{0} {1}", c.Email, c.EmailCount));
                    System.Diagnostics.Debug.WriteLine(c);
                }
            }
        }
        """;

    public static readonly string[] All = { Clinic, Shop };
}
