using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3004: a collection point receives a category its purposes do not list as necessary (minimum necessity,
    /// PIPL Art. 6 ¶2). A purpose without NecessaryCategories takes the app type's necessary-information preset when it
    /// is essential and an app type is set; otherwise it is not checked.
    /// </summary>
    internal static class BeyondNecessaryRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            RuleIdentifiers.CollectedBeyondNecessary,
            title: "Collected personal information exceeds what the purpose needs",
            messageFormat: "'{0}' of {1} collects {2}, not necessary for {3} (minimum necessity)",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Stop collecting the value, add its category to the purpose's NecessaryCategories when it really is needed, or move it under a purpose (optional, consent-based) that needs it.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CollectedBeyondNecessary));

        public static void Check(CollectionCheck check)
        {
            var excess = new List<Analyzers.Collection.CollectedItem>();
            var purposesNamed = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var item in check.Items)
            {
                string? category = item.Classification.CategoryId;
                var purposes = check.Declarations.PurposesOf(check.ChainOf(item));
                if (category == null || purposes.IsEmpty)
                {
                    continue;
                }

                bool necessary = false;
                foreach (string id in purposes)
                {
                    var allowed = NecessaryFor(check, id);
                    if (allowed == null || allowed.Contains(category))
                    {
                        necessary = true;
                        break;
                    }
                }

                if (!necessary)
                {
                    excess.Add(item);
                    purposesNamed.UnionWith(purposes);
                }
            }

            if (excess.Count > 0)
            {
                string purposes = string.Join(", ", purposesNamed.Select(p => "'" + p + "'"));
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, check.Describe(excess), (purposesNamed.Count == 1 ? "purpose " : "purposes ") + purposes);
            }
        }

        /// <summary>The categories a purpose may collect, or null when nothing limits it (unknown purpose, no list and no app type).</summary>
        private static ICollection<string>? NecessaryFor(CollectionCheck check, string purposeId)
        {
            if (!check.Declarations.Purposes.TryGetValue(purposeId, out var purpose))
            {
                return null;
            }

            if (purpose.NecessaryCategories != null)
            {
                return purpose.NecessaryCategories;
            }

            return purpose.Essential ? check.Declarations.AppTypePreset?.Necessary : null;
        }
    }
}
