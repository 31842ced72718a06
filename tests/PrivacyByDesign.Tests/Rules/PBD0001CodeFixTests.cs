using Verify = PrivacyByDesign.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyByDesign.Analyzers.Rules.ProbablePersonalInfoNotAnnotatedAnalyzer,
    PrivacyByDesign.CodeFixes.Classification.ProbablePersonalInfoNotAnnotatedCodeFixProvider>;

namespace PrivacyByDesign.Tests.Rules;

public class PBD0001CodeFixTests
{
    [Fact]
    public async Task Adds_sensitive_attribute_with_the_category_constant_and_the_using()
    {
        await Verify.VerifyFixAsync(
            """
            public class Customer
            {
                public string {|PBD0001:IdCardNo|} { get; set; }
            }
            """,
            """
            using PrivacyByDesign;

            public class Customer
            {
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)]
                public string IdCardNo { get; set; }
            }
            """);
    }

    [Fact]
    public async Task Adds_personal_attribute_to_a_field_in_a_namespace_that_already_imports_it()
    {
        await Verify.VerifyFixAsync(
            """
            using PrivacyByDesign;

            namespace Shop
            {
                public class Order
                {
                    public string {|PBD0001:Email|};
                }
            }
            """,
            """
            using PrivacyByDesign;

            namespace Shop
            {
                public class Order
                {
                    [PersonalInfo(PiCategory.ContactEmail)]
                    public string Email;
                }
            }
            """);
    }

    [Fact]
    public async Task Marks_a_false_positive_as_not_personal()
    {
        await Verify.VerifyFixAsync(
            """
            using PrivacyByDesign;

            public class Customer
            {
                public string {|PBD0001:Mobile|} { get; set; }
            }
            """,
            """
            using PrivacyByDesign;

            public class Customer
            {
                [NotPersonalInfo]
                public string Mobile { get; set; }
            }
            """,
            actionIndex: 1);
    }

    [Fact]
    public async Task Annotates_a_record_positional_parameter()
    {
        await Verify.VerifyFixAsync(
            """
            using PrivacyByDesign;

            public record Patient(string {|PBD0001:Sfzh|});
            """,
            """
            using PrivacyByDesign;

            public record Patient([SensitivePersonalInfo(PiCategory.IdentityNationalId)] string Sfzh);
            """);
    }
}
