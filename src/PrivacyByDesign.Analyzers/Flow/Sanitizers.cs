using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Flow
{
    /// <summary>
    /// Methods whose result no longer carries the personal information given to them, recognised by symbol (never by a
    /// substring of the name: CodeQL's "Unprotect counts as Protect" bug). The library types are resolved only once a
    /// method of a sanitizer's name is met.
    /// </summary>
    internal sealed class Sanitizers
    {
        private readonly INamedTypeSymbol? _sanitizerAttribute;
        private readonly KnownType _redactor;
        private readonly KnownType _dataProtector;
        private readonly KnownType _dataProtectionExtensions;
        private readonly KnownType _hmac;

        public Sanitizers(Compilation compilation)
        {
            _sanitizerAttribute = PrivacySymbols.Find(compilation, "PrivacyByDesign.PersonalInfoSanitizerAttribute");
            _redactor = new KnownType(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
            _dataProtector = new KnownType(compilation, "Microsoft.AspNetCore.DataProtection.IDataProtector");
            _dataProtectionExtensions = new KnownType(compilation, "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions");
            _hmac = new KnownType(compilation, "System.Security.Cryptography.HMAC");
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

            if (method.Name == "Redact" && _redactor.IsOrIsBaseOf(type))
            {
                return true;
            }

            if (method.Name == "Protect"
                && (_dataProtector.IsOrIsImplementedBy(type) || _dataProtectionExtensions.Is(type)))
            {
                return true;
            }

            // Keyed hashes only: an unkeyed SHA-256 of a phone number is reversed by enumerating every number.
            return (method.Name == "ComputeHash" || method.Name == "HashData" || method.Name == "TryHashData" || method.Name == "TryComputeHash")
                && _hmac.IsOrIsBaseOf(type);
        }
    }
}
