using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Sharing;

namespace PrivacyByDesign.Analyzers.Rules.Sharing
{
    /// <summary>
    /// PBD5003: a declared recipient lacks what the notice to individuals must say about it — name, contact, purposes and
    /// categories for a third party (PIPL Art. 23), plus country, rights procedure and an Art. 38 mechanism when it is abroad (Art. 39).
    /// </summary>
    public sealed class IncompleteRecipientAnalyzer : DiagnosticAnalyzer
    {
        private const int EntrustedProcessor = 1;

        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.IncompleteRecipient,
            title: "Declared recipient lacks what the privacy notice must say about it",
            messageFormat: "Recipient '{0}' does not declare {1}, which the notice must give ({2})",
            category: RuleCategories.Sharing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Fill in Contact, Purposes and Categories; for a recipient abroad also Country, RightsProcedure and Mechanism.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.IncompleteRecipient),
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
            var recipients = DeclaredRecipients.For(context.Compilation);
            foreach (var recipient in recipients.All)
            {
                var missing = new List<string>();
                bool abroad = recipient.Country != null && !string.Equals(recipient.Country, recipients.ProcessorCountry, StringComparison.OrdinalIgnoreCase);
                if (recipient.Kind != EntrustedProcessor || abroad)
                {
                    AddIf(missing, recipient.Contact == null, "Contact");
                    AddIf(missing, recipient.Purposes.IsEmpty, "Purposes");
                    AddIf(missing, recipient.Categories.IsEmpty, "Categories");
                }

                if (abroad)
                {
                    AddIf(missing, recipient.RightsProcedure == null, "RightsProcedure");
                    AddIf(missing, recipient.Mechanism == 0, "Mechanism");
                }

                if (missing.Count > 0 && recipient.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { } syntax)
                {
                    string article = abroad ? "PIPL Art. 39" : "PIPL Art. 23";
                    context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), recipient.Name ?? recipient.Id, string.Join(", ", missing), article));
                }
            }
        }

        private static void AddIf(List<string> missing, bool condition, string name)
        {
            if (condition)
            {
                missing.Add(name);
            }
        }
    }
}
