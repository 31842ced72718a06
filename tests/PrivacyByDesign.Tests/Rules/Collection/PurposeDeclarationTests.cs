using PrivacyByDesign.Analyzers.Rules.Collection;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>PBD3002, PBD3003, PBD3005: purposes used but undeclared, declared but unused, essential beyond the app type.</summary>
public class PurposeDeclarationTests
{
    [Fact]
    public async Task PBD3002_undeclared_purpose_ids_are_reported_where_they_are_used()
    {
        const string source = """
            using System;
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("orders", "Deliver orders", LegalBasis.Contract)]
            [assembly: Recipient("courier", "Courier Ltd.", RecipientKind.EntrustedProcessor, Purposes = new[] { "orders", {|#3:"returns"|} })]

            [Purpose("orders")]
            public class Order
            {
                [PersonalInfo(PiCategory.ContactPhone), Purpose({|#0:"order"|})] public string Phone { get; set; } = "";
                [Purpose("orders"), Purpose({|#1:"analytics"|})] public void Track() { }
                public Func<int, int> F = [Purpose({|#2:"lambda"|})] (int x) => x;
            }
            """;
        await CollectionVerifier<UndeclaredPurposeAnalyzer>.VerifyAsync(source,
            CollectionVerifier<UndeclaredPurposeAnalyzer>.Diagnostic("PBD3002").WithLocation(0).WithArguments("order"),
            CollectionVerifier<UndeclaredPurposeAnalyzer>.Diagnostic("PBD3002").WithLocation(1).WithArguments("analytics"),
            CollectionVerifier<UndeclaredPurposeAnalyzer>.Diagnostic("PBD3002").WithLocation(2).WithArguments("lambda"),
            CollectionVerifier<UndeclaredPurposeAnalyzer>.Diagnostic("PBD3002").WithLocation(3).WithArguments("returns"));
    }

    [Fact]
    public async Task PBD3003_purposes_nothing_refers_to_are_reported()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("orders", "Deliver orders", LegalBasis.Contract)]
            [assembly: ProcessingPurpose("marketing", "Offers", LegalBasis.Consent)]
            [assembly: ProcessingPurpose("lab", "Lab tests", LegalBasis.Consent)]
            [assembly: ProcessingPurpose("payments", "Payments", LegalBasis.Contract)]
            [assembly: ProcessingPurpose("withdrawn", "Withdrawn", LegalBasis.Consent)]
            [assembly: {|#0:ProcessingPurpose("analytics", "Usage analytics", LegalBasis.Consent)|}]
            [assembly: Recipient("pay", "Pay Ltd.", RecipientKind.EntrustedProcessor, Purposes = new[] { "payments" })]

            [Purpose("orders")]
            public class Order
            {
                [Consent("marketing", "lab")] public bool Agrees { get; set; }
                [ConsentWithdrawal("withdrawn")] public void Withdraw() { }
            }
            """;
        await CollectionVerifier<UnusedPurposeAnalyzer>.VerifyAsync(source,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PBD3003", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("analytics"));
    }

    [Fact]
    public async Task PBD3005_essential_purposes_may_only_require_the_app_types_necessary_information()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("checkout", "Take orders", LegalBasis.Contract,
                NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactAddress, PiCategory.ContactPhone, {|#0:PiCategory.BasicBirthDate|} })]
            [assembly: ProcessingPurpose("birthday-offers", "Birthday offers", LegalBasis.Consent, Essential = false,
                NecessaryCategories = new[] { PiCategory.BasicBirthDate })]
            """;
        await CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.VerifyAsync(source, CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.AppType("online_shopping"),
            CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.Diagnostic("PBD3005").WithLocation(0)
                .WithArguments("basic.birth_date", "online shopping", "网上购物类", "checkout"));

        // Without an app type there is no regulator's list to compare with.
        await CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.VerifyAsync(source.Replace("{|#0:", "").Replace("|}", ""));
    }

    [Fact]
    public async Task PBD3005_types_whose_basic_function_needs_nothing_flag_every_essential_category()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: PersonalInfoProcessor("Acme Torch", AppType = "utilities")]
            [assembly: ProcessingPurpose("torch", "Switch the light on", LegalBasis.Contract,
                NecessaryCategories = new[] { {|#0:PiCategory.LocationPrecise|} })]
            """;
        await CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.VerifyAsync(source,
            CollectionVerifier<EssentialPurposeBeyondAppTypeAnalyzer>.Diagnostic("PBD3005").WithLocation(0));
    }
}

public class UnknownAppTypeTests
{
    [Fact]
    public async Task PBD3011_an_unknown_app_type_in_the_processor_declaration_is_reported_with_a_suggestion()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: PersonalInfoProcessor("Acme", AppType = {|#0:"online-shoping"|})]
            """;
        await CollectionVerifier<UnknownAppTypeAnalyzer>.VerifyAsync(source,
            CollectionVerifier<UnknownAppTypeAnalyzer>.Diagnostic("PBD3011").WithLocation(0)
                .WithArguments("online-shoping", "PersonalInfoProcessor.AppType", "; did you mean 'online_shopping'?"));
    }

    [Fact]
    public async Task PBD3011_an_unknown_MSBuild_app_type_is_reported_without_a_location()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: PersonalInfoProcessor("Acme", AppType = "news")]
            """;
        await CollectionVerifier<UnknownAppTypeAnalyzer>.VerifyAsync(source, CollectionVerifier<UnknownAppTypeAnalyzer>.AppType("clinic"),
            CollectionVerifier<UnknownAppTypeAnalyzer>.Diagnostic("PBD3011").WithArguments("clinic", "MSBuild property PrivacyByDesignAppType", "; see docs/rules/PBD3004.md"));
    }

    [Fact]
    public async Task PBD3011_known_app_types_in_either_spelling_are_clean()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: PersonalInfoProcessor("Acme", AppType = "Food-Delivery")]
            """;
        await CollectionVerifier<UnknownAppTypeAnalyzer>.VerifyAsync(source, CollectionVerifier<UnknownAppTypeAnalyzer>.AppType("ride_hailing"));
    }
}
