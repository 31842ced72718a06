using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers
{
    /// <summary>Type and attribute relations the rules ask about; every comparison uses <see cref="SymbolEqualityComparer.Default"/>.</summary>
    internal static class SymbolRelations
    {
        /// <summary>The value of an attribute's named argument (<c>Name = value</c>), or null when it is not set.</summary>
        public static TypedConstant? NamedArgument(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether <paramref name="ns"/> is the namespace written <paramref name="dottedName"/> (<c>System.Collections.Generic</c>),
        /// compared part by part: asked for every member and attribute, where building the name would allocate each time.
        /// </summary>
        public static bool IsNamespace(INamespaceSymbol? ns, string dottedName)
        {
            int end = dottedName.Length;
            for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                string part = current.Name;
                int start = end - part.Length;
                if (start < 0 || string.CompareOrdinal(dottedName, start, part, 0, part.Length) != 0)
                {
                    return false;
                }

                if (start == 0)
                {
                    return current.ContainingNamespace is null or { IsGlobalNamespace: true };
                }

                if (dottedName[start - 1] != '.')
                {
                    return false;
                }

                end = start - 1;
            }

            return false;
        }

        /// <summary>The outermost namespace <paramref name="ns"/> lies in (itself when it is top-level) and how deep <paramref name="ns"/> is, 1 for a top-level one.</summary>
        public static (INamespaceSymbol? Root, int Depth) RootNamespace(INamespaceSymbol? ns)
        {
            if (ns is not { IsGlobalNamespace: false })
            {
                return (null, 0);
            }

            int depth = 1;
            var root = ns;
            while (root.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                root = parent;
                depth++;
            }

            return (root, depth);
        }

        /// <summary>Both are present and the same symbol (an absent well-known type never matches).</summary>
        public static bool Same(ISymbol? a, ISymbol? b) => a != null && b != null && SymbolEqualityComparer.Default.Equals(a, b);

        /// <summary><paramref name="type"/> is <paramref name="baseType"/> or inherits from it.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
            => baseType != null && (Same(type, baseType) || DerivesFrom(type, baseType));

        /// <summary><paramref name="type"/> inherits from <paramref name="baseType"/> (not the type itself).</summary>
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type?.BaseType; current != null && baseType != null; current = current.BaseType)
            {
                if (Same(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The symbol carries the attribute (or, with <paramref name="orDerived"/>, an attribute deriving from it).</summary>
        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute, bool orDerived = false)
        {
            if (attribute == null)
            {
                return false;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (orDerived ? IsOrDerivesFrom(data.AttributeClass, attribute) : Same(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
