using PrivacyByDesign.Package.Tests.Infrastructure;

namespace PrivacyByDesign.Package.Tests;

/// <summary>A project that references the package gets its privacy documents, and on request its in-assembly inventory.</summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorOutputTests
{
    private const string Program = """
        using PrivacyByDesign;

        [assembly: ProcessingPurpose("orders", "Deliver orders", LegalBasis.Contract, NecessaryCategories = new[] { PiCategory.ContactEmail })]

        namespace Shop;

        [Purpose("orders")]
        public sealed class Customer
        {
            [PersonalInfo(PiCategory.ContactEmail)]
            public string Email { get; set; } = "";
        }

        public static class Program
        {
            public static void Main() => System.Console.WriteLine(new Customer().Email.Length);
        }
        """;

    private const string ServesInventory = """
        namespace Shop;

        public static class Inventory
        {
            public static int Count => PrivacyByDesign.Generated.PrivacyInventory.Items.Count;
        }
        """;

    private readonly PackageFixture _package;

    public GeneratorOutputTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task A_build_writes_the_documents_into_privacy_beside_the_project()
    {
        var consumer = await _package.CreateConsumerAsync("DocumentsConsumer", new Dictionary<string, string> { ["Program.cs"] = Program });

        var build = await consumer.BuildAsync();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("\"member\": \"Email\"", File.ReadAllText(consumer.PathOf("privacy/data-inventory.json")));
        foreach (var file in new[] { "data-inventory.md", "collection-list.csv", "third-party-sharing-list.md", "privacy-policy.zh-CN.md", "privacy-policy.en.md", "fides.yml" })
        {
            Assert.True(File.Exists(consumer.PathOf(Path.Combine("privacy", file))), file);
        }
    }

    [Fact]
    public async Task The_output_path_is_relative_to_the_project_and_design_time_builds_write_nothing()
    {
        var consumer = await _package.CreateConsumerAsync("OutputPathConsumer", new Dictionary<string, string> { ["Program.cs"] = Program });

        var designTime = await consumer.BuildAsync("-p:DesignTimeBuild=true");
        Assert.True(designTime.Succeeded, designTime.ToString());
        Assert.False(Directory.Exists(consumer.PathOf("privacy")), "a design-time build wrote documents");

        var build = await consumer.BuildAsync("-p:PrivacyByDesignOutputPath=artifacts/compliance/");
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(consumer.PathOf("artifacts/compliance/privacy-policy.en.md")), build.ToString());
        Assert.False(Directory.Exists(consumer.PathOf("privacy")));
    }

    [Fact]
    public async Task The_in_assembly_inventory_is_generated_only_when_the_project_asks_for_it()
    {
        var consumer = await _package.CreateConsumerAsync("InventoryTypeConsumer", new Dictionary<string, string> { ["Program.cs"] = Program, ["Inventory.cs"] = ServesInventory });

        var without = await consumer.BuildAsync();
        Assert.False(without.Succeeded, "PrivacyInventory was generated without PrivacyByDesignGenerateInventoryType");
        Assert.Contains("CS0234", without.ToString(), StringComparison.Ordinal);

        var with = await consumer.BuildAsync("-p:PrivacyByDesignGenerateInventoryType=true");
        Assert.True(with.Succeeded, with.ToString());
        Assert.Contains("\"member\": \"Email\"", File.ReadAllText(consumer.PathOf("privacy/data-inventory.json")));
    }
}
