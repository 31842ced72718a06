using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// The analyzers and generators the .NET SDK hands the compiler in every build of the corpus's projects (net10.0 with
/// the ASP.NET Core framework reference): the .NET analyzers of the SDK, and those in the .NET and ASP.NET Core
/// reference packs. A build without PrivacyByDesign runs them too, and several register operation actions, so the
/// compiler builds every body's operation tree whether or not a package asks for it; a baseline without them charges
/// that work to the first package that does. As in a build without an error log, analyzers whose rules are all
/// below warning by default are left out (the compiler skips them). PBD_SDK=0 leaves them all out, as every in-process
/// measurement before they were added did.
/// </summary>
public static class SdkComponents
{
    public static bool Included { get; } = Environment.GetEnvironmentVariable("PBD_SDK") != "0";

    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<ISourceGenerator> Generators, string Source)> Loaded = new(
        () => Included ? Load() : (ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableArray<ISourceGenerator>.Empty, "PBD_SDK=0: none"));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Loaded.Value.Analyzers;

    public static ImmutableArray<ISourceGenerator> Generators => Loaded.Value.Generators;

    /// <summary>What every measured compile runs besides the package, for the report.</summary>
    public static string Describe() => Included
        ? $"every variant runs the SDK's {Analyzers.Length} analyzers (rules at warning by default) and {Generators.Length} generators, as a build does ({Loaded.Value.Source})"
        : "PBD_SDK=0: the SDK's analyzers and generators are left out";

    private static (ImmutableArray<DiagnosticAnalyzer>, ImmutableArray<ISourceGenerator>, string) Load()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>
        string runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string major = Path.GetFileName(runtime).Split('.')[0] + ".";
        var folders = new[]
        {
            Latest(Path.Combine(root, "sdk"), major) is { } sdk ? Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers") : null,
            Latest(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"), major) is { } core ? Path.Combine(core, "analyzers", "dotnet", "cs") : null,
            Latest(Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref"), major) is { } web ? Path.Combine(web, "analyzers", "dotnet", "cs") : null,
        }.Where(Directory.Exists).Cast<string>().ToArray();

        var loader = new Loader(folders);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var generators = ImmutableArray.CreateBuilder<ISourceGenerator>();
        foreach (string path in folders.SelectMany(f => Directory.GetFiles(f, "*.dll")).Where(p => !p.Contains("VisualBasic", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(path, loader);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp).Where(PackageComponents.RunsInBuild));
            generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
        }

        return (analyzers.ToImmutable(), generators.ToImmutable(), string.Join(", ", folders.Select(f => Path.GetRelativePath(root, f))));
    }

    /// <summary>The highest version folder of the running runtime's major version under <paramref name="parent"/>.</summary>
    private static string? Latest(string parent, string major)
        => Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal) && Version.TryParse(Path.GetFileName(d).Split('-')[0], out _))
                .OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .LastOrDefault()
            : null;

    /// <summary>Loads analyzer assemblies into the default context; their dependencies resolve from the same folders.</summary>
    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        private readonly string[] _folders;

        public Loader(string[] folders)
        {
            _folders = folders;
            AssemblyLoadContext.Default.Resolving += Resolve;
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);

        private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
            => _folders.Select(f => Path.Combine(f, name.Name + ".dll")).FirstOrDefault(File.Exists) is { } path ? context.LoadFromAssemblyPath(path) : null;
    }
}
