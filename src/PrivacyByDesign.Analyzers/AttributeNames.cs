using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyByDesign.Analyzers
{
    /// <summary>Attribute names as written, for filters that run before anything is bound.</summary>
    internal static class AttributeNames
    {
        /// <summary>The rightmost identifier of an attribute's name: <c>PrivacyByDesign.Consent</c> → <c>Consent</c>.</summary>
        public static string Simple(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>The names an attribute class can be written with: <c>ConsentAttribute</c> → <c>ConsentAttribute</c>, <c>Consent</c>.</summary>
        public static ImmutableHashSet<string> AsWritten(IEnumerable<string> metadataNames) => metadataNames
            .Select(name => name.Substring(name.LastIndexOf('.') + 1))
            .SelectMany(name => new[] { name, name.Substring(0, name.Length - "Attribute".Length) })
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>
        /// Whether any file declares a using alias. An alias can rename an attribute
        /// (<c>using Share = PrivacyByDesign.SharedWithAttribute;</c>), so a filter by written name must then let every attribute through.
        /// </summary>
        public static bool AnyUsingAlias(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit
                    && (unit.Usings.Any(u => u.Alias != null) || unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Alias != null))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The outermost source types whose declarations (the type, its members, parameters and nested types, not code
        /// inside bodies) carry an attribute written with one of <paramref name="writtenNames"/> — or any attribute when
        /// the compilation uses aliases. Only the types are bound, so a reader of a few attributes binds the attributes
        /// of the types that may have them instead of every declaration of the program.
        /// </summary>
        public static IEnumerable<INamedTypeSymbol> OutermostTypesWith(Compilation compilation, ImmutableHashSet<string> writtenNames, CancellationToken cancellationToken)
        {
            bool everyAttribute = AnyUsingAlias(compilation, cancellationToken);
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(descendIntoChildren: IsDeclarationLevel))
                {
                    if (node is AttributeSyntax attribute
                        && attribute.Parent is AttributeListSyntax list
                        && !list.Target.IsKind(SyntaxKind.AssemblyKeyword) && !list.Target.IsKind(SyntaxKind.ModuleKeyword)
                        && (everyAttribute || writtenNames.Contains(Simple(attribute.Name)))
                        && attribute.Ancestors().LastOrDefault(a => a is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) is { } declaration
                        && (model ??= compilation.GetSemanticModel(tree)).GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
                        && seen.Add(type))
                    {
                        yield return type;
                    }
                }
            }
        }

        /// <summary>The nodes that can hold a declaration's attributes; bodies, initializers and types are not entered.</summary>
        private static bool IsDeclarationLevel(SyntaxNode node)
            => node is CompilationUnitSyntax or MemberDeclarationSyntax or BaseParameterListSyntax or ParameterSyntax
                or AccessorListSyntax or AccessorDeclarationSyntax or AttributeListSyntax;
    }
}
