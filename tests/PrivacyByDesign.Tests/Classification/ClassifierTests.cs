using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Configuration;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Classification;

public class ClassifierTests
{
    private const string IdentityStubs = """
        namespace Microsoft.AspNetCore.Identity
        {
            public class PersonalDataAttribute : System.Attribute { }
            public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
        }
        namespace Microsoft.Extensions.Compliance.Classification
        {
            public readonly struct DataClassification { public DataClassification(string t, string v) { } }
            public class DataClassificationAttribute : System.Attribute { protected DataClassificationAttribute(DataClassification c) { } }
            public sealed class NoDataClassificationAttribute : DataClassificationAttribute { public NoDataClassificationAttribute() : base(default) { } }
        }
        public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("T", "Private")) { }
        }
        """;

    [Fact]
    public void Our_attributes_classify_with_category_sensitivity_and_reason()
    {
        var (compilation, classifier) = Compile("""
            using PrivacyByDesign;
            [DataSubject(DataSubjects.Patient)]
            public class Patient
            {
                [PersonalInfo(PiCategory.ContactEmail)] public string Contact { get; set; }
                [PersonalInfo(PiCategory.IdentityNationalId)] public string Doc;
                [SensitivePersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; }
                [SensitivePersonalInfo(PiCategory.BiometricFace), StoredAs(StorageForm.Template)] public byte[] Face { get; set; }
                [return: PersonalInfo("contact.address")] public string Where() => "";
                public void Call([PersonalInfo(PiCategory.ContactPhone)] string number) { }
            }
            """);
        var patient = compilation.GetTypeByMetadataName("Patient")!;

        var contact = classifier.Classify(patient.GetMembers("Contact")[0]);
        Assert.True(contact.IsPersonal);
        Assert.Equal("contact.email", contact.CategoryId);
        Assert.False(contact.IsSensitive);
        Assert.Equal(PiSource.Attribute, contact.Source);
        Assert.Equal("marked [PersonalInfo(\"contact.email\")]", contact.Reason);
        Assert.Equal("patient", contact.Subject);

        Assert.True(classifier.Classify(patient.GetMembers("Doc")[0]).IsSensitive); // the category is sensitive
        Assert.True(classifier.Classify(patient.GetMembers("Phone")[0]).IsSensitive); // raised by the attribute

        var face = classifier.Classify(patient.GetMembers("Face")[0]);
        Assert.Equal(PiProtection.Template, face.Protection);

        Assert.Equal("contact.address", classifier.Classify(patient.GetMembers("Where")[0]).CategoryId);
        var parameter = ((IMethodSymbol)patient.GetMembers("Call")[0]).Parameters[0];
        Assert.Equal("contact.phone", classifier.Classify(parameter).CategoryId);
    }

    [Fact]
    public void Record_positional_parameters_overrides_and_types_carry_the_annotation()
    {
        var (compilation, classifier) = Compile("""
            using PrivacyByDesign;
            public record Person([property: PersonalInfo(PiCategory.IdentityName)] string FullName, [PersonalInfo(PiCategory.ContactEmail)] string Mail);
            public class Base { [PersonalInfo(PiCategory.ContactPhone)] public virtual string Line { get; set; } }
            public class Derived : Base { public override string Line { get; set; } }
            [PersonalInfo(PiCategory.ContactAddress)] public class PostalAddress { public string Street1 { get; set; } }
            public class Shipment { public PostalAddress To { get; set; } public System.Collections.Generic.List<PostalAddress> Stops { get; set; } }
            """);
        var person = compilation.GetTypeByMetadataName("Person")!;
        Assert.Equal("identity.name", classifier.Classify(person.GetMembers("FullName")[0]).CategoryId);
        Assert.Equal("contact.email", classifier.Classify(person.GetMembers("Mail")[0]).CategoryId);
        Assert.Equal("contact.phone", classifier.Classify(compilation.GetTypeByMetadataName("Derived")!.GetMembers("Line")[0]).CategoryId);

        var shipment = compilation.GetTypeByMetadataName("Shipment")!;
        var to = classifier.Classify(shipment.GetMembers("To")[0]);
        Assert.Equal(PiSource.TypeAttribute, to.Source);
        Assert.Equal("contact.address", to.CategoryId);
        Assert.Contains("PostalAddress", to.Reason);
        Assert.Equal("contact.address", classifier.Classify(shipment.GetMembers("Stops")[0]).CategoryId);
    }

