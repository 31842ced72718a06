using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;
using PrivacyByDesign.Analyzers.Storage;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rules.Storage
{
    /// <summary>
    /// PBD4005: an EF Core entity persists personal information but nothing declares how long it is kept and what
    /// happens then (PIPL Art. 19). Retention counts when declared on the member, on the entity type (or a base type),
    /// or by an assembly <c>[ProcessingPurpose]</c> with a <c>Retention</c> whose necessary categories cover the member.
    /// </summary>
    public sealed class RetentionNotDeclaredAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.RetentionNotDeclared,
            title: "Persisted personal information has no declared retention period",
            messageFormat: "Entity '{0}' persists personal information ({1}) with no declared retention period and expiry action",
            category: RuleCategories.Storage,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Declare [Retention(\"P3Y\", OnExpiry = ExpiryAction.Delete)] on the entity or its members, or a Retention on the processing purpose that needs these categories.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetentionNotDeclared),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationAction(c =>
            {
                var model = EfCoreModel.For(c.Compilation, c.CancellationToken);
                var retention = PrivacySymbols.Find(c.Compilation, "PrivacyByDesign.RetentionAttribute");
                if (model.IsPresent && retention != null)
                {
                    var classifier = PersonalInfoClassifier.For(c.Compilation, c.Options, c.CancellationToken);
                    Analyze(c, model, classifier, retention, PrivacySymbols.Find(c.Compilation, "PrivacyByDesign.ProcessingPurposeAttribute"));
                }
            });
        }

        private static void Analyze(CompilationAnalysisContext context, EfCoreModel model, PersonalInfoClassifier classifier, INamedTypeSymbol retention, INamedTypeSymbol? purpose)
        {
            var coveredByPurpose = CategoriesWithRetention(context.Compilation, purpose);
            foreach (var entity in model.Entities(Enumerable.Empty<INamedTypeSymbol>()))
            {
                if (Declares(entity.Type, retention, inherited: true))
                {
                    continue;
                }

                var undeclared = classifier.GetPersonalMembers(entity.Type)
                    .Where(m => !m.Member.IsStatic && !PersonalInfoStorageAnalyzer.IsComputed(m.Member))
                    .Where(m => !Declares(m.Member, retention, inherited: false) && !(m.Classification.CategoryId is { } id && coveredByPurpose.Contains(id)))
                    .Select(m => m.Member.Name)
                    .ToList();
                if (undeclared.Count > 0 && entity.Type.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, entity.Type.Name, string.Join(", ", undeclared)));
                }
            }
        }

        private static HashSet<string> CategoriesWithRetention(Compilation compilation, INamedTypeSymbol? purpose)
        {
            var categories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, purpose))
                {
                    continue;
                }

                if (DeclaredPurpose.From(attribute) is { Retention.Length: > 0 } declared)
                {
                    categories.UnionWith(declared.NecessaryCategoryList);
                }
            }

            return categories;
        }

        /// <summary>On the symbol, or with <paramref name="inherited"/> on a type or any of its base types.</summary>
        private static bool Declares(ISymbol symbol, INamedTypeSymbol attribute, bool inherited)
        {
            for (var current = symbol; current != null; current = inherited && current is INamedTypeSymbol type ? type.BaseType : null)
            {
                if (HasAttribute(current, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
