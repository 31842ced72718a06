using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// The code-level declarations of a compilation (<see cref="ModelBuilder.CodeAttributes"/>), read once per declared
    /// symbol from the attributes the compiler walks: the documents analyzer feeds it from a syntax-node action, the
    /// generator from its own walk. Attributes are filtered by name before anything is bound.
    /// </summary>
    internal sealed class CodeFactCollector
    {
        private static readonly ImmutableHashSet<string> SimpleNames = AttributeNames.AsWritten(ModelBuilder.CodeAttributes);

        private static readonly ImmutableHashSet<string> MetadataNames = ModelBuilder.CodeAttributes.ToImmutableHashSet(StringComparer.Ordinal);

        private readonly bool _bindEveryAttribute;
        private readonly ConcurrentDictionary<ISymbol, EquatableArray<CodeFactModel>> _bySymbol = new(SymbolEqualityComparer.Default);

        public CodeFactCollector(Compilation compilation, CancellationToken cancellationToken)
            => _bindEveryAttribute = AttributeNames.AnyUsingAlias(compilation, cancellationToken);

        /// <summary>Every code-level declaration of the compilation, walking its syntax trees.</summary>
        public static EquatableArray<CodeFactModel> ReadAll(Compilation compilation, CancellationToken cancellationToken)
        {
            var collector = new CodeFactCollector(compilation, cancellationToken);
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var attribute in tree.GetRoot(cancellationToken).DescendantNodes().OfType<AttributeSyntax>())
                {
                    if (collector.IsCandidate(attribute))
                    {
                        collector.Add(attribute, model ??= compilation.GetSemanticModel(tree), cancellationToken);
                    }
                }
            }

            return collector.ToEquatableArray();
        }

        public void Add(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!IsCandidate(attribute))
            {
                return;
            }

            var owners = DeclaredAttributes.Owners(attribute.Parent!.Parent, model, cancellationToken).ToList();
            if (DeclaredAttributes.Find(attribute, owners)?.AttributeClass is not INamedTypeSymbol type || !MetadataNames.Contains(type.ToDisplayString()))
            {
                return;
            }

            foreach (var symbol in owners)
            {
                _bySymbol.GetOrAdd(symbol, s => ModelBuilder.ReadCodeFacts(s, s.GetAttributes(), cancellationToken));
            }
        }

        public EquatableArray<CodeFactModel> ToEquatableArray() => ModelBuilder.OrderFacts(_bySymbol.Values.SelectMany(f => f));

        /// <summary>
        /// An attribute of a declaration (no <c>assembly:</c> or <c>return:</c> target) named like one of ours; in a compilation
        /// with using aliases, every attribute (<see cref="AttributeNames.AnyUsingAlias"/>).
        /// </summary>
        private bool IsCandidate(AttributeSyntax attribute)
            => attribute.Parent is AttributeListSyntax { Target: null } && (_bindEveryAttribute || SimpleNames.Contains(AttributeNames.Simple(attribute.Name)));
    }
}
