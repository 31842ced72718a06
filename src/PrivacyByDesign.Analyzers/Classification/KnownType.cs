using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>
    /// A library type the rules compare code with, resolved the first time the code shows a type of the same name.
    /// Resolving a type loads every type of its namespace from every reference that declares that namespace (about half
    /// a millisecond for System.Security.Cryptography or Microsoft.AspNetCore.Identity), and the compiler does the same
    /// for the namespaces the code imports: a project that never names an HMAC does not pay for loading
    /// System.Security.Cryptography because a sanitizer rule might meet one (docs/performance.md, "Sixth round").
    /// Every answer is the one a comparison with the resolved type gives; the name only decides earlier.
    /// </summary>
    internal sealed class KnownType
    {
        private readonly Compilation _compilation;
        private readonly string _metadataName;

        public KnownType(Compilation compilation, string metadataName)
        {
            _compilation = compilation;
            _metadataName = metadataName;
            Name = NameOf(metadataName);
        }

        /// <summary>The name <see cref="ISymbol.Name"/> gives the type: without namespace, containing type or arity.</summary>
        public string Name { get; }

        /// <summary>The type, resolved now (once per compilation for every analyzer); null when the compilation has none.</summary>
        public INamedTypeSymbol? Symbol => PrivacySymbols.Find(_compilation, _metadataName);

        /// <summary>Whether <paramref name="symbol"/> is this type.</summary>
        public bool Is(ISymbol? symbol) => symbol is INamedTypeSymbol type && type.Name == Name && SymbolRelations.Same(type, Symbol);

        /// <summary>Whether <paramref name="type"/> is this type or inherits from it.</summary>
        public bool IsOrIsBaseOf(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is this interface or implements it.</summary>
        public bool IsOrIsImplementedBy(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (Is(type))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (Is(candidate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="symbol"/> carries this attribute.</summary>
        public bool IsOn(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (Is(attribute.AttributeClass))
                {
                    return true;
                }
            }

            return false;
        }

        // "Ns.Outer+Inner`1" -> "Inner": the last dotted or nested part, less its arity.
        private static string NameOf(string metadataName)
        {
            int start = metadataName.LastIndexOfAny(new[] { '.', '+' }) + 1;
            int tick = metadataName.IndexOf('`', start);
            return tick < 0 ? metadataName.Substring(start) : metadataName.Substring(start, tick - start);
        }
    }
}
