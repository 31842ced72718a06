using Microsoft.CodeAnalysis.Testing;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Sharing.PersonalInfoSharedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Sharing;

public class PBD5001Tests
{
    private const string Model = """
        using PrivacyByDesign;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
        }
        namespace Sentry { public static class SentrySdk { public static void CaptureMessage(string message) { } } }
        """;

    internal static Task VerifyAsync(string source, string? config, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test =>
        {
            test.TestState.Sources.Add(("Model.cs", Model));
            if (config != null)
            {
                test.TestState.AdditionalFiles.Add(("privacybydesign.json", config));
            }
        }, expected);

    [Fact]
    public async Task Personal_information_sent_to_a_known_third_party_host_or_sdk_is_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Tracking
            {
                async Task Run(HttpClient http, Patient patient)
                {
                    await {|#0:http.PostAsJsonAsync("https://api.segment.io/v1/track", new { email = patient.Email })|};
                    await {|#1:http.GetAsync($"https://api.mixpanel.com/engage?phone={patient.Phone}")|};
                    await {|#2:http.PostAsJsonAsync("https://api.jpush.cn/v3/push", new { alias = patient.Phone })|};
                    Sentry.SentrySdk.CaptureMessage({|#3:$"Failed for {patient.Email}"|});
                }
            }
            """;
        await VerifyAsync(source, null,
            Verify.Diagnostic("PBD5001").WithLocation(0).WithArguments(
                "'Patient.Email' (e-mail address (contact.email); marked [PersonalInfo(\"contact.email\")])", "Segment (api.segment.io)"),
            Verify.Diagnostic("PBD5001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD5001").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD5001").WithLocation(3).WithMessage(null));
    }

    [Fact]
    public async Task Declared_recipients_identifiers_lookalike_hosts_and_unknown_hosts_are_clean()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using PrivacyByDesign;
            [assembly: Recipient("segment", "Segment", RecipientKind.ThirdParty, Country = "US", Mechanism = CrossBorderMechanism.StandardContract)]
            [assembly: Recipient("sentry", "Sentry", RecipientKind.EntrustedProcessor, Country = "US", Mechanism = CrossBorderMechanism.StandardContract, Namespaces = new[] { "Sentry" })]
            class Tracking
            {
                async Task Run(HttpClient http, Patient patient)
                {
                    await http.PostAsJsonAsync("https://api.segment.io/v1/track", new { email = patient.Email });
                    await http.PostAsJsonAsync("https://api.mixpanel.com/track", new { id = patient.Id });
                    await http.PostAsJsonAsync("https://evilsegment.io/track", new { email = patient.Email });
                    await http.PostAsJsonAsync("https://api.segment.io.example.net/track", new { email = patient.Email });
                    await http.PostAsJsonAsync("https://api.ourclinic.example/patients", patient);
                    Sentry.SentrySdk.CaptureMessage($"Failed for {patient.Email}");
                }
            }
            """;
        await VerifyAsync(source, null);
    }

    [Fact]
    public async Task Project_third_parties_come_from_privacybydesign_json()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Crm
            {
                Task Run(HttpClient http, Patient patient)
                    => {|#0:http.PostAsJsonAsync("https://eu.crm.acme.example/contacts", new { patient.Email })|};
            }
            """;
        const string config = """{ "thirdParties": [ { "id": "acme-crm", "name": "Acme CRM", "kind": "crm", "country": "SG", "hosts": ["crm.acme.example"] } ] }""";
        await VerifyAsync(source, config, Verify.Diagnostic("PBD5001").WithLocation(0).WithMessage(null));
    }
}
