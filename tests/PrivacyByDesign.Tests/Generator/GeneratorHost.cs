using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>Runs the inventory generator over test sources, as the compiler does, with the MSBuild properties a build passes.</summary>
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

    public static GeneratorDriver CreateDriver(string? outputPath = null, bool designTime = false, bool track = false)
    {
        var properties = new Dictionary<string, string>();
        if (outputPath != null)
        {
            properties[GeneratorOptions.OutputPathProperty] = outputPath;
        }

        properties[GeneratorOptions.DesignTimeBuildProperty] = designTime ? "true" : "false";
        return CSharpGeneratorDriver.Create(
            new[] { new PrivacyInventoryGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: new OptionsProvider(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
    }

    /// <summary>Runs once; asserts the generated code compiles and the generator neither failed nor reported anything.</summary>
    public static (GeneratorDriver Driver, string InventorySource) Run(CSharpCompilation compilation, string? outputPath = null, bool designTime = false)
    {
        var driver = CreateDriver(outputPath, designTime).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (driver, result.GeneratedSources.Single().SourceText.ToString());
    }

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
