using System;
using System.Collections.Generic;
using System.Linq;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>
    /// Merges the per-project inventories of a solution into one system inventory. Declarations shared by several
    /// projects (the processor, a purpose or recipient id, a type from a shared library) are kept once, from the first
    /// project in ordinal order of assembly name; everything else is the union, in the generator's order.
    /// </summary>
    internal static class InventoryMerge
    {
        public static InventoryModel Merge(string systemName, IEnumerable<InventoryModel> inventories)
        {
            var ordered = inventories.OrderBy(i => i.AssemblyName, StringComparer.Ordinal).ToList();
            return new InventoryModel(
                systemName,
                ordered.Select(i => i.Processor).FirstOrDefault(p => p != null),
                FirstById(ordered.SelectMany(i => i.Purposes), p => p.Id),
                FirstById(ordered.SelectMany(i => i.Recipients), r => r.Id),
                ordered.SelectMany(i => i.Assessments).Distinct().OrderBy(a => a.Reference, StringComparer.Ordinal).ThenBy(a => a.Scope, StringComparer.Ordinal).ToEquatableArray(),
                FirstById(ordered.SelectMany(i => i.DataTypes), t => t.TypeName),
                ordered.SelectMany(i => i.Stores).Distinct().OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.EntityType, StringComparer.Ordinal).ToEquatableArray(),
                ordered.SelectMany(i => i.CollectionPoints).Distinct().OrderBy(c => c.Id, StringComparer.Ordinal).ToEquatableArray(),
                ordered.SelectMany(i => i.CodeFacts).Distinct()
                    .OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal).ToEquatableArray());
        }

        private static EquatableArray<T> FirstById<T>(IEnumerable<T> items, Func<T, string> id)
            where T : IEquatable<T>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return items.Where(i => seen.Add(id(i))).OrderBy(id, StringComparer.Ordinal).ToEquatableArray();
        }
    }
}
