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
                foreach (var list in DeclarationAttributeLists(tree.GetRoot(cancellationToken)))
                {
                    if (list.Target.IsKind(SyntaxKind.AssemblyKeyword) || list.Target.IsKind(SyntaxKind.ModuleKeyword))
                    {
                        continue;
                    }

                    foreach (var attribute in list.Attributes)
                    {
                        if ((everyAttribute || writtenNames.Contains(Simple(attribute.Name)))
                            && attribute.Ancestors().LastOrDefault(a => a is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) is { } declaration
                            && (model ??= compilation.GetSemanticModel(tree)).GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
                            && seen.Add(type))
                        {
                            yield return type;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The attribute lists of the declarations in a tree — types, members, enum members, parameters, accessors —
        /// reached through those declarations only: bodies, initializers and type syntax are never visited.
        /// </summary>
        private static IEnumerable<AttributeListSyntax> DeclarationAttributeLists(SyntaxNode root)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (node is MemberDeclarationSyntax member)
                {
                    foreach (var list in member.AttributeLists)
                    {
                        yield return list;
                    }
                }

                switch (node)
                {
                    case CompilationUnitSyntax unit:
                        PushAll(pending, unit.Members);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        PushAll(pending, ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        PushAll(pending, type.Members);
                        if (type.ParameterList != null)
                        {
                            pending.Push(type.ParameterList);
                        }

                        break;
                    case EnumDeclarationSyntax enumeration:
                        foreach (var enumMember in enumeration.Members)
                        {
                            pending.Push(enumMember);
                        }

                        break;
                    case DelegateDeclarationSyntax @delegate:
                        pending.Push(@delegate.ParameterList);
                        break;
                    case BaseMethodDeclarationSyntax method:
                        pending.Push(method.ParameterList);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        if (property is IndexerDeclarationSyntax indexer)
                        {
                            pending.Push(indexer.ParameterList);
                        }

                        foreach (var accessor in property.AccessorList?.Accessors ?? default)
                        {
                            foreach (var list in accessor.AttributeLists)
                            {
                                yield return list;
                            }
                        }

                        break;
                    case BaseParameterListSyntax parameters:
                        foreach (var parameter in parameters.Parameters)
                        {
                            foreach (var list in parameter.AttributeLists)
                            {
                                yield return list;
                            }
                        }

                        break;
                }
            }
        }

        private static void PushAll<T>(Stack<SyntaxNode> pending, SyntaxList<T> nodes)
            where T : SyntaxNode
        {
            foreach (var node in nodes)
            {
                pending.Push(node);
            }
        }
    }
}
