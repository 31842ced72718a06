using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Rights;

namespace PrivacyByDesign.Analyzers.Rules.Rights
{
    /// <summary>
    /// PBD6003: a consent that can be given (<c>[Consent]</c>, <c>[RequiresSeparateConsent]</c>) but not withdrawn: no
    /// <c>[ConsentWithdrawal]</c> for it and no rights handler offering WithdrawConsent (PIPL Art. 15).
    /// </summary>
    public sealed class ConsentNotWithdrawableAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.ConsentNotWithdrawable,
            title: "Consent can be given but not withdrawn",
            messageFormat: "Consent '{0}' can be given but nothing withdraws it; declare a [ConsentWithdrawal(\"{0}\")] method",
            category: RuleCategories.Rights,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Offer a way to withdraw every consent that is as easy as giving it, and mark it [ConsentWithdrawal(id)].",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentNotWithdrawable),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var rights = DeclaredRights.For(context.Compilation, context.CancellationToken);
            foreach (var consent in rights.Consents)
            {
                if (!rights.CanWithdraw(consent.Id) && consent.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } syntax)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), consent.Id));
                }
            }
        }
    }
}
