using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyByDesign.Analyzers;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>
/// The documents are written by an analyzer at the end of the compilation, the in-assembly inventory by the generator:
/// both must describe the same inventory, and a folder that cannot be written is reported, not thrown.
/// </summary>
public class DocumentsAnalyzerTests
{
    [Fact]
    public void The_published_inventory_is_the_one_compiled_into_the_assembly()
    {
        using var folder = new TempFolder();
        var (source, reported) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);

        Assert.Empty(reported);
        string json = folder.Read("data-inventory.json");
        Assert.Equal(EmbeddedJson(source), json);

        // Both readings of the code-level declarations (ForAttributeWithMetadataName in the generator, the attribute
        // walk in the analyzer) found them.
        foreach (var kind in new[] { "shared-with", "automated-decision", "rights-handler", "consent-withdrawal", "consent" })
        {
            Assert.Contains($"\"kind\": \"{kind}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_code_declaration_through_a_using_alias_is_listed()
    {
        const string aliased = """
            using Share = PrivacyByDesign.SharedWithAttribute;

            [assembly: PrivacyByDesign.Recipient("lab", "City Lab", PrivacyByDesign.RecipientKind.EntrustedProcessor)]

            public sealed class LabClient
            {
                [Share("lab")]
                public void Send(string mobile) { }
            }
            """;
        using var folder = new TempFolder();
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(aliased), folder.Out);

        string json = folder.Read("data-inventory.json");
        Assert.Contains("LabClient.Send", json, StringComparison.Ordinal);
        Assert.Equal(EmbeddedJson(source), json);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_reported_and_the_build_goes_on()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        string blocked = Path.Combine(folder.Path, "privacy");
        File.WriteAllText(blocked, "a file where the folder should be");

        var (_, reported) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), blocked + Path.DirectorySeparatorChar);

        var diagnostic = Assert.Single(reported);
        Assert.Equal(RuleIdentifiers.DocumentsNotWritten, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(blocked, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("a file where the folder should be", File.ReadAllText(blocked));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_stays_a_warning_when_violations_are_errors()
    {
        string globalConfig = File.ReadAllText(Path.Combine(Documentation.Docs.Root, "src/PrivacyByDesign/build/PrivacyByDesign.ViolationsAsErrors.globalconfig"));
        Assert.Contains("dotnet_diagnostic.PBD1001.severity = error", globalConfig, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleIdentifiers.DocumentsNotWritten, globalConfig, StringComparison.Ordinal);
    }

    private static string EmbeddedJson(string inventorySource)
    {
        var constant = CSharpSyntaxTree.ParseText(inventorySource).GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "Json");
        return ((LiteralExpressionSyntax)constant.Initializer!.Value).Token.ValueText;
    }
}
