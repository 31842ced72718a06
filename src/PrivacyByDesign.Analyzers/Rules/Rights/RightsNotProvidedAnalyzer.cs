using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Rights;
using PrivacyByDesign.Analyzers.Storage;

namespace PrivacyByDesign.Analyzers.Rules.Rights
{
    /// <summary>
    /// PBD6001/PBD6002: a data subject whose personal information is persisted (EF Core entities) has no declared way to
    /// have it deleted (PIPL Art. 47), or to access it and get a copy in a structured format (Art. 45).
    /// </summary>
    public sealed class RightsNotProvidedAnalyzer : DiagnosticAnalyzer
    {
        internal const string UnspecifiedSubject = "unspecified";

        internal static readonly DiagnosticDescriptor DeletionRule = new(
            RuleIdentifiers.NoDeletionPath,
            title: "Persisted personal information has no deletion path",
            messageFormat: "Personal information of data subject '{0}' is persisted ({1}) but no [DataSubjectRightsHandler] provides Erasure or AccountDeletion for '{0}'",
            category: RuleCategories.Rights,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Implement deletion for the data subject and mark the handler [DataSubjectRightsHandler(DataSubjectRight.Erasure, \"subject\")].",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.NoDeletionPath),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor AccessRule = new(
            RuleIdentifiers.NoAccessPath,
            title: "Persisted personal information has no access and copy path",
            messageFormat: "Personal information of data subject '{0}' is persisted ({1}) but no [DataSubjectRightsHandler] provides {2} for '{0}'",
            category: RuleCategories.Rights,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Implement access and a copy in a structured, commonly used format, and mark the handler [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability, \"subject\")].",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.NoAccessPath),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DeletionRule, AccessRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var model = EfCoreModel.For(context.Compilation, context.CancellationToken);
            if (!model.IsPresent)
            {
                return;
            }

            var classifier = PersonalInfoClassifier.For(context.Compilation, context.Options, context.CancellationToken);
            var rights = DeclaredRights.For(context.Compilation, context.CancellationToken);

            // Subject → the entities holding its personal information, in model order.
            var bySubject = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var entity in model.Entities(Enumerable.Empty<INamedTypeSymbol>()))
            {
                foreach (string subject in classifier.GetPersonalMembers(entity.Type).Select(m => m.Classification.Subject ?? UnspecifiedSubject).Distinct(System.StringComparer.OrdinalIgnoreCase))
                {
                    if (!bySubject.TryGetValue(subject, out var entities))
                    {
                        bySubject[subject] = entities = new List<INamedTypeSymbol>();
                    }

                    entities.Add(entity.Type);
                }
            }

            foreach (var pair in bySubject.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                var location = pair.Value[0].Locations.FirstOrDefault(l => l.IsInSource);
                if (location == null)
                {
                    continue;
                }

                string where = string.Join(", ", pair.Value.Select(t => t.Name));
                int declared = rights.RightsOf(pair.Key);
                if ((declared & DeclaredRights.DeletionRights) == 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DeletionRule, location, pair.Key, where));
                }

                var missing = new List<string>();
                if ((declared & DeclaredRights.Access) == 0)
                {
                    missing.Add("Access");
                }

                if ((declared & DeclaredRights.Portability) == 0)
                {
                    missing.Add("Portability");
                }

                if (missing.Count > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(AccessRule, location, pair.Key, where, string.Join(" and ", missing)));
                }
            }
        }
    }
}
