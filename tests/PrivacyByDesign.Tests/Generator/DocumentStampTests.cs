using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>
/// A rebuild that would render the same inventory verifies the documents against their stamp instead of rendering them
/// again — but only while every document is exactly what these renderers wrote.
/// </summary>
public class DocumentStampTests
{
    private const string Model = "3f6c-model";
    private static readonly string[] Optional = { "impact-assessment.en.md" };

    private static RenderedDocument[] Documents() => new[]
    {
        new RenderedDocument("data-inventory.json", "{ \"schemaVersion\": \"1.0\" }\n"),
        new RenderedDocument("privacy-policy.en.md", "# Policy\n"),
    };

    [Fact]
    public void What_was_just_written_is_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional, Model);

        Assert.True(DocumentWriter.IsCurrent(folder.Out, Model, Optional, DocumentWriter.RendererVersion));
        Assert.StartsWith("# PrivacyByDesign renderers ", folder.Read(DocumentWriter.StampFileName), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_model_is_not_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional, Model);

        Assert.False(DocumentWriter.IsCurrent(folder.Out, "another-model", Optional, DocumentWriter.RendererVersion));
    }

    [Fact]
    public void Other_renderers_are_not_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional, Model);

        Assert.False(DocumentWriter.IsCurrent(folder.Out, Model, Optional, "another-build"));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("stamp")]
    [InlineData("stale-optional")]
    public void A_touched_folder_is_not_current(string change)
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional, Model);
        switch (change)
        {
            case "edit":
                File.WriteAllText(Path.Combine(folder.Out, "privacy-policy.en.md"), "# Policy, edited by hand\n");
                break;
            case "delete":
                File.Delete(Path.Combine(folder.Out, "privacy-policy.en.md"));
                break;
            case "stamp":
                File.Delete(Path.Combine(folder.Out, DocumentWriter.StampFileName));
                break;
            case "stale-optional":
                File.WriteAllText(Path.Combine(folder.Out, "impact-assessment.en.md"), "# no longer required\n");
                break;
        }

        Assert.False(DocumentWriter.IsCurrent(folder.Out, Model, Optional, DocumentWriter.RendererVersion));
    }

    [Fact]
    public void A_build_restores_a_document_edited_by_hand_even_when_the_inventory_did_not_change()
    {
        using var folder = new TempFolder();
        var compilation = GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models);
        GeneratorHost.Run(compilation, folder.Out);
        string policy = folder.Read("privacy-policy.en.md");
        var stampWritten = File.GetLastWriteTimeUtc(Path.Combine(folder.Out, DocumentWriter.StampFileName));

        GeneratorHost.Run(compilation, folder.Out);
        Assert.Equal(stampWritten, File.GetLastWriteTimeUtc(Path.Combine(folder.Out, DocumentWriter.StampFileName)));

        File.WriteAllText(Path.Combine(folder.Out, "privacy-policy.en.md"), "# Our policy, edited by hand\n");
        GeneratorHost.Run(compilation, folder.Out);
        Assert.Equal(policy, folder.Read("privacy-policy.en.md"));
    }
}