    [Fact]
    public void Identity_and_compliance_attributes_are_inputs_and_no_classification_is_an_opt_out()
    {
        var (compilation, classifier) = Compile(IdentityStubs + """
            public class AppUser
            {
                [Microsoft.AspNetCore.Identity.PersonalData] public string Nickname { get; set; }
                [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string PhoneNumber { get; set; }
                [PrivateData] public string Notes { get; set; }
                [Microsoft.Extensions.Compliance.Classification.NoDataClassification] public string Email { get; set; }
            }
            """);
        var user = compilation.GetTypeByMetadataName("AppUser")!;

        var nickname = classifier.Classify(user.GetMembers("Nickname")[0]);
        Assert.True(nickname.IsPersonal);
        Assert.Equal(PiSource.IdentityPersonalData, nickname.Source);
        Assert.Null(nickname.CategoryId); // Identity says "personal", not which category, and the name does not tell

        var phone = classifier.Classify(user.GetMembers("PhoneNumber")[0]);
        Assert.Equal("contact.phone", phone.CategoryId);
        Assert.Equal(PiProtection.Encrypted, phone.Protection);
        Assert.Contains("ProtectedPersonalData", phone.Reason);

        var notes = classifier.Classify(user.GetMembers("Notes")[0]);
        Assert.Equal(PiSource.DataClassification, notes.Source);
        Assert.Contains("[PrivateData]", notes.Reason);

        var email = classifier.Classify(user.GetMembers("Email")[0]);
        Assert.False(email.IsPersonal);
        Assert.Equal(PiSource.NotPersonalInfo, email.Source);
    }

    [Fact]
    public void NotPersonalInfo_beats_inference_on_members_and_types()
    {
        var (compilation, classifier) = Compile("""
            using PrivacyByDesign;
            public class Customer
            {
                [NotPersonalInfo("the shop's hotline")] public string Phone { get; set; }
                public string Email { get; set; }
                public SkuCode Mobile { get; set; }
            }
            [NotPersonalInfo] public class SkuCode { public string Name { get; set; } }
            [NotPersonalInfo] public class Seed { public string Email { get; set; } }
            """);
        var customer = compilation.GetTypeByMetadataName("Customer")!;
        var phone = classifier.Classify(customer.GetMembers("Phone")[0]);
        Assert.False(phone.IsPersonal);
        Assert.Equal(PiSource.NotPersonalInfo, phone.Source);
        Assert.True(classifier.Classify(customer.GetMembers("Email")[0]).IsPersonal);
        Assert.False(classifier.Classify(customer.GetMembers("Mobile")[0]).IsPersonal);
        Assert.False(classifier.Classify(compilation.GetTypeByMetadataName("Seed")!.GetMembers("Email")[0]).IsPersonal);
    }

    [Fact]
    public void Inference_reports_its_reason_and_respects_context()
    {
        var (compilation, classifier) = Compile("""
            public class Member { public string Name { get; set; } public string IdCardNo { get; set; } public string CustomerIdCardNo { get; set; } }
            public class Product { public string Name { get; set; } public string Code { get; set; } }
            public class Shipment { public string Sjhm { get; set; } public string Name { get; set; } }
            public class SmtpOptions { public string UserName { get; set; } public string Password { get; set; } public string DisplayName { get; set; } }
            public static class Api
            {
                public static void RegisterCustomer(string name) { }
                public static void Rename(string name) { }
                public static void Sign(string name, string idCardNo) { }
            }
            """);
        var member = compilation.GetTypeByMetadataName("Member")!;
        var idCard = classifier.Classify(member.GetMembers("IdCardNo")[0]);
        Assert.Equal(PiSource.NameInference, idCard.Source);
        Assert.True(idCard.IsSensitive);
        Assert.Equal("inferred from the name `IdCardNo`", idCard.Reason);
        Assert.Equal("inferred from the name `CustomerIdCardNo` (matches `IdCardNo`)", classifier.Classify(member.GetMembers("CustomerIdCardNo")[0]).Reason);
        Assert.Equal("identity.name", classifier.Classify(member.GetMembers("Name")[0]).CategoryId);

        var product = compilation.GetTypeByMetadataName("Product")!;
        Assert.False(classifier.Classify(product.GetMembers("Name")[0]).IsPersonal);
        Assert.False(classifier.Classify(product.GetMembers("Code")[0]).IsPersonal);

        // A sibling field that is unmistakably personal makes the type a person context.
        Assert.True(classifier.Classify(compilation.GetTypeByMetadataName("Shipment")!.GetMembers("Name")[0]).IsPersonal);

        var options = compilation.GetTypeByMetadataName("SmtpOptions")!;
        Assert.All(options.GetMembers().OfType<IPropertySymbol>(), p => Assert.False(classifier.Classify(p).IsPersonal, p.Name));

        var api = compilation.GetTypeByMetadataName("Api")!;
        IParameterSymbol P(string method) => ((IMethodSymbol)api.GetMembers(method)[0]).Parameters[0];
        Assert.True(classifier.Classify(P("RegisterCustomer")).IsPersonal);
        Assert.False(classifier.Classify(P("Rename")).IsPersonal);
        Assert.True(classifier.Classify(P("Sign")).IsPersonal);
    }

