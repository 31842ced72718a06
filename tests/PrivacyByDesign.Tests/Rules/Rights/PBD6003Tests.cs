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

    /// <summary>
    /// Only the types where one of the rights attributes is written are read; these are the places such a filter could
    /// miss: nested types, parameters, record properties, an aliased or fully qualified name, and a withdrawal declared
    /// on another type than the consent.
    /// </summary>
    [Fact]
    public async Task Consents_are_found_wherever_they_are_declared()
    {
        const string source = """
            using Agree = PrivacyByDesign.ConsentAttribute;
            using PrivacyByDesign;
            public class Outer
            {
                public class SignUp
                {
                    [{|#0:Agree("alias")|}] public bool Aliased { get; set; }
                    [{|#1:PrivacyByDesign.ConsentAttribute("qualified")|}] public bool Qualified { get; set; }
                    public void Accept([{|#2:Consent("parameter")|}] bool accepted) { }
                }
            }
            public record Form([property: {|#3:RequiresSeparateConsent("record")|}] byte[] Face, [Consent("kept")] bool Kept);
            public enum Choices { None, [{|#4:Consent("enum")|}] Marketing }
            public class Plain
            {
                public bool Accepted { get; set; }
                public void Withdraw() { }
            }
            namespace Later
            {
                public static class Preferences
                {
                    public class Inner
                    {
                        [ConsentWithdrawal("kept")] public static void Unsubscribe() { }
                    }
                }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD6003").WithLocation(0).WithArguments("alias"),
            Verify.Diagnostic("PBD6003").WithLocation(1).WithArguments("qualified"),
            Verify.Diagnostic("PBD6003").WithLocation(2).WithArguments("parameter"),
            Verify.Diagnostic("PBD6003").WithLocation(3).WithArguments("record"),
            Verify.Diagnostic("PBD6003").WithLocation(4).WithArguments("enum"));
    }

    [Fact]
    public async Task A_withdrawal_written_through_an_alias_is_found()
    {
        const string source = """
            using Withdraw = PrivacyByDesign.ConsentWithdrawalAttribute;
            using PrivacyByDesign;
            public class SignUp
            {
                [Consent("marketing")] public bool MarketingAccepted { get; set; }
            }
            public class Preferences
            {
                [Withdraw("marketing")] public void Unsubscribe() { }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
