namespace PrivacyByDesign.Tests.Generator;

/// <summary>Two builds of the same code give byte-identical files: \n endings, no BOM, no timestamps, ordinal order.</summary>
public class GeneratorDeterminismTests
{
    [Fact]
    public void Two_builds_write_byte_identical_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), first.Out);

        // The second build sees the files in the other order, as another machine might.
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Models, GeneratorSources.Declarations), second.Out);

        var names = Directory.GetFiles(first.Out).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second.Out).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var name in names)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(first.Out, name!));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second.Out, name!)));
            Assert.DoesNotContain((byte)'\r', bytes);
            // Only the CSV lists carry a BOM, for spreadsheets.
            Assert.Equal(name!.EndsWith(".csv", StringComparison.Ordinal), bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        }
    }

    [Fact]
    public void A_rebuild_with_no_change_does_not_touch_the_files()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        string path = Path.Combine(folder.Out, "data-inventory.json");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Empty(Directory.GetFiles(folder.Out, "*.tmp"));
    }
}
