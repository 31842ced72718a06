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
            // Asked of every member: the name first, which rules out almost all of them without touching the type.
            if (!HasConsentName(symbol.Name))
            {
                return false;
            }

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

            string? owner = symbol.ContainingType?.Name;
            return owner == null || !NonModelSuffixes.Any(s => owner.EndsWith(s, StringComparison.Ordinal));
        }

        private static bool HasConsentName(string name)
        {
            int start = 0;
            while (start < name.Length && name[start] == '_')
            {
                start++;
            }

            if (string.CompareOrdinal(name, start, "Is", 0, 2) == 0)
            {
                start += 2;
            }

            foreach (string prefix in Prefixes)
            {
                if (string.Compare(name, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
