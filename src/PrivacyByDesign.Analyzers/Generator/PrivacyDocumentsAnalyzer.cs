using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// Publishes the data inventory and the privacy documents on real builds (PrivacyByDesignOutputPath), and reports
    /// PBD9001 when the folder cannot be written. It runs at the end of the compilation, as an analyzer rather than in
    /// the generator, so that it reads the symbols the compiler has already bound and the classifier, EF Core model and
    /// collection points the rules have already built: a generator runs on a compilation of its own and would bind the
    /// whole program a second time.
    /// </summary>
    public sealed class PrivacyDocumentsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.DocumentsNotWritten,
            title: "Privacy documents could not be written",
            messageFormat: "The privacy documents could not be written to '{0}': {1}",
            category: RuleCategories.Generator,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The build went on without updating the data inventory and the privacy documents. Make the folder writable or point PrivacyByDesignOutputPath elsewhere.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DocumentsNotWritten),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var options = GeneratorOptions.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                if (!options.WritesFiles)
                {
                    return;
                }

                var codeFacts = new CodeFactCollector(start.Compilation, start.CancellationToken);
                start.RegisterSyntaxNodeAction(c => codeFacts.Add((AttributeSyntax)c.Node, c.SemanticModel, c.CancellationToken), SyntaxKind.Attribute);
                start.RegisterCompilationEndAction(end =>
                {
                    var model = ModelBuilder.Combine(
                        ModelBuilder.ReadAssembly(end.Compilation, end.CancellationToken),
                        ModelBuilder.ReadData(end.Compilation, end.Options, end.CancellationToken),
                        codeFacts.ToEquatableArray());
                    string modelSha256 = InventoryModelHash.Sha256(model);
                    try
                    {
                        // A rebuild of unchanged declarations renders the same bytes: it checks the stamp instead.
                        if (!DocumentWriter.IsCurrent(options.OutputPath!, modelSha256, DocumentSet.OptionalFileNames, DocumentWriter.RendererVersion))
                        {
                            DocumentWriter.WriteAll(options.OutputPath!, DocumentSet.Render(model), DocumentSet.OptionalFileNames, modelSha256);
                        }
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // A locked or read-only folder must not stop the build; it is reported and the next build writes again.
                        end.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, options.OutputPath, ex.Message));
                    }
                });
            });
        }
    }
}
