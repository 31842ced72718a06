using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Rights.ConsentNotWithdrawableAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Rights;

public class PBD6003Tests
{
    [Fact]
    public async Task Consents_without_withdrawal_are_reported_where_they_are_given()
    {
        const string source = """
            using PrivacyByDesign;
            public class SignUp
            {
                [{|#0:Consent("marketing")|}] public bool MarketingAccepted { get; set; }
                [{|#1:RequiresSeparateConsent("face-check")|}] public byte[] Face { get; set; } = new byte[0];
                [Consent("newsletter")] public bool Newsletter { get; set; }
            }
            public class Preferences
            {
                [ConsentWithdrawal("newsletter")] public void Unsubscribe() { }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD6003").WithLocation(0).WithArguments("marketing"),
            Verify.Diagnostic("PBD6003").WithLocation(1).WithArguments("face-check"));
    }

    [Fact]
    public async Task A_handler_offering_withdrawal_covers_every_consent()
    {
        const string source = """
            using PrivacyByDesign;
            public class SignUp
            {
                [Consent("marketing", "analytics")] public bool Accepted { get; set; }
            }
            public class Rights
            {
                [DataSubjectRightsHandler(DataSubjectRight.WithdrawConsent, DataSubjects.User)] public void Withdraw(string consentId) { }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
