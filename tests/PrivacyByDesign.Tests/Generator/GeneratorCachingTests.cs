using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>An edit that changes no privacy declaration must stop at the first pipeline step: nothing re-rendered, nothing re-emitted.</summary>
public class GeneratorCachingTests
{
    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models);
        var driver = GeneratorHost.CreateDriver(track: true).RunGenerators(compilation);

        // A method body changes in the file holding the models, and a new file without personal data appears.
        var tree = compilation.SyntaxTrees.Last();
        var editedTree = tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("{ }", StringComparison.Ordinal), 3, "{ var unused = 1; }"));
        var edited = compilation.ReplaceSyntaxTree(tree, editedTree)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { public int Count() => 42; } }", GeneratorHost.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in PrivacyInventoryGenerator.TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"step {name} did not run");
            var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {r}"));
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void A_changed_purpose_regenerates_the_inventory()
    {
        var compilation = GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models);
        var driver = GeneratorHost.CreateDriver(track: true).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.First();
        var editedTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace("Take payment", "Take payment by card", StringComparison.Ordinal)));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, editedTree)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[PrivacyInventoryGenerator.TrackingNames.Inventory].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.TrackedSteps[PrivacyInventoryGenerator.TrackingNames.Source].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Take payment by card", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Without_the_property_the_generator_reads_nothing_and_leaves_the_compilation_as_it_was()
    {
        var compilation = GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models);
        var driver = GeneratorHost.CreateDriver(track: true, inventoryType: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(diagnostics);
        Assert.Same(compilation, output);
        foreach (var name in new[] { PrivacyInventoryGenerator.TrackingNames.Assembly, PrivacyInventoryGenerator.TrackingNames.Data, PrivacyInventoryGenerator.TrackingNames.Inventory })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.Null(o.Value));
        }
    }
}
