using System.Linq;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3008: biometric information (face, fingerprint, voiceprint, iris, genes) is collected without separate consent, or
    /// without another way for the person to verify themselves. The face-recognition judicial interpretation makes
    /// face processing without separate consent, or as the only option, an infringement.
    /// </summary>
    internal static class BiometricWithoutConsentRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            RuleIdentifiers.BiometricWithoutConsent,
            title: "Biometric information is collected without separate consent and an alternative",
            messageFormat: "'{0}' of {1} collects biometric information {2}: {3}",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Declare [RequiresSeparateConsent(\"consent-id\", Alternative = \"...\")] on the member, model, action or controller, and offer the alternative to people who refuse.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BiometricWithoutConsent));

        public static void Check(CollectionCheck check)
        {
            var withoutConsent = new System.Collections.Generic.List<Analyzers.Collection.CollectedItem>();
            var withoutAlternative = new System.Collections.Generic.List<Analyzers.Collection.CollectedItem>();
            foreach (var item in check.Items.Where(IsBiometric))
            {
                var consents = check.Declarations.SeparateConsentsOf(check.ChainOf(item));
                if (consents.IsEmpty)
                {
                    withoutConsent.Add(item);
                }
                else if (!consents.Any(c => SymbolRelations.NamedArgument(c, "Alternative")?.Value is string alternative && alternative.Trim().Length > 0))
                {
                    withoutAlternative.Add(item);
                }
            }

            if (withoutConsent.Count > 0)
            {
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, "without [RequiresSeparateConsent]", check.Describe(withoutConsent));
            }

            if (withoutAlternative.Count > 0)
            {
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, "without an alternative way to verify (RequiresSeparateConsent.Alternative)", check.Describe(withoutAlternative));
            }
        }

        public static bool IsBiometric(Analyzers.Collection.CollectedItem item)
            => item.Classification.CategoryId is { } id && id.StartsWith("biometric.", System.StringComparison.Ordinal);
    }
}
