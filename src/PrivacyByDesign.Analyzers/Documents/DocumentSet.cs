using System.Collections.Generic;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>One rendered file: a plain file name (no folders) and its UTF-8 text.</summary>
    internal sealed record RenderedDocument(string FileName, string Content);

    /// <summary>Renders every document of an inventory in a fixed order; the documents analyzer and the merge tool share it.</summary>
    internal static class DocumentSet
    {
        /// <summary>The whole model as JSON; the merge tool reads it back.</summary>
        public const string InventoryFileName = "data-inventory.json";

        /// <summary>Documents produced only when the code needs them; a writer removes them when they are no longer produced.</summary>
        public static readonly string[] OptionalFileNames = { "impact-assessment.zh-CN.md", "impact-assessment.en.md" };

        public static IReadOnlyList<RenderedDocument> Render(InventoryModel model)
        {
            var facts = new InventoryFacts(model);
            var documents = new List<RenderedDocument>
            {
                new(InventoryFileName, InventoryJsonRenderer.Render(facts)),
                new("data-inventory.md", InventoryMarkdownRenderer.Render(facts)),
                new("collection-list.csv", ListRenderers.CollectionCsv(facts)),
                new("collection-list.md", ListRenderers.CollectionMarkdown(facts)),
                new("third-party-sharing-list.csv", ListRenderers.SharingCsv(facts)),
                new("third-party-sharing-list.md", ListRenderers.SharingMarkdown(facts)),
                new("privacy-policy.zh-CN.md", PrivacyPolicyRenderer.Render(facts, zh: true)),
                new("privacy-policy.en.md", PrivacyPolicyRenderer.Render(facts, zh: false)),
                new("fides.yml", FidesRenderer.Render(facts)),
            };
            if (ImpactAssessmentRenderer.IsRequired(facts))
            {
                documents.Add(new("impact-assessment.zh-CN.md", ImpactAssessmentRenderer.Render(facts, zh: true)));
                documents.Add(new("impact-assessment.en.md", ImpactAssessmentRenderer.Render(facts, zh: false)));
            }

            return documents;
        }
    }
}