    [Fact]
    public void Type_aware_inference_skips_flags_timestamps_counts_and_surrogate_keys()
    {
        var (compilation, classifier) = Compile("""
            public class User
            {
                public bool IsPhoneVerified { get; set; }
                public System.DateTime PassportCheckedOn { get; set; }
                public System.DateTime BirthDate { get; set; }
                public int EmailCount { get; set; }
                public long PhoneNum { get; set; }
                public System.Guid UserId { get; set; }
                public int AccountId { get; set; }
                public string PasswordHash { get; set; }
                public const string EmailKey = "email";
            }
            """);
        var user = compilation.GetTypeByMetadataName("User")!;
        PiClassification C(string name) => classifier.Classify(user.GetMembers(name)[0]);
        Assert.False(C("IsPhoneVerified").IsPersonal);
        Assert.False(C("PassportCheckedOn").IsPersonal);
        Assert.True(C("BirthDate").IsPersonal);
        Assert.False(C("EmailCount").IsPersonal);
        Assert.Equal("contact.phone", C("PhoneNum").CategoryId);
        Assert.False(C("UserId").IsPersonal);
        Assert.False(C("AccountId").IsPersonal);
        Assert.True(C("PasswordHash").IsPersonal);
        Assert.Equal(PiProtection.Hashed, C("PasswordHash").Protection);
        Assert.False(C("EmailKey").IsPersonal);

        var members = classifier.GetPersonalMembers(user).Select(m => m.Member.Name).ToArray();
        Assert.Equal(new[] { "BirthDate", "PhoneNum", "PasswordHash" }, members);
    }

    [Fact]
    public void A_types_personal_members_include_its_base_types_not_hidden_by_a_member_of_the_same_name()
    {
        var (compilation, classifier) = Compile("""
            using PrivacyByDesign;
            public class Party { public string Email { get; set; } public string Phone { get; set; } public string Note { get; set; } }
            public class Person : Party { public string IdCard { get; set; } [NotPersonalInfo] public new string Email { get; set; } public void Phone2() { } }
            public class Customer : Person { public string RealName { get; set; } public new int Phone; }
            public class Supplier : Person { }
            """);
        string[] Members(string type) => classifier.GetPersonalMembers(compilation.GetTypeByMetadataName(type)!).Select(m => m.Member.ContainingType.Name + "." + m.Member.Name).ToArray();

        // Nearest declaration first, then each base type's in turn; a hiding member hides whether it is personal or not.
        Assert.Equal(new[] { "Person.IdCard", "Party.Phone" }, Members("Person"));
        Assert.Equal(new[] { "Customer.RealName", "Customer.Phone", "Person.IdCard" }, Members("Customer"));
        Assert.Equal(Members("Person"), Members("Supplier"));
    }

    [Fact]
    public void Locals_are_classified_by_name_in_the_method_context()
    {
        var (compilation, classifier) = Compile("""
            public class CustomerService
            {
                public void Run() { string shouJiHao = ""; int total = 0; System.Console.WriteLine(shouJiHao + total); }
            }
            """);
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var locals = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Select(d => (ILocalSymbol)model.GetDeclaredSymbol(d)!).ToDictionary(l => l.Name);
        Assert.Equal("contact.phone", classifier.Classify(locals["shouJiHao"]).CategoryId);
        Assert.False(classifier.Classify(locals["total"]).IsPersonal);
    }

