using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// `-- --profile-generator N`: times the inventory generator's stages on an N-file corpus over several rounds and
/// prints the first (cold) and the fastest later (warm) time of each, to find its outliers. Stages that bind run on a
/// fresh compilation, as the generator does in a build.
/// </summary>
public static class GeneratorProfile
{
    private const int Rounds = 5;
    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    public static void Run(int files)
    {
        var times = new Dictionary<string, List<long>>();
        var allocated = new Dictionary<string, long>();
        var order = new List<string>();
        void Measure(string label, Action stage)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            stage();
            allocated[label] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (!times.TryGetValue(label, out var list))
            {
                times[label] = list = new List<long>();
                order.Add(label);
            }

            list.Add(watch.ElapsedMilliseconds);
        }

        void Time(string label, Func<CSharpCompilation, object?> stage, bool bound = false)
        {
            var compilation = CodeCorpus.Create(files);
            if (bound)
            {
                BindDeclarations(compilation);
            }

            Measure(label, () => stage(compilation));
        }

        var ct = CancellationToken.None;
        InventoryModel ReadModel(Compilation c) => ModelBuilder.Combine(ModelBuilder.ReadAssembly(c, ct), ModelBuilder.ReadData(c, NoOptions, ct), EquatableArray<CodeFactModel>.Empty);
        for (int round = 0; round < Rounds; round++)
        {
            Time("compiler diagnostics (the baseline)", c => c.GetDiagnostics(ct));
            Time("bind type and member declarations", c => BindDeclarations(c));
            Time("classify every type's members", c => ClassifyAll(c));
            Time("classify every type's members, declarations bound", c => ClassifyAll(c), bound: true);
            Time("every collection point", c => CollectionPoints.For(c, NoOptions, ct)?.FindAll(c, ct).Count());
            Time("ReadAssembly", c => ModelBuilder.ReadAssembly(c, ct));
            Time("ReadData", c => ModelBuilder.ReadData(c, NoOptions, ct));
            var model = ReadModel(CodeCorpus.Create(files));
            string json = InventoryJsonRenderer.Render(new InventoryFacts(model));
            Measure("data-inventory.json", () => InventoryJsonRenderer.Render(new InventoryFacts(model)));
            Measure("in-assembly inventory source", () => InventorySourceEmitter.Emit(model, json));
            Measure("every document (data-inventory.json again)", () => DocumentSet.Render(model));
            Time("whole generator, inventory type wanted", c => CSharpGeneratorDriver.Create(new[] { new PrivacyInventoryGenerator().AsSourceGenerator() }, optionsProvider: BuildProperties.InventoryTypeWanted).RunGenerators(c, ct));
        }

        Console.WriteLine($"{files} files, {CodeCorpus.Create(files).SyntaxTrees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is PropertyDeclarationSyntax or FieldDeclarationSyntax))} properties and fields; ms, first round / fastest later round; MB allocated");
        foreach (var label in order)
        {
            Console.WriteLine($"{times[label][0],7} {times[label].Skip(1).Min(),7} {allocated[label] / 1048576.0,7:F1}  {label}");
        }

    }

    private static object? BindDeclarations(Compilation compilation)
    {
        foreach (var type in DeclaredTypes(compilation))
        {
            _ = type.GetAttributes();
            foreach (var member in type.GetMembers())
            {
                _ = member.GetAttributes();
                _ = member is IPropertySymbol p ? p.Type : member is IFieldSymbol f ? f.Type : null;
            }
        }

        return null;
    }

    private static object? ClassifyAll(Compilation compilation)
    {
        var classifier = PersonalInfoClassifier.Create(compilation, NoOptions, CancellationToken.None);
        foreach (var type in DeclaredTypes(compilation))
        {
            _ = classifier.GetPersonalMembers(type);
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> DeclaredTypes(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(node) is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
        }
    }
}
