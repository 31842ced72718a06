using System.Text;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>
/// A rebuild that would render the same inventory verifies the documents against their stamp instead of rendering them
/// again — but only while every document is exactly what these renderers wrote.
/// </summary>
public class DocumentStampTests
{
    private const string Json = "{ \"schemaVersion\": \"1.0\" }\n";
    private static readonly string[] Optional = { "impact-assessment.en.md" };

    private static RenderedDocument[] Documents(string json = Json) => new[]
    {
        new RenderedDocument("data-inventory.json", json),
        new RenderedDocument("privacy-policy.en.md", "# Policy\n"),
    };

    /// <summary>
    /// The inventory's hash as the renderer takes it: from pieces of the text as they are written, whose boundaries
    /// fall elsewhere than the hash's own slices.
    /// </summary>
    private static string HashOf(string json, int pieceLength = 1000)
    {
        using var hash = new TextSha256();
        var piece = new StringBuilder(16);
        for (int start = 0; start < json.Length; start += pieceLength)
        {
            hash.Append(piece.Clear().Append(json, start, Math.Min(pieceLength, json.Length - start)));
        }

        return hash.Finish();
    }

    [Fact]
    public void What_was_just_written_is_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional);

        Assert.True(DocumentWriter.IsCurrent(folder.Out, HashOf(Json), Optional, DocumentWriter.RendererVersion));
        Assert.StartsWith("# PrivacyByDesign renderers ", folder.Read(DocumentWriter.StampFileName), StringComparison.Ordinal);
    }

    /// <summary>
    /// The new inventory is hashed in pieces and slices, not encoded whole: Chinese text and a character outside the
    /// basic plane that straddles a piece's or a slice's boundary must hash exactly as the written file does.
    /// </summary>
    [Theory]
    [InlineData(4095, 4096)]
    [InlineData(4096, 4096)]
    [InlineData(8191, 100_000)]
    [InlineData(999, 1000)]
    public void A_large_inventory_in_any_script_is_current(int surrogateAt, int pieceLength)
    {
        const string prefix = "{ \"purpose\": \"";
        string json = prefix + new string('个', surrogateAt - prefix.Length) + "😀" + new string('人', 5000) + "\" }\n";
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(json), Optional);

        Assert.True(DocumentWriter.IsCurrent(folder.Out, HashOf(json, pieceLength), Optional, DocumentWriter.RendererVersion));
        Assert.False(DocumentWriter.IsCurrent(folder.Out, HashOf(json.Replace("😀", "😁", StringComparison.Ordinal), pieceLength), Optional, DocumentWriter.RendererVersion));
    }

    [Fact]
    public void Another_inventory_is_not_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional);

        Assert.False(DocumentWriter.IsCurrent(folder.Out, HashOf("{ \"schemaVersion\": \"1.1\" }\n"), Optional, DocumentWriter.RendererVersion));
    }

    [Fact]
    public void Other_renderers_are_not_current()
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional);

        Assert.False(DocumentWriter.IsCurrent(folder.Out, HashOf(Json), Optional, "another-build"));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("stamp")]
    [InlineData("stale-optional")]
    public void A_touched_folder_is_not_current(string change)
    {
        using var folder = new TempFolder();
        DocumentWriter.WriteAll(folder.Out, Documents(), Optional);
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

        Assert.False(DocumentWriter.IsCurrent(folder.Out, HashOf(Json), Optional, DocumentWriter.RendererVersion));
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
