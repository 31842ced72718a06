using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>What counts as a consent flag: a member marked <c>[Consent]</c>, or a bool named like one in a request model.</summary>
    internal static class ConsentFlags
    {
        private static readonly string[] Prefixes = { "Agree", "Accept", "Consent", "OptIn", "TongYi" };

        private static readonly string[] NonModelSuffixes = { "Options", "Settings", "Setting", "Config", "Configuration" };

        /// <summary>The [Consent] attribute on a property, field or parameter (record positional parameters included), if any.</summary>
        public static AttributeData? ConsentAttribute(ISymbol symbol, PurposeDeclarations declarations)
            => PurposeDeclarations.AttributesOf(symbol, declarations.Consent).FirstOrDefault();

        /// <summary>A bool member whose name says it records agreement (<c>AgreeToTerms</c>, <c>AcceptMarketing</c>), outside configuration types.</summary>
        public static bool LooksLikeConsentFlag(ISymbol symbol)
        {
            var type = symbol switch
            {
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                IParameterSymbol p => p.Type,
                _ => null,
            };
            if (type == null || PersonalInfoClassifier.ShapeOf(PersonalInfoClassifier.UnwrapValueType(type)) != ValueShape.Boolean)
            {
                return false;
            }

            string? owner = (symbol as IParameterSymbol)?.ContainingType?.Name ?? symbol.ContainingType?.Name;
            if (owner != null && NonModelSuffixes.Any(s => owner.EndsWith(s, StringComparison.Ordinal)))
            {
                return false;
            }

            string name = symbol.Name.TrimStart('_');
            name = name.StartsWith("Is", StringComparison.Ordinal) ? name.Substring(2) : name;
            return Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        }
    }
}
