using System.Linq;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3007: personal information of children under 14 is collected without a guardian-consent requirement (PIPL Art. 31).
    /// Children's data is recognised by the <c>minor.child_under14</c> category, the <c>child</c> data subject, or a model
    /// whose <c>[DataSubject(MinimumAge = n)]</c> is below 14.
    /// </summary>
    internal static class ChildWithoutGuardianConsentRule
    {
        public const string ChildCategory = "minor.child_under14";

        public static readonly DiagnosticDescriptor Descriptor = new(
            RuleIdentifiers.ChildWithoutGuardianConsent,
            title: "Children's personal information is collected without guardian consent",
            messageFormat: "'{0}' of {1} collects personal information of children under 14 without [RequiresGuardianConsent]: {2}",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Mark the model, action or controller [RequiresGuardianConsent] and obtain a parent's or guardian's consent before collecting.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ChildWithoutGuardianConsent));

        public static void Check(CollectionCheck check)
        {
            var missing = check.Items.Where(i => IsChildData(check, i) && !check.Declarations.HasGuardianConsent(check.ChainOf(i))).ToList();
            if (missing.Count > 0)
            {
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, check.Describe(missing));
            }
        }

        /// <summary>
        /// The child's own data: the child category or subject, or a member of a children's model that does not name
        /// another subject (a parent's phone number in a pupil's form is the guardian's).
        /// </summary>
        public static bool IsChildData(CollectionCheck check, Analyzers.Collection.CollectedItem item)
        {
            var subject = item.Classification.Subject;
            if (item.Classification.CategoryId == ChildCategory || subject == "child")
            {
                return true;
            }

            foreach (var model in item.Models)
            {
                if (check.Declarations.ChildSubjectOf(model) is { } childSubject && (subject == null || subject == childSubject))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