    [Fact]
    public void Project_configuration_adds_categories_names_and_exclusions()
    {
        const string json = """
            {
              // comments are allowed
              "categories": [ { "id": "custom.loyalty_card", "en": "Loyalty card number", "zh": "会员卡号", "sensitive": true, "financialLevel": "C2", "names": ["LoyaltyCardNo", "HuiYuanKaHao"] } ],
              "names": { "contact.phone": ["Shouji2"] },
              "notPersonal": ["CompanyPhone"],
              "personTypes": ["Lvke"],
            }
            """;
        var (compilation, classifier) = Compile("""
            public class Account { public string HuiYuanKaHao { get; set; } public string Shouji2 { get; set; } public string CompanyPhone { get; set; } }
            public class LvkeInfo { public string Name { get; set; } }
            """, json);
        Assert.Empty(classifier.Config.Problems);
        var account = compilation.GetTypeByMetadataName("Account")!;
        var card = classifier.Classify(account.GetMembers("HuiYuanKaHao")[0]);
        Assert.Equal("custom.loyalty_card", card.CategoryId);
        Assert.True(card.IsSensitive);
        Assert.Equal("contact.phone", classifier.Classify(account.GetMembers("Shouji2")[0]).CategoryId);
        Assert.False(classifier.Classify(account.GetMembers("CompanyPhone")[0]).IsPersonal);
        Assert.True(classifier.Classify(compilation.GetTypeByMetadataName("LvkeInfo")!.GetMembers("Name")[0]).IsPersonal);
    }

    [Fact]
    public void Configuration_can_turn_inference_off_and_reports_problems_with_places()
    {
        var off = PrivacyConfig.Parse("privacybydesign.json", SourceText.From("""{ "inference": false }"""));
        Assert.False(off.InferenceEnabled);

        var bad = PrivacyConfig.Parse("privacybydesign.json", SourceText.From("""
            { "names": { "contact.mail": ["X"] }, "categories": [ { "id": "contact.email" } ] }
            """));
        Assert.Equal(2, bad.Problems.Length);
        Assert.Contains(bad.Problems, p => p.Message.Contains("unknown category 'contact.mail'"));
        Assert.Contains(bad.Problems, p => p.Message.Contains("already exists"));

        var broken = PrivacyConfig.Parse("privacybydesign.json", SourceText.From("{ \"names\": [ }"));
        Assert.Single(broken.Problems);
        Assert.Equal(0, broken.Problems[0].LineSpan.Start.Line);
    }

    [Fact]
    public void Shared_classifier_follows_the_configuration_file_of_each_analysis_run()
    {
        var (compilation, _) = Compile("public class Account { public string Ringer { get; set; } }");
        var member = compilation.GetTypeByMetadataName("Account")!.GetMembers("Ringer")[0];
        var withoutConfig = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var withConfig = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
            new InMemoryText("privacybydesign.json", """{ "names": { "contact.phone": ["Ringer"] } }""")));

        var first = PersonalInfoClassifier.For(compilation, withoutConfig, CancellationToken.None);
        Assert.Same(first, PersonalInfoClassifier.For(compilation, withoutConfig, CancellationToken.None));
        Assert.False(first.Classify(member).IsPersonal);
        // The IDE changes the configuration file without creating a new compilation.
        Assert.Equal("contact.phone", PersonalInfoClassifier.For(compilation, withConfig, CancellationToken.None).Classify(member).CategoryId);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    [Fact]
    public void Half_typed_code_does_not_throw()
    {
        var (compilation, classifier) = Compile("""
            public class User { public Unknown Phone { get; set; } public string Email  [PersonalInfo( public string
            """);
        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member))
        {
            _ = classifier.Classify(type);
        }
    }

    private static (Compilation, PersonalInfoClassifier) Compile(string source, string? configJson = null)
    {
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { CSharpSyntaxTree.ParseText(source) },
            RuntimeReferences.Value.Add(TestReferences.Annotations),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        var config = configJson == null ? PrivacyConfig.Empty : PrivacyConfig.Parse("privacybydesign.json", SourceText.From(configJson));
        return (compilation, new PersonalInfoClassifier(compilation, config));
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Collections.dll" or "System.Console.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());
}
