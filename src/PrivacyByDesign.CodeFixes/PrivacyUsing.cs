using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace PrivacyByDesign.CodeFixes
{
    /// <summary>Adds <c>using PrivacyByDesign;</c> after a fix inserted one of our attributes or helpers, unless it is already in scope.</summary>
    internal static class PrivacyUsing
    {
        private const string Namespace = "PrivacyByDesign";

        /// <param name="newRoot">The fixed tree.</param>
        /// <param name="originalTarget">The node the fix changed, in the original tree (its namespaces decide what is in scope).</param>
        public static SyntaxNode Ensure(SyntaxNode newRoot, SyntaxNode originalTarget)
        {
            if (newRoot is not CompilationUnitSyntax unit || InScope(unit, originalTarget))
            {
                return newRoot;
            }

            return unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace)).WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static bool InScope(CompilationUnitSyntax unit, SyntaxNode target)
        {
            static bool IsOurs(UsingDirectiveSyntax u) => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace;
            if (unit.Usings.Any(IsOurs))
            {
                return true;
            }

            foreach (var ns in target.Ancestors().OfType<BaseNamespaceDeclarationSyntax>())
            {
                string name = ns.Name.ToString();
                if (ns.Usings.Any(IsOurs) || name == Namespace || name.StartsWith(Namespace + ".", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
