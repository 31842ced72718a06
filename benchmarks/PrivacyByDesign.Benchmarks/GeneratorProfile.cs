using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Analyzers.Storage;

namespace PrivacyByDesign.Benchmarks;

/// <summary>`-- --profile-generator N`: times the inventory generator's stages on an N-file corpus, cold and warm, to find its outliers.</summary>
public static class GeneratorProfile
{
    public static void Run(int files)
    {
        for (int round = 1; round <= 2; round++)
        {
            var compilation = CodeCorpus.Create(files);
            var ct = CancellationToken.None;
            Time($"round {round}: compile diagnostics (baseline)", () => compilation.GetDiagnostics(ct));
            compilation = CodeCorpus.Create(files);
            Time($"round {round}: classifier + every type's members", () =>
            {
                var classifier = PersonalInfoClassifier.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), ct);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = compilation.GetSemanticModel(tree);
                    foreach (var node in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
                    {
                        if (model.GetDeclaredSymbol(node) is INamedTypeSymbol type)
                        {
                            _ = classifier.GetPersonalMembers(type);
                        }
                    }
                }
            });
            Time($"round {round}: classifier creation only", () => PersonalInfoClassifier.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), ct));
            int members = compilation.SyntaxTrees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax));
            Console.WriteLine($"        {members} properties and fields");
            Time($"round {round}: EF Core model", () => EfCoreModel.For(compilation, ct).Entities(Enumerable.Empty<INamedTypeSymbol>()));
            compilation = CodeCorpus.Create(files);
            Time($"round {round}: ReadAssembly", () => ModelBuilder.ReadAssembly(compilation, ct));
            Time($"round {round}: ReadData", () => ModelBuilder.ReadData(compilation, ImmutableArray<AdditionalText>.Empty, ct));
            var model = ModelBuilder.Combine(ModelBuilder.ReadAssembly(compilation, ct), ModelBuilder.ReadData(compilation, ImmutableArray<AdditionalText>.Empty, ct), ImmutableArray<EquatableArray<CodeFactModel>>.Empty);
            Time($"round {round}: render every document", () => DocumentSet.Render(model));
            InventoryFacts facts = null!;
            Time("  facts", () => facts = new InventoryFacts(model));
            Time("  json", () => InventoryJsonRenderer.Render(facts));
            Time("  md", () => InventoryMarkdownRenderer.Render(facts));
            Time("  collcsv", () => ListRenderers.CollectionCsv(facts));
            Time("  collmd", () => ListRenderers.CollectionMarkdown(facts));
            Time("  policy zh", () => PrivacyPolicyRenderer.Render(facts, zh: true));
            Time("  policy en", () => PrivacyPolicyRenderer.Render(facts, zh: false));
            Time("  fides", () => FidesRenderer.Render(facts));
            Time("  pia", () => ImpactAssessmentRenderer.Render(facts, zh: true));
            compilation = CodeCorpus.Create(files);
            Time($"round {round}: whole generator", () => CSharpGeneratorDriver.Create(new PrivacyInventoryGenerator()).RunGenerators(compilation, ct));
        }
    }

    private static void Time(string label, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{watch.ElapsedMilliseconds,7} ms  {label}");
    }
}
