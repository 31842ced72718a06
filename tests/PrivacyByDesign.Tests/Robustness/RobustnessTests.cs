using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Robustness;

/// <summary>
/// Runs every analyzer, code fix and generator of the package over malformed and half-typed code — every line
/// prefix of realistic files, truncations inside tokens, each closing brace removed, and no references at all —
/// and fails on any analyzer exception (AD0001), code-fix exception or generator failure (CS8785).
/// </summary>
public sealed class RobustnessTests : IDisposable
{
    private static readonly Assembly AnalyzerAssembly = typeof(PrivacyByDesign.Analyzers.RuleIdentifiers).Assembly;
    private static readonly Assembly CodeFixAssembly = typeof(PrivacyByDesign.CodeFixes.Classification.ProbablePersonalInfoNotAnnotatedCodeFixProvider).Assembly;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<ISourceGenerator> Generators = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
        .ToImmutableArray();

    private static readonly ImmutableArray<CodeFixProvider> CodeFixes = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly string DocumentsFolder = Path.Combine(Path.GetTempPath(), "pbd-robustness-" + Environment.ProcessId);

    /// <summary>Asks for everything the package publishes, so the inventory is built from every broken file too.</summary>
    private static readonly AnalyzerConfigOptionsProvider PublishEverything = Generator.GeneratorHost.BuildProperties(new Dictionary<string, string>
    {
        [PrivacyByDesign.Analyzers.Generator.GeneratorOptions.InventoryTypeProperty] = "true",
        [PrivacyByDesign.Analyzers.Generator.GeneratorOptions.OutputPathProperty] = DocumentsFolder,
    });

    public static TheoryData<int> SourceIndexes => new() { 0, 1 };

    public void Dispose()
    {
        if (Directory.Exists(DocumentsFolder))
        {
            Directory.Delete(DocumentsFolder, recursive: true);
        }
    }

    [Fact]
    public void The_harness_sees_the_package()
    {
        Assert.NotEmpty(Analyzers);
        Assert.NotEmpty(CodeFixes);
        Assert.Contains(Generators, g => g.GetGeneratorType() == typeof(PrivacyByDesign.Analyzers.Generator.PrivacyInventoryGenerator));
    }

    [Fact]
    public async Task The_harness_catches_a_throwing_analyzer()
    {
        var failures = await RunAsync("class C { }", ImmutableArray<MetadataReference>.Empty, withCodeFixes: false, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.Contains(failures, f => f.Contains(nameof(ThrowingAnalyzer)));
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Complete_files_analyze_without_failures(int index)
    {
        var failures = await RunAsync(RealisticSources.All[index], FrameworkReferences.Value, withCodeFixes: true);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Every_line_prefix_analyzes_without_failures(int index)
    {
        string source = RealisticSources.All[index];
        var failures = new List<string>();
        int end = 0;
        while (end < source.Length)
        {
            int next = source.IndexOf('\n', end);
            end = next < 0 ? source.Length : next + 1;
            failures.AddRange(await RunAsync(source.Substring(0, end), FrameworkReferences.Value, withCodeFixes: false));
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Truncations_inside_tokens_and_missing_braces_analyze_without_failures(int index)
    {
        string source = RealisticSources.All[index];
        var variants = new List<string>();
        var random = new Random(20261123 + index);
        for (int i = 0; i < 40; i++)
        {
            variants.Add(source.Substring(0, random.Next(source.Length)));
        }

        for (int brace = source.IndexOf('}'); brace >= 0; brace = source.IndexOf('}', brace + 1))
        {
            variants.Add(source.Remove(brace, 1));
        }

        var failures = new List<string>();
        foreach (var variant in variants)
        {
            failures.AddRange(await RunAsync(variant, FrameworkReferences.Value, withCodeFixes: true));
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Unresolved_types_analyze_without_failures(int index)
    {
        // No references at all: every type, attribute and framework call is an error type.
        var failures = await RunAsync(RealisticSources.All[index], ImmutableArray<MetadataReference>.Empty, withCodeFixes: true);
        Assert.Empty(failures);
    }

    private static async Task<List<string>> RunAsync(string source, ImmutableArray<MetadataReference> references, bool withCodeFixes, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        analyzers = analyzers.IsDefault ? Analyzers : analyzers;
        var failures = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Robustness", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var driver = CSharpGeneratorDriver.Create(Generators, parseOptions: (CSharpParseOptions)tree.Options, optionsProvider: PublishEverything);
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics).GetRunResult();
        failures.AddRange(run.Results.Where(r => r.Exception != null).Select(r => $"generator {r.Generator.GetGeneratorType().Name}: {r.Exception}"));
        failures.AddRange(generatorDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.ToString()));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, PublishEverything),
            onAnalyzerException: (ex, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {ex}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await generated.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));

        if (withCodeFixes)
        {
            await RunCodeFixesAsync(source, references, diagnostics.Where(d => d.Location.IsInSource && d.Location.SourceTree == tree), failures);
        }

        return failures;
    }

    private static async Task RunCodeFixesAsync(string source, ImmutableArray<MetadataReference> references, IEnumerable<Diagnostic> diagnostics, List<string> failures)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Robustness", LanguageNames.CSharp).AddMetadataReferences(references);
        var document = project.AddDocument("Test0.cs", SourceText.From(source));
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                    await fix.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{fix.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {ex}");
                }
            }
        }
    }

    /// <summary>The .NET and ASP.NET Core shared frameworks of the running SDK, plus the annotations.</summary>
    internal static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        string core = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string aspnet = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(core)!)!, "Microsoft.AspNetCore.App", Path.GetFileName(core));
        return Directory.GetFiles(core, "*.dll")
            .Concat(Directory.Exists(aspnet) ? Directory.GetFiles(aspnet, "*.dll") : Array.Empty<string>())
            .Where(IsManagedAssembly)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(TestReferences.Annotations)
            .ToImmutableArray();
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }
}
