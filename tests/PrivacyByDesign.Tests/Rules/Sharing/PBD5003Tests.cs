using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Sharing.IncompleteRecipientAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Sharing;

public class PBD5003Tests
{
    [Fact]
    public async Task Missing_notice_fields_are_listed()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: {|#0:Recipient("lab", "City Lab", RecipientKind.ThirdParty, Contact = "privacy@lab.example")|}]
            [assembly: {|#1:Recipient("segment", "Segment", RecipientKind.ThirdPartySdk, Contact = "privacy@segment.example", Purposes = new[] { "analytics" }, Categories = new[] { PiCategory.DeviceTrackingId }, Country = "US")|}]
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD5003").WithLocation(0).WithArguments("City Lab", "Purposes, Categories", "PIPL Art. 23"),
            Verify.Diagnostic("PBD5003").WithLocation(1).WithArguments("Segment", "RightsProcedure, Mechanism", "PIPL Art. 39"));
    }

    [Fact]
    public async Task Complete_declarations_and_domestic_entrusted_processors_are_clean()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: Recipient("sms", "SMS gateway", RecipientKind.EntrustedProcessor)]
            [assembly: Recipient("lab", "City Lab", RecipientKind.ThirdParty, Contact = "privacy@lab.example", Purposes = new[] { "lab-tests" }, Categories = new[] { PiCategory.HealthMedicalRecord })]
            [assembly: Recipient("segment", "Segment", RecipientKind.ThirdPartySdk, Contact = "privacy@segment.example", Purposes = new[] { "analytics" }, Categories = new[] { PiCategory.DeviceTrackingId },
                Country = "US", RightsProcedure = "E-mail the DPO", Mechanism = CrossBorderMechanism.StandardContract)]
            """;
        await Verify.VerifyAsync(source);
    }
}
