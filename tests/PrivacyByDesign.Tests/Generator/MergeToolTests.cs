using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Tool;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>The merge tool reads inventories back losslessly and renders a solution's documents with the generator's renderers.</summary>
public class MergeToolTests
{
    private const string Billing = """
        using PrivacyByDesign;

        [assembly: ProcessingPurpose("payment", "Take payment (billing's wording)", LegalBasis.Contract, Retention = "P3Y")]
        [assembly: ProcessingPurpose("invoicing", "Issue invoices", LegalBasis.LegalObligation, DescriptionZh = "开具发票",
            NecessaryCategories = new[] { PiCategory.IdentityName }, Retention = "P10Y")]
        [assembly: Recipient("tax", "Tax Invoice Service Co.", RecipientKind.EntrustedProcessor, Purposes = new[] { "invoicing" },
            Categories = new[] { PiCategory.IdentityName }, Country = "CN", Contact = "svc@tax.example")]

        namespace Billing
        {
            [Purpose("invoicing")]
            public sealed class Invoice
            {
                [PersonalInfo(PiCategory.IdentityName)]
                public string BuyerName { get; set; } = "";
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reading_an_inventory_back_renders_the_generators_documents_byte_for_byte(bool rich)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(rich ? GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models) : GeneratorHost.Compile(GeneratorSources.Minimal), folder.Out);

        var model = InventoryJsonReader.Read(folder.Read("data-inventory.json"));
        var documents = DocumentSet.Render(model);

        Assert.Equal(Directory.GetFiles(folder.Out).Count(f => Path.GetFileName(f) != DocumentWriter.StampFileName), documents.Count);
        foreach (var document in documents)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Out, document.FileName)), System.Text.Encoding.UTF8.GetBytes(document.Content));
        }
    }

    [Fact]
    public void Merge_combines_projects_and_keeps_shared_declarations_once()
    {
        using var clinic = new TempFolder();
        using var billing = new TempFolder();
        using var system = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), clinic.Out);
        GeneratorHost.Run(CSharpCompilation.Create("Billing", new[] { CSharpSyntaxTree.ParseText(Billing, GeneratorHost.ParseOptions) },
            GeneratorHost.Compile().References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)), billing.Out);

        var output = new StringWriter();
        var error = new StringWriter();
        int exit = MergeCommand.Run(new[] { "--name", "Clinic System", "--out", system.Out, clinic.Out, Path.Combine(billing.Out, "data-inventory.json") }, output, error);

        Assert.True(exit == 0, error.ToString());
        var merged = InventoryJsonReader.Read(system.Read("data-inventory.json"));
        Assert.Equal("Clinic System", merged.AssemblyName);
        Assert.Equal(new[] { "consultation", "invoicing", "marketing", "payment", "registration" }, merged.Purposes.Select(p => p.Id));

        // "Billing" sorts before "ClinicApp": its wording of the shared purpose id wins, and its processor is absent, so the clinic's is kept.
        Assert.Equal("Take payment (billing's wording)", merged.Purposes.Single(p => p.Id == "payment").Description);
        Assert.Equal("Acme Online Clinic Ltd.", merged.Processor!.Name);
        Assert.Contains(merged.DataTypes, t => t.TypeName == "Billing.Invoice");
        Assert.Contains(merged.DataTypes, t => t.TypeName == "Clinic.Patient");
        Assert.Contains("Tax Invoice Service Co.", system.Read("third-party-sharing-list.csv"));
        Assert.Contains("Example Pay Pte. Ltd.", system.Read("privacy-policy.zh-CN.md"));
        Assert.True(File.Exists(Path.Combine(system.Out, "impact-assessment.en.md")));
    }

    [Fact]
    public void Merge_reports_usage_missing_files_and_foreign_schema_versions()
    {
        using var folder = new TempFolder();
        var error = new StringWriter();
        Assert.Equal(2, MergeCommand.Run(new[] { "--out", folder.Out }, TextWriter.Null, error));
        Assert.Contains("usage", error.ToString());

        Assert.Equal(1, MergeCommand.Run(new[] { "--name", "S", "--out", folder.Out, Path.Combine(folder.Path, "nope.json") }, TextWriter.Null, TextWriter.Null));

        Directory.CreateDirectory(folder.Path);
        string future = Path.Combine(folder.Path, "future.json");
        File.WriteAllText(future, "{\"schemaVersion\":\"2.0\"}");
        error = new StringWriter();
        Assert.Equal(1, MergeCommand.Run(new[] { "--name", "S", "--out", folder.Out, future }, TextWriter.Null, error));
        Assert.Contains("2.0", error.ToString());
        Assert.False(Directory.Exists(folder.Out));
    }
}
