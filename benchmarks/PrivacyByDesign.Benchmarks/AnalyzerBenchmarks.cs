using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// Compiles a generated corpus and runs one analyzer family (or the baseline, or the generators asked for the
/// in-assembly inventory) over it, beside the SDK's own analyzers and generators, which every case runs.
/// Every run binds the whole compilation (`GetAllDiagnosticsAsync`), as a real build does, so the ratio to the
/// baseline is the overhead a build pays. A fresh compilation per iteration keeps caches from earlier runs out.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _corpus = null!;
    private CSharpCompilation _fresh = null!;

    [ParamsSource(nameof(FileCounts))]
    public int Files { get; set; }

    [ParamsSource(nameof(FamilyNames))]
    public string Family { get; set; } = "";

    public static IEnumerable<int> FileCounts => (Environment.GetEnvironmentVariable("PBD_BENCH_FILES") ?? "1000,10000").Split(',').Select(int.Parse);

    /// <summary>Every family, or those listed in PBD_BENCH_FAMILIES (e.g. "Baseline,PrivacyExposure,All").</summary>
    public static IEnumerable<string> FamilyNames
    {
        get
        {
            var all = new[] { "Baseline", "Generators" }.Concat(PackageComponents.Families.Keys);
            string? chosen = Environment.GetEnvironmentVariable("PBD_BENCH_FAMILIES");
            return chosen == null ? all : all.Where(f => chosen.Split(',').Contains(f, StringComparer.Ordinal));
        }
    }

    [GlobalSetup]
    public void CreateCorpus() => _corpus = CodeCorpus.Create(Files);

    [IterationSetup]
    public void FreshCompilation() => _fresh = _corpus.Clone();

    /// <summary>Every case also runs the SDK's analyzers and generators, as a build does (<see cref="SdkComponents"/>).</summary>
    [Benchmark]
    public async Task<int> Analyze()
    {
        Compilation compilation = _fresh;
        var generators = Family == "Generators" ? SdkComponents.Generators.AddRange(PackageComponents.Generators) : SdkComponents.Generators;
        if (!generators.IsEmpty)
        {
            var options = Family == "Generators" ? BuildProperties.InventoryTypeWanted : WritesDocuments;
            CSharpGeneratorDriver.Create(generators, optionsProvider: options).RunGeneratorsAndUpdateCompilation(_fresh, out compilation, out _);
        }

        var analyzers = Family is "Baseline" or "Generators" ? ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()) : PackageComponents.Families[Family];
        return (await Run(compilation, SdkComponents.Analyzers.AddRange(analyzers))).Length;
    }

    private static Task<ImmutableArray<Diagnostic>> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, WritesDocuments)).GetAllDiagnosticsAsync();

    /// <summary>A build's default: the documents analyzer (in "All" and "PrivacyGenerator") writes the documents.</summary>
    private static readonly BuildProperties WritesDocuments = BuildProperties.WritesDocumentsTo(Path.Combine(Path.GetTempPath(), "pbd-bench-documents"));
}
