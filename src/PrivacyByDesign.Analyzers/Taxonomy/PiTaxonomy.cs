using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PrivacyByDesign.Analyzers.Taxonomy
{
    /// <summary>The categories in force for one compilation: the built-in 77 plus the project's own.</summary>
    internal sealed class PiTaxonomy
    {
        private readonly Dictionary<string, PiCategoryInfo> _byId;

        public PiTaxonomy(ImmutableArray<PiCategoryInfo> categories)
        {
            Categories = categories;
            _byId = new Dictionary<string, PiCategoryInfo>(StringComparer.Ordinal);
            foreach (var category in categories)
            {
                _byId[category.Id] = category;
            }
        }

        public static PiTaxonomy BuiltIn { get; } = new(BuiltInTaxonomy.Categories);

        public ImmutableArray<PiCategoryInfo> Categories { get; }

        public PiCategoryInfo? Find(string? id) => id != null && _byId.TryGetValue(id, out var category) ? category : null;
    }
}
