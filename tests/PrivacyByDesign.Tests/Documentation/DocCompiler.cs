using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Documentation;

/// <summary>Compiles documentation samples the way a .NET 8 web project with the package would, and runs the package's analyzers on them.</summary>
public static class DocCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
    {
        // ASP.NET Core 8 as a web project has it (collection points); the shared framework already holds some of the
        // packages the logging samples use, so those come from it rather than twice.
        var framework = await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var names = framework.Select(r => Path.GetFileName(r.Display ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return framework.Add(TestReferences.Annotations).AddRange(TestReferences.Frameworks.Where(r => !names.Contains(Path.GetFileName(r.Display ?? ""))));
    });

    public static async Task<CSharpCompilation> CompileAsync(IEnumerable<(string Path, string Code)> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Code, ParseOptions, s.Path)).ToList();
        return CSharpCompilation.Create(
            "DocSample",
            trees,
            await References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static IEnumerable<string> Errors(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString());

    /// <summary>Every diagnostic of every analyzer in the package, with <paramref name="configJson"/> as privacybydesign.json when given.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, string? configJson)
        => AnalyzeAsync(compilation, configJson == null ? Array.Empty<(string, string)>() : new[] { (ConfigFileName, configJson) });

    /// <summary>Every diagnostic of every analyzer in the package, with the given files (by name) as AdditionalFiles.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, IEnumerable<(string Name, string Text)> additionalFiles)
    {
        var additional = additionalFiles
            .Select(f => (AdditionalText)new InMemoryAdditionalText("/doc/" + f.Name, f.Text))
            .ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(
            PrivacyByDesign.DocGen.RuleCatalog.Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return await withAnalyzers.GetAllDiagnosticsAsync();
    }

    /// <summary>What an unnamed ```json block of a rule page's code section is: the package configuration.</summary>
    public const string ConfigFileName = "privacybydesign.json";

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
