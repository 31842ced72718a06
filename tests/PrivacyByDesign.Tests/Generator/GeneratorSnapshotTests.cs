using Snapshooter;
using Snapshooter.Xunit;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>Every published document of a realistic app, compared with its checked-in snapshot (__snapshots__).</summary>
public class GeneratorSnapshotTests
{
    private static readonly string[] FileNames =
    {
        "data-inventory.json",
        "data-inventory.md",
        "collection-list.csv",
        "collection-list.md",
        "third-party-sharing-list.csv",
        "third-party-sharing-list.md",
        "privacy-policy.zh-CN.md",
        "privacy-policy.en.md",
        "impact-assessment.zh-CN.md",
        "impact-assessment.en.md",
        "fides.yml",
    };

    public static TheoryData<string> Documents => new(FileNames);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_matches_its_snapshot(string fileName)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        Snapshot.Match(folder.Read(fileName), SnapshotNameExtension.Create(fileName));
    }

    [Fact]
    public void The_in_assembly_inventory_matches_its_snapshot()
    {
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models));
        Snapshot.Match(source);
    }

    [Fact]
    public void Exactly_the_documented_files_are_written()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        var written = Directory.GetFiles(folder.Out).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(FileNames.Append(Analyzers.Generator.DocumentWriter.StampFileName).OrderBy(n => n, StringComparer.Ordinal), written);
    }
}
