using System.Linq;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3001: a collection point receives personal information that no declared processing purpose covers. PIPL Art. 6
    /// and 17 require a clear purpose told to the person before collection, and the privacy policy is generated from it.
    /// </summary>
    internal static class CollectedWithoutPurposeRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            RuleIdentifiers.CollectedWithoutPurpose,
            title: "Personal information is collected without a declared processing purpose",
            messageFormat: "'{0}' of {1} collects personal information with no declared processing purpose: {2}",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Name the purpose with [Purpose(\"id\")] on the action, its controller, the bound model or the member, and declare it with [assembly: ProcessingPurpose(...)].",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CollectedWithoutPurpose));

        public static void Check(CollectionCheck check)
        {
            var unexplained = check.Items.Where(i => check.Declarations.PurposesOf(check.ChainOf(i)).IsEmpty).ToList();
            if (unexplained.Count > 0)
            {
                check.Report(Descriptor, check.Input.Symbol.Name, check.Where, check.Describe(unexplained));
            }
        }
    }
}
