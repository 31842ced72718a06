using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

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

            if (_redactor != null && method.Name == "Redact" && IsOrDerivesFrom(type, _redactor))
            {
                return true;
            }

            if (method.Name == "Protect"
                && ((_dataProtector != null && IsOrImplements(type, _dataProtector))
                    || (_dataProtectionExtensions != null && Same(type, _dataProtectionExtensions))))
            {
                return true;
            }

            // Keyed hashes only: an unkeyed SHA-256 of a phone number is reversed by enumerating every number.
            return _hmac != null && (method.Name == "ComputeHash" || method.Name == "HashData" || method.Name == "TryHashData" || method.Name == "TryComputeHash")
                && IsOrDerivesFrom(type, _hmac);
        }
    }
}
