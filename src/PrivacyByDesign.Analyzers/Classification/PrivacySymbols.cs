using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>
    /// The attribute types classification reads, resolved once per compilation (Identity's only when an attribute of
    /// their name is met). Any of them may be absent (no Identity, no Microsoft.Extensions.Compliance); our own may come
    /// from the package or from source.
    /// </summary>
    internal sealed class PrivacySymbols
    {
        public const string Namespace = "PrivacyByDesign";

        public PrivacySymbols(Compilation compilation)
        {
            PersonalInfo = Find(compilation, "PrivacyByDesign.PersonalInfoAttribute");
            SensitivePersonalInfo = Find(compilation, "PrivacyByDesign.SensitivePersonalInfoAttribute");
            NotPersonalInfo = Find(compilation, "PrivacyByDesign.NotPersonalInfoAttribute");
            DataSubject = Find(compilation, "PrivacyByDesign.DataSubjectAttribute");
            StoredAs = Find(compilation, "PrivacyByDesign.StoredAsAttribute");
            PiCategory = Find(compilation, "PrivacyByDesign.PiCategory");
            IdentityPersonalData = new KnownType(compilation, "Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            IdentityProtectedPersonalData = new KnownType(compilation, "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
            DataClassification = Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = Find(compilation, "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
        }

        public INamedTypeSymbol? PersonalInfo { get; }

        public INamedTypeSymbol? SensitivePersonalInfo { get; }

        public INamedTypeSymbol? NotPersonalInfo { get; }

        public INamedTypeSymbol? DataSubject { get; }

        public INamedTypeSymbol? StoredAs { get; }

        public INamedTypeSymbol? PiCategory { get; }

        public KnownType IdentityPersonalData { get; }

        public KnownType IdentityProtectedPersonalData { get; }

        public INamedTypeSymbol? DataClassification { get; }

        public INamedTypeSymbol? NoDataClassification { get; }

        /// <summary>Whether any classification attribute exists at all; without them only inference can classify.</summary>
        public bool HasAnyAttribute => PersonalInfo != null || SensitivePersonalInfo != null || IdentityPersonalData.Symbol != null || DataClassification != null;

        /// <summary>
        /// Like <c>GetTypeByMetadataName</c>, but when several assemblies define the type (which returns null there),
        /// prefers the compilation's own definition, then the first referenced one. Each name is resolved once per
        /// compilation for every analyzer of the package: the compiler's own caches of these lookups hold 50 names
        /// for all the analyzers of a build, so without this one most lookups would scan every reference again.
        /// </summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            var found = s_perCompilation.GetValue(compilation, _ => new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal));
            if (!found.TryGetValue(metadataName, out var type))
            {
                type = found.GetOrAdd(metadataName, Resolve(compilation, metadataName));
            }

            return type;
        }

        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>> s_perCompilation = new();

        /// <summary>Whether <see cref="Find"/> has resolved the name for the compilation: tests check that the rules leave unused libraries unloaded.</summary>
        internal static bool HasResolved(Compilation compilation, string metadataName)
            => s_perCompilation.TryGetValue(compilation, out var found) && found.ContainsKey(metadataName);

        /// <summary>
        /// Reads the candidates from the compilation's merged namespaces, which the compiler has mostly built already,
        /// instead of asking each of the (often hundreds of) references in turn; a name that is absent (a logging
        /// library or a framework the project does not use) costs a few dictionary lookups. References that are only
        /// reachable through an extern alias are not in those namespaces, so their types are not found here.
        /// </summary>
        private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
        {
            var candidates = Declared(compilation.GlobalNamespace, metadataName);
            if (candidates.Count <= 1)
            {
                return candidates.Count == 0 ? null : candidates[0];
            }

            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    return candidate;
                }
            }

            return compilation.GetTypeByMetadataName(metadataName) ?? candidates[0];
        }

        /// <summary>The types a metadata name (<c>Namespace.Type`1+Nested</c>) denotes, one per assembly that declares it.</summary>
        private static IReadOnlyList<INamedTypeSymbol> Declared(INamespaceSymbol global, string metadataName)
        {
            string[] typeNames = metadataName.Split('+');
            string outermost = typeNames[0];
            int lastDot = outermost.LastIndexOf('.');
            INamespaceSymbol? container = global;
            if (lastDot > 0)
            {
                foreach (string part in outermost.Substring(0, lastDot).Split('.'))
                {
                    container = container.GetMembers(part).OfType<INamespaceSymbol>().FirstOrDefault();
                    if (container == null)
                    {
                        return System.Array.Empty<INamedTypeSymbol>();
                    }
                }
            }

            typeNames[0] = outermost.Substring(lastDot + 1);
            IReadOnlyList<INamedTypeSymbol> types = TypeMembers(container, typeNames[0]);
            for (int i = 1; i < typeNames.Length && types.Count > 0; i++)
            {
                string nestedName = typeNames[i];
                types = types.SelectMany(outer => TypeMembers(outer, nestedName)).ToList();
            }

            return types;
        }

        private static IReadOnlyList<INamedTypeSymbol> TypeMembers(INamespaceOrTypeSymbol container, string metadataName)
        {
            int tick = metadataName.IndexOf('`');
            if (tick < 0)
            {
                return container.GetTypeMembers(metadataName, 0);
            }

            return int.TryParse(metadataName.Substring(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int arity)
                ? container.GetTypeMembers(metadataName.Substring(0, tick), arity)
                : System.Array.Empty<INamedTypeSymbol>();
        }
    }
}
