using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.UnknownCategoryAnalyzer>;

namespace PrivacyByDesign.Tests.Rules;

public class PBD0002Tests
{
    [Fact]
    public async Task Unknown_ids_are_reported_with_a_suggestion()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("orders", "Deliver orders", LegalBasis.Contract, NecessaryCategories = new[] { PiCategory.ContactPhone, {|#1:"contact.adress"|} })]
            public class Customer
            {
                [PersonalInfo({|#0:"contact.mail"|})] public string Mail { get; set; }
                [SensitivePersonalInfo({|#2:"loyalty"|})] public string Card { get; set; }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD0002").WithLocation(0).WithArguments("contact.mail", "; did you mean 'contact.email'?"),
            Verify.Diagnostic("PBD0002").WithLocation(1).WithArguments("contact.adress", "; did you mean 'contact.address'?"),
            Verify.Diagnostic("PBD0002").WithLocation(2).WithArguments("loyalty", "; see docs/taxonomy.md"));
    }

    [Fact]
    public async Task Known_ids_constants_and_configured_custom_categories_are_clean()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: Recipient("sf", "SF Express", RecipientKind.EntrustedProcessor, Categories = new[] { PiCategory.ContactAddress, "custom.loyalty_card" })]
            public class Customer
            {
                [PersonalInfo("contact.email")] public string Mail { get; set; }
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string Id { get; set; }
                [PersonalInfo("custom.loyalty_card")] public string Card { get; set; }
                [Purpose("contact.mail")] public void NotACategory() { }
            }
            """;
        await Verify.VerifyAsync(source, test => test.TestState.AdditionalFiles.Add(("privacybydesign.json", """{ "categories": [ { "id": "custom.loyalty_card" } ] }""")));
    }

    /// <summary>
    /// Attributes are read as the compiler bound them for the symbol they apply to; these are the declarations where
    /// finding that symbol differs (several variables, parameters, constants, targets, broken arguments).
    /// </summary>
    [Fact]
    public async Task Ids_are_read_on_every_kind_of_declaration()
    {
        const string source = """
            using PrivacyByDesign;
            public static class Ids
            {
                public const string Typo = "contact.emial";
                public const string Fine = "contact.email";
            }

            public class Customer
            {
                [PersonalInfo({|#0:"contact.fone"|})] public string Phone, Mobile;
                [PersonalInfo({|#1:Ids.Typo|})] public string Mail { get; set; }
                [PersonalInfo(Ids.Fine)] public string Other { get; set; }
                public void Update([PersonalInfo({|#2:"contact.adress"|})] string address) { }
                [PersonalInfo({|#4:{|CS1503:42|}|})] public string Broken { get; set; }
            }

            public record Patient([PersonalInfo({|#3:"health.diagnosys"|})] string Diagnosis, [property: PersonalInfo({|#5:"contact.mail"|})] string Mail);
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD0002").WithLocation(0).WithArguments("contact.fone", "; did you mean 'contact.phone'?"),
            Verify.Diagnostic("PBD0002").WithLocation(1).WithArguments("contact.emial", "; did you mean 'contact.email'?"),
            Verify.Diagnostic("PBD0002").WithLocation(2).WithArguments("contact.adress", "; did you mean 'contact.address'?"),
            Verify.Diagnostic("PBD0002").WithLocation(3).WithArguments("health.diagnosys", "; see docs/taxonomy.md"),
            Verify.Diagnostic("PBD0002").WithLocation(5).WithArguments("contact.mail", "; did you mean 'contact.email'?"));
    }
}
