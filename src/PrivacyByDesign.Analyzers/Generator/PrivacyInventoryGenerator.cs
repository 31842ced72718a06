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
                .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions).InventoryType ? Request.Wanted : Request.NotWanted)
                .WithTrackingName(TrackingNames.Options);

            var configFiles = context.AdditionalTextsProvider
                .Where(text => PrivacyConfig.IsConfigFile(text.Path))
                .Collect();

            var assembly = context.CompilationProvider
                .Combine(wanted)
                .Select(static (pair, ct) => pair.Right.IsWanted ? ModelBuilder.ReadAssembly(pair.Left, ct) : null)
                .WithTrackingName(TrackingNames.Assembly);

            // Code-level declarations are read here with the rest, not through ForAttributeWithMetadataName: this step
            // needs the whole compilation and runs on every edit anyway, and a syntax provider would walk every tree of
            // every project, including those that never asked for the type.
            var data = context.CompilationProvider
                .Combine(configFiles)
                .Combine(wanted)
                .Select(static (pair, ct) => pair.Right.IsWanted ? new DataAndCodeFacts(ModelBuilder.ReadData(pair.Left.Left, new AnalyzerOptions(pair.Left.Right), ct), CodeFactCollector.ReadAll(pair.Left.Left, ct)) : null)
                .WithTrackingName(TrackingNames.Data);

            var inventory = assembly
                .Combine(data)
                .Select(static (pair, _) => pair.Left is { } declarations && pair.Right is { } types ? ModelBuilder.Combine(declarations, types.Data, types.CodeFacts) : null)
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

        /// <summary>
        /// Whether the project asked for the type, as one of two instances: a reference type keeps the pipeline's steps
        /// on generic code the compiler has already compiled for other generators, where a <c>bool</c> step is
        /// compiled anew by every fresh compiler process.
        /// </summary>
        private sealed class Request
        {
            public static readonly Request Wanted = new(true);
            public static readonly Request NotWanted = new(false);

            private Request(bool isWanted) => IsWanted = isWanted;

            public bool IsWanted { get; }
        }

        /// <summary>The data side of the model and the code-level declarations, compared by value.</summary>
        private sealed record DataAndCodeFacts(DataDeclarations Data, EquatableArray<CodeFactModel> CodeFacts);

        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class TrackingNames
        {
            public const string Options = "PrivacyByDesign.Options";
            public const string Assembly = "PrivacyByDesign.Assembly";
            public const string Data = "PrivacyByDesign.Data";
            public const string Inventory = "PrivacyByDesign.Inventory";
            public const string Source = "PrivacyByDesign.Source";

            public static readonly ImmutableArray<string> All = ImmutableArray.Create(Options, Assembly, Data, Inventory, Source);
        }
    }
}
