using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Configuration;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// Builds the privacy inventory of a compilation (parse → equatable value model → emit) and publishes it: the
    /// in-assembly <c>PrivacyInventory</c> type, and on real builds the documents in PrivacyByDesignOutputPath. Every
    /// step's output is a value model, so an edit that changes no declaration stops at the first step.
    /// The generator reports no diagnostics; the analyzers do.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PrivacyInventoryGenerator : IIncrementalGenerator
    {
        private static readonly string[] CodeAttributes =
        {
            "PrivacyByDesign.SharedWithAttribute",
            "PrivacyByDesign.AutomatedDecisionAttribute",
            "PrivacyByDesign.DataSubjectRightsHandlerAttribute",
            "PrivacyByDesign.ConsentWithdrawalAttribute",
            "PrivacyByDesign.PublicDisclosureAttribute",
            "PrivacyByDesign.ConsentAttribute",
            "PrivacyByDesign.GenerateDataSubjectRightsAttribute",
        };

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var options = context.AnalyzerConfigOptionsProvider
                .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            var configFiles = context.AdditionalTextsProvider
                .Where(text => PrivacyConfig.IsConfigFile(text.Path))
                .Collect();

            var assembly = context.CompilationProvider
                .Select((compilation, ct) => ModelBuilder.ReadAssembly(compilation, ct))
                .WithTrackingName(TrackingNames.Assembly);

            var data = context.CompilationProvider
                .Combine(configFiles)
                .Select((pair, ct) => ModelBuilder.ReadData(pair.Left, pair.Right, ct))
                .WithTrackingName(TrackingNames.Data);

            IncrementalValueProvider<ImmutableArray<EquatableArray<CodeFactModel>>>? facts = null;
            foreach (var attribute in CodeAttributes)
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
                .Select(static (pair, _) => ModelBuilder.Combine(pair.Left.Left, pair.Left.Right, pair.Right))
                .WithTrackingName(TrackingNames.Inventory);

            // Rendered once for the in-assembly inventory and the published data-inventory.json alike.
            var published = inventory
                .Select(static (model, _) => (Model: model, Json: InventoryJsonRenderer.Render(new InventoryFacts(model))))
                .WithTrackingName(TrackingNames.Json);

            context.RegisterSourceOutput(published, static (spc, inventory) => spc.AddSource(InventorySourceEmitter.HintName, InventorySourceEmitter.Emit(inventory.Model, inventory.Json)));

            var documents = published
                .Combine(options)
                .Select(static (pair, _) => pair.Right.WritesFiles ? DocumentSet.Render(pair.Left.Model, pair.Left.Json).ToEquatableArray() : EquatableArray<RenderedDocument>.Empty)
                .WithTrackingName(TrackingNames.Documents);

            context.RegisterImplementationSourceOutput(documents.Combine(options), static (_, pair) => Write(pair.Right, pair.Left));
        }

        private static void Write(GeneratorOptions options, EquatableArray<RenderedDocument> documents)
        {
            if (!options.WritesFiles || documents.IsEmpty)
            {
                return;
            }

            try
            {
                DocumentWriter.WriteAll(options.OutputPath!, documents, DocumentSet.OptionalFileNames);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A locked or read-only folder must not fail the compilation; the next build writes again.
            }
        }

        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class TrackingNames
        {
            public const string Options = "PrivacyByDesign.Options";
            public const string Assembly = "PrivacyByDesign.Assembly";
            public const string Data = "PrivacyByDesign.Data";
            public const string CodeFacts = "PrivacyByDesign.CodeFacts";
            public const string Inventory = "PrivacyByDesign.Inventory";
            public const string Json = "PrivacyByDesign.Json";
            public const string Documents = "PrivacyByDesign.Documents";

            public static readonly ImmutableArray<string> All = ImmutableArray.Create(Options, Assembly, Data, CodeFacts, Inventory, Json, Documents);
        }
    }
}
