using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using PrivacyByDesign.Package.Tests.Infrastructure;

namespace PrivacyByDesign.Package.Tests;

/// <summary>The .nupkg that `dotnet pack` produces holds what a user's build needs, and nothing it must not.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackageFixture _package;

    public PackageContentTests(PackageFixture package) => _package = package;

    [Theory]
    [InlineData("lib/netstandard2.0/PrivacyByDesign.dll")]
    [InlineData("lib/net8.0/PrivacyByDesign.dll")]
    [InlineData("analyzers/dotnet/cs/PrivacyByDesign.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/PrivacyByDesign.CodeFixes.dll")]
    [InlineData("build/PrivacyByDesign.props")]
    [InlineData("build/PrivacyByDesign.targets")]
    [InlineData("build/PrivacyByDesign.ViolationsAsErrors.globalconfig")]
    [InlineData("buildTransitive/PrivacyByDesign.props")]
    [InlineData("buildTransitive/PrivacyByDesign.targets")]
    [InlineData("buildTransitive/PrivacyByDesign.ViolationsAsErrors.globalconfig")]
    [InlineData("README.md")]
    public void Package_contains(string entry)
    {
        using var zip = _package.OpenPackage();
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.True(names.Contains(entry), $"{entry} missing from {_package.PackagePath}; it has:\n  {string.Join("\n  ", names)}");
    }

    [Fact]
    public void Build_files_in_the_package_are_the_repository_files()
    {
        using var zip = _package.OpenPackage();
        foreach (var file in new[] { "PrivacyByDesign.props", "PrivacyByDesign.targets", "PrivacyByDesign.ViolationsAsErrors.globalconfig" })
        {
            var source = File.ReadAllText(Path.Combine(_package.RepoRoot, "src", "PrivacyByDesign", "build", file));
            foreach (var folder in new[] { "build", "buildTransitive" })
            {
                using var reader = new StreamReader(zip.GetEntry($"{folder}/{file}")!.Open());
                Assert.Equal(source, reader.ReadToEnd());
            }
        }
    }

    [Fact]
    public void Nuspec_has_no_dependency_on_the_compiler()
    {
        var nuspec = ReadNuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var dependencies = nuspec.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList();

        // Roslyn comes with the user's compiler; a package dependency on it would drag it into their app.
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("PrivacyByDesign", nuspec.Descendants(ns + "id").Single().Value);
        Assert.Equal(PackageFixture.PackageVersion, nuspec.Descendants(ns + "version").Single().Value);

        // Only the net8.0 annotations (Microsoft's compliance base types) have a runtime dependency.
        var groups = nuspec.Descendants(ns + "group").ToDictionary(g => (string)g.Attribute("targetFramework")!, g => g.Elements(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList());
        Assert.Equal(new[] { "Microsoft.Extensions.Compliance.Abstractions" }, groups["net8.0"]);
        Assert.Empty(groups[".NETStandard2.0"]);
    }

    [Fact]
    public void Analyzers_target_netstandard20_and_roslyn_48()
    {
        using var zip = _package.OpenPackage();
        foreach (var name in new[] { "PrivacyByDesign.Analyzers.dll", "PrivacyByDesign.CodeFixes.dll" })
        {
            using var stream = new MemoryStream();
            zip.GetEntry("analyzers/dotnet/cs/" + name)!.Open().CopyTo(stream);
            stream.Position = 0;
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h))
                .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

            // A compiler older than the referenced Roslyn refuses the analyzer (CS8032); 4.8 loads from the .NET 8 SDK on.
            Assert.True(references.ContainsKey("Microsoft.CodeAnalysis"), name + " does not reference Microsoft.CodeAnalysis");
            foreach (var (reference, version) in references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                Assert.True(version <= new Version(4, 8, 0, 0), $"{name} references {reference} {version}");
            }

            Assert.True(references.ContainsKey("netstandard"), name + " is not a netstandard assembly");
        }
    }

    private XDocument ReadNuspec()
    {
        using var zip = _package.OpenPackage();
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
