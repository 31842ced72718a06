using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Rules
{
    /// <summary>
    /// PBD0003: <c>privacybydesign.json</c> cannot be read, or names something that does not exist. Reported at the
    /// place in the file, because a broken configuration silently drops the team's own categories and names.
    /// </summary>
    public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.InvalidConfiguration,
            title: "Invalid PrivacyByDesign configuration",
            messageFormat: "privacybydesign.json: {0}",
            category: RuleCategories.Classification,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The project's privacybydesign.json must be valid JSON with the documented shape; the parts that cannot be read are ignored.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InvalidConfiguration),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationAction(c =>
            {
                var config = PersonalInfoClassifier.For(c.Compilation, c.Options, c.CancellationToken).Config;
                foreach (var problem in config.Problems)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, problem.ToLocation(), problem.Message));
                }
            });
        }
    }
}
