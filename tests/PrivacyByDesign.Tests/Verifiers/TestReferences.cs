using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PrivacyByDesign.Tests.Verifiers;

/// <summary>What a test compilation references: .NET 8 and, unless a test says otherwise, the PrivacyByDesign annotations.</summary>
public static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>.NET 8 with the ASP.NET Core 8 shared framework, for collection points (controllers, Razor Pages, minimal APIs, SignalR).</summary>
    public static ReferenceAssemblies AspNetCore80 { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        System.Collections.Immutable.ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.31")));

    /// <summary>The built annotation assembly (the netstandard2.0 build: no Microsoft.Extensions.Compliance dependency).</summary>
    public static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(AnnotationsPath());

    /// <summary>Microsoft.Extensions.Logging, Compliance and DataProtection abstractions, Serilog, NLog and log4net.</summary>
    public static IReadOnlyList<MetadataReference> Frameworks { get; } = typeof(TestReferences).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith("Package:", StringComparison.Ordinal))
        .Select(a => MetadataReference.CreateFromFile(LibraryOf(a.Key.Substring("Package:".Length), a.Value!)))
        .ToList();

    /// <summary>The package's netstandard2.0 (else net8.0) assembly, so test compilations on .NET 8 can use it.</summary>
    private static string LibraryOf(string package, string packageFolder)
    {
        foreach (string framework in new[] { "netstandard2.0", "net8.0" })
        {
            string path = Path.Combine(packageFolder, "lib", framework, package + ".dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"No netstandard2.0 or net8.0 assembly of {package} under {packageFolder}");
    }

    private static string AnnotationsPath()
    {
        // The test project runs against the net8.0 build; test compilations get the dependency-free netstandard2.0 one.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        string root = PrivacyByDesign.DocGen.RepositoryRoot.Find(AppContext.BaseDirectory);
        string path = Path.Combine(root, "src", "PrivacyByDesign", "bin", configuration, "netstandard2.0", "PrivacyByDesign.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/PrivacyByDesign first", path);
    }
}
