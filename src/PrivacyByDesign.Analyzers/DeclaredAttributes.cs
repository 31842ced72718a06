using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyByDesign.Analyzers
{
    /// <summary>
    /// Attributes written on declarations, read as the compiler bound them for the symbols they apply to. A semantic
    /// model asked about an attribute's syntax binds it a second time (for itself); the symbol's attribute data is the
    /// binding the compiler emits.
    /// </summary>
    internal static class DeclaredAttributes
    {
        /// <summary>The symbols a declaration that carries attributes declares: every variable of a field, or the member, parameter or local function.</summary>
        public static IEnumerable<ISymbol> Owners(SyntaxNode? declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbols = declaration switch
            {
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken)),
                MemberDeclarationSyntax or ParameterSyntax or LocalFunctionStatementSyntax => new[] { model.GetDeclaredSymbol(declaration, cancellationToken) },
                _ => Enumerable.Empty<ISymbol?>(),
            };
            return symbols.Where(s => s != null).Select(s => s!);
        }

        /// <summary>
        /// The compiler's data for an attribute applied without a target (<c>assembly:</c>, <c>return:</c>, <c>property:</c>
        /// put it elsewhere), or null when it is not found that way.
        /// </summary>
        public static AttributeData? Find(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
            => attribute.Parent is AttributeListSyntax { Target: null } list ? Find(attribute, Owners(list.Parent, model, cancellationToken)) : null;

        /// <summary>The data for <paramref name="attribute"/> among the attributes of its declaration's <paramref name="owners"/>.</summary>
        public static AttributeData? Find(AttributeSyntax attribute, IEnumerable<ISymbol> owners)
        {
            foreach (var owner in owners)
            {
                foreach (var data in owner.GetAttributes())
                {
                    if (data.ApplicationSyntaxReference is { } reference && reference.Span == attribute.Span && reference.SyntaxTree == attribute.SyntaxTree)
                    {
                        return data;
                    }
                }
            }

            return null;
        }
    }
}
