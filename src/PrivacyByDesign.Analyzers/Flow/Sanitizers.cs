using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Flow
{
    /// <summary>
    /// Methods whose result no longer carries the personal information given to them, recognised by symbol (never by a
    /// substring of the name: CodeQL's "Unprotect counts as Protect" bug). Resolved once per compilation.
    /// </summary>
    internal sealed class Sanitizers
    {
        private readonly INamedTypeSymbol? _sanitizerAttribute;
        private readonly INamedTypeSymbol? _redactor;
        private readonly INamedTypeSymbol? _dataProtector;
        private readonly INamedTypeSymbol? _dataProtectionExtensions;
        private readonly INamedTypeSymbol? _hmac;

        public Sanitizers(Compilation compilation)
        {
            _sanitizerAttribute = PrivacySymbols.Find(compilation, "PrivacyByDesign.PersonalInfoSanitizerAttribute");
            _redactor = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
            _dataProtector = PrivacySymbols.Find(compilation, "Microsoft.AspNetCore.DataProtection.IDataProtector");
            _dataProtectionExtensions = PrivacySymbols.Find(compilation, "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions");
            _hmac = PrivacySymbols.Find(compilation, "System.Security.Cryptography.HMAC");
        }

        public bool IsSanitizer(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (_sanitizerAttribute != null && HasAttribute(method.OriginalDefinition, _sanitizerAttribute))
            {
                return true;
            }

            if (_redactor != null && method.Name == "Redact" && DerivesFrom(type, _redactor))
            {
                return true;
            }

            if (method.Name == "Protect"
                && ((_dataProtector != null && (Same(type, _dataProtector) || Implements(type, _dataProtector)))
                    || (_dataProtectionExtensions != null && Same(type, _dataProtectionExtensions))))
            {
                return true;
            }

            // Keyed hashes only: an unkeyed SHA-256 of a phone number is reversed by enumerating every number.
            return _hmac != null && (method.Name == "ComputeHash" || method.Name == "HashData" || method.Name == "TryHashData" || method.Name == "TryComputeHash")
                && DerivesFrom(type, _hmac);
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (Same(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (Same(candidate, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Same(ISymbol? a, ISymbol? b) => SymbolEqualityComparer.Default.Equals(a, b);
    }
}
