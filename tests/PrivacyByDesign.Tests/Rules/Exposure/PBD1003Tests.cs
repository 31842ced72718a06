using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Exposure.ToStringExposesPersonalInfoAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Exposure;

public class PBD1003Tests
{
    [Fact]
    public async Task ToString_returning_personal_members_is_reported()
    {
        const string source = """
            using PrivacyByDesign;
            public class Customer
            {
                public int Id { get; set; }
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                public override string ToString() => $"Customer {Id} <{{|#0:Email|}}>";
            }
            public class Member
            {
                public string MobilePhone { get; set; } = "";
                public override string ToString()
                {
                    if (MobilePhone.Length == 0) return "member";
                    return "member " + {|#1:MobilePhone|};
                }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD1003").WithLocation(0).WithArguments("Customer", "'Customer.Email' (e-mail address (contact.email); marked [PersonalInfo(\"contact.email\")])"),
            Verify.Diagnostic("PBD1003").WithLocation(1).WithMessage(null));
    }

    [Fact]
    public async Task ToString_with_ids_or_masked_values_and_other_methods_are_clean()
    {
        const string source = """
            using PrivacyByDesign;
            public class Customer
            {
                public int Id { get; set; }
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                public override string ToString() => $"Customer {Id} <{PiMask.Email(Email)}>";
                public string Describe() => Email;
                public string ToString(string format) => Email;
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
