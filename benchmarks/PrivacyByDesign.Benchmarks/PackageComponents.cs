using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Rules;

namespace PrivacyByDesign.Benchmarks;

/// <summary>The package's analyzers grouped into rule families by their diagnostic category, and its generators.</summary>
public static class PackageComponents
{
    private static readonly Assembly AnalyzerAssembly = typeof(PrivacyByDesign.Analyzers.RuleIdentifiers).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<ISourceGenerator> Generators { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
        .ToImmutableArray();

    /// <summary>
    /// Whether a build runs the analyzer: without an error log the compiler skips analyzers whose rules are all
    /// disabled or below warning by default, as nothing they report would be shown. An analyzer that cannot describe
    /// its rules is not run either.
    /// </summary>
    public static bool RunsInBuild(DiagnosticAnalyzer analyzer)
    {
        try
        {
            return analyzer.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning);
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// The package's analyzers a command-line build runs: the rule host. PBD0001 and PBD3003 report only suggestions by
    /// default, so a build without an error log skips their analyzers; the IDE and a build with one run them too.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> BuildAnalyzers { get; } = AllAnalyzers.Where(RunsInBuild).ToImmutableArray();

    /// <summary>Every rule analyzer on its own: those the host runs, then those the compiler loads separately.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Rules { get; } = PrivacyRulesAnalyzer.HostedRules
        .AddRange(AllAnalyzers.Where(a => a is not PrivacyRulesAnalyzer));

    /// <summary>
    /// Family name (the rules' category, e.g. PrivacyExposure) → its analyzers as a build runs them: the family's hosted
    /// rules in a host of their own, beside its separate ones; "All" holds what the package ships (the IDE, or a build with
    /// an error log, runs all of it), "Build" what a build without an error log runs (<see cref="BuildAnalyzers"/>).
    /// </summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<DiagnosticAnalyzer>> Families { get; } = BuildFamilies();

    private static ImmutableSortedDictionary<string, ImmutableArray<DiagnosticAnalyzer>> BuildFamilies()
    {
        var families = Rules
            .GroupBy(a => a.SupportedDiagnostics.Select(d => d.Category).DefaultIfEmpty("Other").First())
            .ToImmutableSortedDictionary(g => g.Key, g => AsBuilt(g.ToImmutableArray()), StringComparer.Ordinal);
        return families.Add("All", AllAnalyzers).Add("Build", BuildAnalyzers);
    }

    private static ImmutableArray<DiagnosticAnalyzer> AsBuilt(ImmutableArray<DiagnosticAnalyzer> rules)
    {
        var hosted = rules.Where(r => PrivacyRulesAnalyzer.HostedRules.Contains(r)).ToImmutableArray();
        var separate = rules.Where(r => !hosted.Contains(r));
        return hosted.IsEmpty ? separate.ToImmutableArray() : separate.Prepend(new PrivacyRulesAnalyzer(hosted)).ToImmutableArray();
    }
}

/// <summary>The baseline: registers nothing, so the run measures the compiler alone.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}
