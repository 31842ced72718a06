using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Rules.Storage
{
    /// <summary>
    /// Which storage rule a persisted piece of personal information breaks, if any, given how it is protected. One
    /// finding per member: credentials, card verification data and biometrics have their own rules and are not also
    /// reported as "sensitive, unprotected".
    /// </summary>
    internal static class StorageRules
    {
        internal static readonly DiagnosticDescriptor SensitiveUnprotected = new(
            RuleIdentifiers.SensitiveStoredUnprotected,
            title: "Sensitive personal information is stored without protection",
            messageFormat: "Sensitive personal information {0} is stored {1} without encryption or another protection",
            category: RuleCategories.Storage,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Encrypt the column (a value converter that protects it, Identity [ProtectedPersonalData]) and declare it with [StoredAs(StorageForm.Encrypted)], or store a masked, tokenised or de-identified form.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveStoredUnprotected),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor CardDataStored = new(
            RuleIdentifiers.CardAuthenticationDataStored,
            title: "C3 card authentication data is stored",
            messageFormat: "C3 card authentication data {0} is stored {1}; card track data, expiry, CVN and PIN must not be retained",
            category: RuleCategories.Storage,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Keep card verification data only for the current transaction, or store the payment processor's token ([StoredAs(StorageForm.Tokenized)]).",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CardAuthenticationDataStored),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor CredentialNotHashed = new(
            RuleIdentifiers.CredentialStoredNotHashed,
            title: "Credential is stored without a salted hash",
            messageFormat: "Credential {0} is stored {1} without a salted hash",
            category: RuleCategories.Storage,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Store a salted, slow hash (ASP.NET Core Identity PasswordHasher, PBKDF2, Argon2, bcrypt) and declare it with [StoredAs(StorageForm.Hashed)].",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CredentialStoredNotHashed),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor RawBiometricStored = new(
            RuleIdentifiers.RawBiometricStored,
            title: "Raw biometric sample is stored",
            messageFormat: "Biometric information {0} is stored {1} as a raw sample; store a template or digest instead",
            category: RuleCategories.Storage,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Keep only the biometric template or a digest ([StoredAs(StorageForm.Template)] or Hashed), apart from identity data, and delete the raw image after enrolment.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RawBiometricStored),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The rule persisting this data breaks with the given protection, or null when storing it so is fine.</summary>
        public static DiagnosticDescriptor? Violated(PiClassification classification, PiProtection protection)
        {
            if (!classification.IsPersonal)
            {
                return null;
            }

            string? category = classification.CategoryId;
            switch (category)
            {
                case "finance.card_auth_data":
                    return protection == PiProtection.Tokenized ? null : CardDataStored;
                case "account.password":
                case "account.security_answer":
                case "finance.payment_password":
                    return protection == PiProtection.Hashed ? null : CredentialNotHashed;
            }

            if (category != null && category.StartsWith("biometric.", System.StringComparison.Ordinal))
            {
                return protection is PiProtection.Template or PiProtection.Hashed or PiProtection.Anonymized ? null : RawBiometricStored;
            }

            bool sensitive = classification.IsSensitive || classification.FinancialLevel == FinancialLevel.C3;
            return sensitive && protection == PiProtection.None ? SensitiveUnprotected : null;
        }
    }
}
