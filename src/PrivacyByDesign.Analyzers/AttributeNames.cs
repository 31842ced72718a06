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
    }
}
