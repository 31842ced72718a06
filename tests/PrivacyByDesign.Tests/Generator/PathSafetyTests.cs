using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>The writer never leaves the configured folder, and the generator writes nothing in design-time builds or without a folder.</summary>
public class PathSafetyTests
{
    [Theory]
    [InlineData("../escape.md")]
    [InlineData("..")]
    [InlineData("sub/file.md")]
    [InlineData("sub\\file.md")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\x.md")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void File_names_outside_the_folder_are_rejected(string fileName)
    {
        using var folder = new TempFolder();
        Assert.False(DocumentWriter.IsSafeFileName(fileName));
        Assert.Throws<ArgumentException>(() => DocumentWriter.WriteAll(folder.Out, new[] { new RenderedDocument("ok.md", "ok"), new RenderedDocument(fileName, "x") }, Array.Empty<string>(), "model"));

        // Validation happens before anything is written.
        Assert.False(Directory.Exists(folder.Path));
    }

    [Fact]
    public void A_relative_folder_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => DocumentWriter.WriteAll("privacy", new[] { new RenderedDocument("ok.md", "ok") }, Array.Empty<string>(), "model"));
    }

    [Fact]
    public void Plain_names_are_written_inside_the_folder()
    {
        using var folder = new TempFolder();
        var written = DocumentWriter.WriteAll(folder.Out, new[] { new RenderedDocument("ok.md", "ok\n") }, Array.Empty<string>(), "model");
        Assert.Equal(Path.Combine(folder.Out, "ok.md"), Assert.Single(written));
        Assert.Equal("ok\n", folder.Read("ok.md"));
    }

    [Fact]
    public void Design_time_builds_write_nothing()
    {
        using var folder = new TempFolder();
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out, designTime: true);
        Assert.False(Directory.Exists(folder.Path));
        Assert.Contains("class PrivacyInventory", source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/privacy/")]
    public void Without_an_absolute_folder_nothing_is_written(string? outputPath)
    {
        Assert.False(new GeneratorOptions(outputPath, DesignTimeBuild: false).WritesFiles);
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Minimal), outputPath);
        Assert.Contains("class PrivacyInventory", source);
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "relative")));
    }
}
