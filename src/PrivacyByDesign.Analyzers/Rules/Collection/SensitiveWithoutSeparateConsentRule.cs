using System.Linq;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3006: sensitive personal information collected on consent (or with no purpose that gives another basis) without
    /// a separate-consent requirement (PIPL Art. 29). Biometrics and children's data have their own rules (PBD3008, PBD3007).
    /// </summary>
    internal static class SensitiveWithoutSeparateConsentRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            RuleIdentifiers.SensitiveWithoutSeparateConsent,
            title: "Sensitive personal information is collected without separate consent",
            messageFormat: "'{0}' of {1} collects sensitive personal information without [RequiresSeparateConsent]: {2}",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Mark the member, model, action or controller [RequiresSeparateConsent(\"consent-id\")] and ask for that consent on its own, or declare a purpose whose legal basis is not consent (PIPL Art. 13 ¶2).",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveWithoutSeparateConsent));

        public static void Check(CollectionCheck check)
        {
            var missing = check.Items.Where(i => i.Classification.IsSensitive && !ChildWithoutGuardianConsentRule.IsChildData(check, i)
                    && !BiometricWithoutConsentRule.IsBiometric(i) && NeedsConsent(check, i)
                    && check.Declarations.SeparateConsentsOf(check.ChainOf(i)).IsEmpty)
                .ToList();
            if (missing.Count > 0)
            {
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, check.Describe(missing));
            }
        }

        /// <summary>
        /// Consent is needed unless every purpose of the value rests on another PIPL Art. 13 basis (contract, legal
        /// obligation…): Art. 13 ¶2 lifts the consent requirements of other articles for those.
        /// </summary>
        private static bool NeedsConsent(CollectionCheck check, Analyzers.Collection.CollectedItem item)
        {
            var purposes = check.Declarations.PurposesOf(check.ChainOf(item));
            if (purposes.IsEmpty)
            {
                return true;
            }

            foreach (string id in purposes)
            {
                if (!check.Declarations.Purposes.TryGetValue(id, out var purpose) || purpose.IsConsentBased)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
