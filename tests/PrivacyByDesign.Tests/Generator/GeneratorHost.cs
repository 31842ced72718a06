using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>Runs the inventory generator and the documents analyzer over test sources, as the compiler does, with the MSBuild properties a build passes.</summary>
internal static class GeneratorHost
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult()
            .Add(TestReferences.Annotations)
            .AddRange(TestReferences.Frameworks));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "ClinicApp",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/File{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The inventory generator, asked for the in-assembly type (PrivacyByDesignGenerateInventoryType=true) unless told otherwise.</summary>
    public static GeneratorDriver CreateDriver(bool track = false, bool inventoryType = true)
    {
        var properties = new Dictionary<string, string> { [GeneratorOptions.InventoryTypeProperty] = inventoryType ? "true" : "false" };
        return CSharpGeneratorDriver.Create(
            new[] { new PrivacyInventoryGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: new OptionsProvider(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    /// <summary>
    /// Builds as the compiler does: the generator first (asserting its code compiles and it neither failed nor reported
    /// anything), then the documents analyzer on the result with the MSBuild properties a build passes. Returns the
    /// generated in-assembly inventory and what the analyzer reported.
    /// </summary>
    public static (string InventorySource, ImmutableArray<Diagnostic> Reported) Run(CSharpCompilation compilation, string? outputPath = null, bool designTime = false)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (result.GeneratedSources.Single().SourceText.ToString(), WriteDocuments(output, outputPath, designTime));
    }

    /// <summary>Runs <see cref="PrivacyDocumentsAnalyzer"/> alone; fails on an analyzer exception.</summary>
    public static ImmutableArray<Diagnostic> WriteDocuments(Compilation compilation, string? outputPath, bool designTime = false)
    {
        var properties = new Dictionary<string, string> { [GeneratorOptions.DesignTimeBuildProperty] = designTime ? "true" : "false" };
        if (outputPath != null)
        {
            properties[GeneratorOptions.OutputPathProperty] = outputPath;
        }

        var exceptions = new List<Exception>();
        var analyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyDocumentsAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(properties)),
                onAnalyzerException: (ex, _, _) => exceptions.Add(ex),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var reported = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        return reported;
    }

    /// <summary>The global options a build passes, from MSBuild properties (<c>build_property.X</c>).</summary>
    public static AnalyzerConfigOptionsProvider BuildProperties(Dictionary<string, string> properties) => new OptionsProvider(properties);

    private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
