using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Configuration;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// Generates the in-assembly <c>PrivacyInventory</c> type when the project asks for it
    /// (<c>PrivacyByDesignGenerateInventoryType=true</c>): parse → equatable value model → emit, every step's output a
    /// value model, so an edit that changes no declaration stops at the first step. Without the property it does no work.
    /// It is opt-in because a generator runs on a compilation of its own, before the compiler's: everything it reads is
    /// bound twice. The published documents are written by <see cref="PrivacyDocumentsAnalyzer"/>, which shares the
    /// compiler's binding. The generator reports no diagnostics; the analyzers do.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PrivacyInventoryGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var wanted = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions).InventoryType)
                .WithTrackingName(TrackingNames.Options);

            var configFiles = context.AdditionalTextsProvider
                .Where(text => PrivacyConfig.IsConfigFile(text.Path))
                .Collect();

            var assembly = context.CompilationProvider
                .Combine(wanted)
                .Select(static (pair, ct) => pair.Right ? ModelBuilder.ReadAssembly(pair.Left, ct) : null)
                .WithTrackingName(TrackingNames.Assembly);

            var data = context.CompilationProvider
                .Combine(configFiles)
                .Combine(wanted)
                .Select(static (pair, ct) => pair.Right ? ModelBuilder.ReadData(pair.Left.Left, new AnalyzerOptions(pair.Left.Right), ct) : null)
                .WithTrackingName(TrackingNames.Data);

            IncrementalValueProvider<ImmutableArray<EquatableArray<CodeFactModel>>>? facts = null;
            foreach (var attribute in ModelBuilder.CodeAttributes)
            {
                var one = context.SyntaxProvider
                    .ForAttributeWithMetadataName(attribute, static (_, _) => true, static (c, ct) => ModelBuilder.ReadCodeFacts(c.TargetSymbol, c.Attributes, ct))
                    .WithTrackingName(TrackingNames.CodeFacts)
                    .Collect();
                facts = facts == null ? one : facts.Value.Combine(one).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
            }

            var inventory = assembly
                .Combine(data)
                .Combine(facts!.Value)
                .Select(static (pair, _) => pair.Left.Left is { } declarations && pair.Left.Right is { } types ? ModelBuilder.Combine(declarations, types, pair.Right) : null)
                .WithTrackingName(TrackingNames.Inventory);

            var source = inventory
                .Select(static (model, _) => model == null ? null : InventorySourceEmitter.Emit(model, InventoryJsonRenderer.Render(new InventoryFacts(model))))
                .WithTrackingName(TrackingNames.Source);

            context.RegisterSourceOutput(source, static (spc, text) =>
            {
                if (text != null)
                {
                    spc.AddSource(InventorySourceEmitter.HintName, text);
                }
            });
        }

        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class TrackingNames
        {
            public const string Options = "PrivacyByDesign.Options";
            public const string Assembly = "PrivacyByDesign.Assembly";
            public const string Data = "PrivacyByDesign.Data";
            public const string CodeFacts = "PrivacyByDesign.CodeFacts";
            public const string Inventory = "PrivacyByDesign.Inventory";
            public const string Source = "PrivacyByDesign.Source";

            public static readonly ImmutableArray<string> All = ImmutableArray.Create(Options, Assembly, Data, CodeFacts, Inventory, Source);
        }
    }
}
