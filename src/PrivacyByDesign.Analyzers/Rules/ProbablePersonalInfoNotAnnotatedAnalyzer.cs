using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Rules
{
    /// <summary>
    /// PBD0001: a property or field whose name says it holds personal information carries no annotation. The
    /// annotation makes the classification explicit (and lets Microsoft's redaction see it); <c>[NotPersonalInfo]</c>
    /// records a false positive once, at the data, instead of at every sink.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProbablePersonalInfoNotAnnotatedAnalyzer : DiagnosticAnalyzer
    {
        public const string CategoryIdProperty = "CategoryId";
        public const string ConstantNameProperty = "ConstantName";
        public const string SensitiveProperty = "Sensitive";

        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.ProbablePersonalInfoNotAnnotated,
            title: "Probable personal information is not annotated",
            messageFormat: "'{0}' looks like {1} ({2}); mark it [{3}(\"{4}\")] or [NotPersonalInfo]",
            category: RuleCategories.Classification,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Name inference found probable personal information that no attribute declares. Annotating it makes the classification explicit for every rule, the inventory and runtime redaction; [NotPersonalInfo] silences a false positive everywhere.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ProbablePersonalInfoNotAnnotated));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var classifier = PersonalInfoClassifier.For(start.Compilation, start.Options, start.CancellationToken);
                if (!classifier.Config.InferenceEnabled)
                {
                    return;
                }

                start.RegisterSymbolAction(c => Analyze(c, classifier), SymbolKind.Property, SymbolKind.Field);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, PersonalInfoClassifier classifier)
        {
            var symbol = context.Symbol;
            if (!PersonalInfoClassifier.IsDataMember(symbol) || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource
                || symbol is IPropertySymbol { IsOverride: true })
            {
                return;
            }

            var classification = classifier.Classify(symbol);
            if (!classification.IsPersonal || !classification.IsInferred || classification.IsProtected || classification.Category == null)
            {
                return;
            }

            var category = classification.Category;
            string attribute = category.Sensitive ? "SensitivePersonalInfo" : "PersonalInfo";
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(CategoryIdProperty, category.Id);
            properties.Add(ConstantNameProperty, category.ConstantName);
            properties.Add(SensitiveProperty, category.Sensitive ? "true" : "false");
            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                symbol.Locations[0],
                properties.ToImmutable(),
                symbol.Name,
                (category.Sensitive ? "sensitive " : string.Empty) + category.NameEn.ToLowerInvariant(),
                classification.Reason,
                attribute,
                category.Id));
        }
    }
}
