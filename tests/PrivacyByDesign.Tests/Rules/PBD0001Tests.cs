using PrivacyByDesign.Analyzers.Rules;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.ProbablePersonalInfoNotAnnotatedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules;

public class PBD0001Tests
{
    [Fact]
    public async Task Inferred_members_are_reported_with_their_reason()
    {
        const string source = """
            public class Customer
            {
                public string {|#0:IdCardNo|} { get; set; } = "";
                public long {|#1:PhoneNum|} { get; set; }
                public string {|#2:sfzh|} = "";
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD0001").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0)
                .WithArguments("IdCardNo", "sensitive resident id card number", "inferred from the name `IdCardNo`", "SensitivePersonalInfo", "identity.national_id"),
            Verify.Diagnostic("PBD0001").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(1)
                .WithArguments("PhoneNum", "mobile phone number", "inferred from the name `PhoneNum` (matches `Phone`)", "PersonalInfo", "contact.phone"),
            Verify.Diagnostic("PBD0001").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(2)
                .WithArguments("sfzh", "sensitive resident id card number", "inferred from the name `sfzh`", "SensitivePersonalInfo", "identity.national_id"));
    }

    [Fact]
    public async Task Annotated_protected_and_metadata_members_are_not_reported()
    {
        const string source = """
            using System;
            using PrivacyByDesign;
            public class Customer
            {
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCardNo { get; set; } = "";
                [NotPersonalInfo("a product code")] public string Mobile { get; set; } = "";
                public string PasswordHash { get; set; } = "";
                public bool IsPhoneVerified { get; set; }
                public DateTime PassportCheckedOn { get; set; }
                public int EmailCount { get; set; }
                public int PasswordMinLength { get; set; }
                public const string EmailKey = "email";
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
