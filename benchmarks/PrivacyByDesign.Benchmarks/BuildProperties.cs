using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Benchmarks;

/// <summary>The global options a build passes to the package (<c>build_property.X</c>).</summary>
internal sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private static readonly Options None = new(new Dictionary<string, string>());
    private readonly Options _global = new(values);

    /// <summary>A project that asks for the in-assembly inventory; by default the generator does nothing.</summary>
    public static BuildProperties InventoryTypeWanted { get; } = new(new Dictionary<string, string> { [GeneratorOptions.InventoryTypeProperty] = "true" });

    /// <summary>A real build's default: the documents analyzer writes the documents into <paramref name="folder"/>.</summary>
    public static BuildProperties WritesDocumentsTo(string folder)
        => new(new Dictionary<string, string> { [GeneratorOptions.OutputFullPathProperty] = folder + Path.DirectorySeparatorChar });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
