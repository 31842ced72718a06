using System.Text.Json;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>What the documents say, asserted directly: checklist coverage, conditional sections, the PIA trigger.</summary>
public class PolicyContentTests
{
    private static readonly string[] ChecklistItems = Enumerable.Range(1, 27).Select(i => "P" + i).ToArray();

    [Theory]
    [InlineData("privacy-policy.en.md")]
    [InlineData("privacy-policy.zh-CN.md")]
    public void Every_checklist_item_is_filled_or_marked_todo_in_a_rich_app(string fileName)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        AssertCovers(folder.Read(fileName));
    }

    [Theory]
    [InlineData("privacy-policy.en.md")]
    [InlineData("privacy-policy.zh-CN.md")]
    public void Every_checklist_item_is_filled_or_marked_todo_in_a_minimal_app(string fileName)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), folder.Out);
        AssertCovers(folder.Read(fileName));
    }

    [Fact]
    public void Conditional_sections_appear_only_when_the_code_needs_them()
    {
        using var rich = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), rich.Out);
        string policy = rich.Read("privacy-policy.en.md");
        Assert.Contains("## 4. Sensitive personal information", policy);
        Assert.Contains("## 6. Embedded third-party SDKs", policy);
        Assert.Contains("## 7. Cross-border transfers", policy);
        Assert.Contains("## 8. Automated decision-making", policy);
        Assert.Contains("## 11. Children's personal information", policy);
        Assert.Contains("Example Pay Pte. Ltd.", policy);

        using var minimal = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), minimal.Out);
        string plain = minimal.Read("privacy-policy.en.md");
        Assert.DoesNotContain("Sensitive personal information (P11", plain);
        Assert.DoesNotContain("Embedded third-party SDKs", plain);
        Assert.DoesNotContain("Cross-border transfers", plain);
        Assert.DoesNotContain("Children's personal information", plain);
        Assert.Contains("P13 SDKs: no RecipientKind.ThirdPartySdk is declared.", plain);
        Assert.Contains("TODO (P3)**: Declare each purpose", plain);
    }

    [Fact]
    public void The_impact_assessment_is_written_only_when_article_55_triggers_exist()
    {
        using var minimal = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), minimal.Out);
        Assert.False(File.Exists(Path.Combine(minimal.Out, "impact-assessment.en.md")));

        using var rich = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), rich.Out);
        string pia = rich.Read("impact-assessment.en.md");
        Assert.Contains("PIPL Art. 55(1)", pia);
        Assert.Contains("PIPL Art. 55(2)", pia);
        Assert.Contains("PIPL Art. 55(3)", pia);
        Assert.Contains("PIPL Art. 55(4)", pia);

        // The sensitive member goes away: the stale assessment is removed on the next build.
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), rich.Out);
        Assert.False(File.Exists(Path.Combine(rich.Out, "impact-assessment.en.md")));
        Assert.False(File.Exists(Path.Combine(rich.Out, "impact-assessment.zh-CN.md")));
    }

    [Fact]
    public void The_inventory_json_carries_the_article_30_fields_and_matches_the_in_assembly_copy()
    {
        using var folder = new TempFolder();
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        string json = folder.Read("data-inventory.json");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("1.0", root.GetProperty("schemaVersion").GetString());
        Assert.Equal("Acme Online Clinic Ltd.", root.GetProperty("controller").GetProperty("name").GetString());
        foreach (var field in new[] { "purposes", "dataSubjects", "personalData", "recipients", "transfers", "erasureTimeLimits", "securityMeasures" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var fee = root.GetProperty("personalData").EnumerateArray().Single(e => e.GetProperty("member").GetString() == "Fee");
        Assert.Equal("P5Y", fee.GetProperty("retention").GetProperty("period").GetString());
        Assert.Equal("member", fee.GetProperty("retention").GetProperty("declaredOn").GetString());
        Assert.Equal(new[] { "ClinicDb.Consultations" }, fee.GetProperty("stores").EnumerateArray().Select(e => e.GetString()));
        var transfer = Assert.Single(root.GetProperty("transfers").EnumerateArray());
        Assert.Equal("SG", transfer.GetProperty("country").GetString());
        Assert.Contains(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(json, quote: true), source);
    }

    [Fact]
    public void Rights_served_by_the_rights_generator_count_as_handled()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;

            [DataSubject(DataSubjects.Customer)]
            public sealed class Customer
            {
                public int Id { get; set; }

                [PersonalInfo(PiCategory.ContactEmail)]
                public string Email { get; set; } = "";
            }

            [GenerateDataSubjectRights]
            public sealed class ShopDb : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """;
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(source), folder.Out);
        string policy = folder.Read("privacy-policy.en.md");
        Assert.Contains("- Access, Portability, Erasure: `ShopDb (generated Export/Erase methods)`", policy);
        Assert.Contains("no code declares a handler for: Correction, WithdrawConsent, AccountDeletion.", policy);
    }

    [Fact]
    public void Collection_points_come_from_the_shared_collection_model()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        using var doc = JsonDocument.Parse(folder.Read("data-inventory.json"));
        var points = doc.RootElement.GetProperty("collectionPoints").EnumerateArray().ToList();
        Assert.Equal(new[] { "POST /api/consultations (lambda)", "PatientsController.Register" }, points.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("MinimalApi", points[0].GetProperty("kind").GetString());
        Assert.Contains("health.medical_record", points[0].GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "contact.phone", "identity.name" }, points[1].GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "registration" }, points[1].GetProperty("purposes").EnumerateArray().Select(e => e.GetString()));

        var mobile = folder.Read("collection-list.csv").Split('\n').Single(l => l.Contains("\"Clinic.Patient.Mobile\"", StringComparison.Ordinal));
        Assert.Contains("\"PatientsController.Register\"", mobile);
        Assert.Contains("Collected through: `POST /api/consultations (lambda)`, `PatientsController.Register`", folder.Read("privacy-policy.en.md"));
    }

    [Fact]
    public void A_model_is_tied_to_the_points_that_bind_it_not_to_every_point_of_its_categories()
    {
        const string twoForms = """
            using Microsoft.AspNetCore.Mvc;
            using PrivacyByDesign;

            namespace Shop
            {
                public sealed class OrderForm { [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = ""; }
                public sealed class ReturnForm { [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = ""; }
                public sealed class Courier { [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = ""; }

                [ApiController]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpPost("orders")] public IActionResult Order(OrderForm form) => Ok();
                    [HttpPost("returns")] public IActionResult Return(ReturnForm form) => Ok();
                }
            }
            """;
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(twoForms), folder.Out);
        var rows = folder.Read("collection-list.csv").Split('\n');
        string Row(string where) => rows.Single(l => l.Contains($"\"{where}\"", StringComparison.Ordinal));

        Assert.Contains("\"OrdersController.Order\"", Row("Shop.OrderForm.Phone"));
        Assert.Contains("\"OrdersController.Return\"", Row("Shop.ReturnForm.Phone"));
        // A type no point binds (an entity filled from a form) is tied to the points that collect its category.
        Assert.Contains("\"OrdersController.Order; OrdersController.Return\"", Row("Shop.Courier.Phone"));
        using var doc = JsonDocument.Parse(folder.Read("data-inventory.json"));
        Assert.Equal(new[] { "Shop.OrderForm" }, doc.RootElement.GetProperty("collectionPoints")[0].GetProperty("receivedTypes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_processor_country_is_read_as_the_sharing_rules_read_it()
    {
        const string declarations = """
            using PrivacyByDesign;

            [assembly: PersonalInfoProcessor("Acme", Country = " sg ")]
            [assembly: Recipient("hq", "Acme HQ", RecipientKind.JointProcessor, Country = "SG")]
            [assembly: Recipient("cn", "Acme China", RecipientKind.JointProcessor, Country = "CN")]
            """;
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(declarations), folder.Out);
        using var doc = JsonDocument.Parse(folder.Read("data-inventory.json"));
        Assert.Equal("SG", doc.RootElement.GetProperty("controller").GetProperty("country").GetString());
        Assert.Equal(new[] { "cn" }, doc.RootElement.GetProperty("transfers").EnumerateArray().Select(t => t.GetProperty("recipient").GetString()));
    }

    [Fact]
    public void The_mermaid_flow_marks_cross_border_edges()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        var lines = folder.Read("data-inventory.md").Split('\n');
        var crossBorder = Assert.Single(lines, l => l.Contains(".->", StringComparison.Ordinal));
        Assert.Contains("cross-border: SG, StandardContract", crossBorder);
        Assert.Contains("recipient_pay_", crossBorder);
        Assert.Contains(lines, l => l.Contains("subject_patient_", StringComparison.Ordinal) && l.Contains("--> collect_PatientsController_Register_", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("collect_PatientsController_Register_", StringComparison.Ordinal) && l.Contains("--> store_ClinicDb_Patients_", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("--> recipient_lab_", StringComparison.Ordinal));
    }

    private static void AssertCovers(string policy)
    {
        foreach (var item in ChecklistItems)
        {
            // Filled or TODO: "(P11, P22)" in a heading or "TODO (P11)"; not applicable: "- P11 ..." with the reason from the code.
            Assert.Matches(new System.Text.RegularExpressions.Regex($@"[（(][^)）\n]*\b{item}\b|^- {item} ", System.Text.RegularExpressions.RegexOptions.Multiline), policy);
        }
    }
}

/// <summary>The in-assembly inventory compiles in any consumer: C# 7.3, nullable on or off.</summary>
public class InventorySourceTests
{
    [Theory]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, Microsoft.CodeAnalysis.NullableContextOptions.Disable)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, Microsoft.CodeAnalysis.NullableContextOptions.Enable)]
    public void The_generated_inventory_compiles_without_warnings(Microsoft.CodeAnalysis.CSharp.LanguageVersion version, Microsoft.CodeAnalysis.NullableContextOptions nullable)
    {
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models));
        var options = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(version);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Consumer",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, options), Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Use { object M() => PrivacyByDesign.Generated.PrivacyInventory.Items[0].Category; }", options) },
            GeneratorHost.Compile().References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_project_that_sees_another_projects_inventory_through_InternalsVisibleTo_compiles_its_own_without_warnings()
    {
        var app = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("App",
            new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(GeneratorSources.Minimal, GeneratorHost.ParseOptions),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]", GeneratorHost.ParseOptions),
            },
            GeneratorHost.Compile().References, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        GeneratorHost.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out var appWithInventory, out _);
        using var image = new MemoryStream();
        var emitted = appWithInventory.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var tests = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("App.Tests",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public sealed class Fixture { [PrivacyByDesign.PersonalInfo(PrivacyByDesign.PiCategory.ContactPhone)] public string Phone { get; set; } = \"\"; }", GeneratorHost.ParseOptions) },
            GeneratorHost.Compile().References.Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        GeneratorHost.CreateDriver().RunGeneratorsAndUpdateCompilation(tests, out var testsWithInventory, out _);
        Assert.Empty(testsWithInventory.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
