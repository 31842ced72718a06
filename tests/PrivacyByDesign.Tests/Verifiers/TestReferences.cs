using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PrivacyByDesign.Tests.Verifiers;

/// <summary>What a test compilation references: .NET 8 and, unless a test says otherwise, the PrivacyByDesign annotations.</summary>
public static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The built annotation assembly (the netstandard2.0 build: no Microsoft.Extensions.Compliance dependency).</summary>
    public static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(AnnotationsPath());

    private static string AnnotationsPath()
    {
        // The test project runs against the net8.0 build; test compilations get the dependency-free netstandard2.0 one.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        string root = PrivacyByDesign.DocGen.RepositoryRoot.Find(AppContext.BaseDirectory);
        string path = Path.Combine(root, "src", "PrivacyByDesign", "bin", configuration, "netstandard2.0", "PrivacyByDesign.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/PrivacyByDesign first", path);
    }
}
