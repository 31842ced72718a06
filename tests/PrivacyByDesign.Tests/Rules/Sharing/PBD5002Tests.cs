using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Sharing.PersonalInfoSharedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Sharing;

public class PBD5002Tests
{
    [Fact]
    public async Task Declared_recipient_abroad_without_a_mechanism_is_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using PrivacyByDesign;
            [assembly: Recipient("segment", "Segment", RecipientKind.ThirdParty)]
            [assembly: Recipient("jpush", "JPush", RecipientKind.ThirdPartySdk)]
            class Tracking
            {
                async Task Run(HttpClient http, Patient patient)
                {
                    await {|#0:http.PostAsJsonAsync("https://api.segment.io/v1/track", new { email = patient.Email })|};
                    await http.PostAsJsonAsync("https://api.jpush.cn/v3/push", new { alias = patient.Phone });
                }
            }
            """;
        await PBD5001Tests.VerifyAsync(source, null, Verify.Diagnostic("PBD5002").WithLocation(0).WithArguments(
            "'Patient.Email' (e-mail address (contact.email); marked [PersonalInfo(\"contact.email\")])", "Segment (api.segment.io)", "US", "CN"));
    }

    [Fact]
    public async Task The_processor_country_decides_what_is_abroad()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using PrivacyByDesign;
            [assembly: PersonalInfoProcessor("Clinic Pte Ltd", Country = "SG")]
            [assembly: Recipient("jpush", "JPush", RecipientKind.ThirdPartySdk)]
            [assembly: Recipient("crm", "Local CRM", RecipientKind.EntrustedProcessor, Country = "SG", Hosts = new[] { "crm.local.example" })]
            class Tracking
            {
                async Task Run(HttpClient http, Patient patient)
                {
                    await {|#0:http.PostAsJsonAsync("https://api.jpush.cn/v3/push", new { alias = patient.Phone })|};
                    await http.PostAsJsonAsync("https://crm.local.example/contacts", new { patient.Email });
                }
            }
            """;
        await PBD5001Tests.VerifyAsync(source, null, Verify.Diagnostic("PBD5002").WithLocation(0).WithMessage(null));
    }
}
