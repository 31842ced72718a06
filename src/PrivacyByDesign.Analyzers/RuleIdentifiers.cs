namespace PrivacyByDesign.Analyzers
{
    /// <summary>Every PBD diagnostic id and its help link, in one place.</summary>
    /// <remarks>
    /// The scheme is fixed: 0xxx classification and configuration, 1xxx exposure, 2xxx transmission,
    /// 3xxx collection and consent, 4xxx storage and retention, 5xxx sharing and cross-border,
    /// 6xxx data-subject rights, 9xxx generator output.
    /// </remarks>
    internal static class RuleIdentifiers
    {
        public const string ProbablePersonalInfoNotAnnotated = "PBD0001";
        public const string UnknownCategory = "PBD0002";
        public const string InvalidConfiguration = "PBD0003";

        public const string PersonalInfoExposed = "PBD1001";
        public const string SensitivePersonalInfoExposed = "PBD1002";
        public const string ToStringExposesPersonalInfo = "PBD1003";

        public const string PlaintextEndpoint = "PBD2001";
        public const string PersonalInfoOverPlaintext = "PBD2002";
        public const string CertificateValidationDisabled = "PBD2003";
        public const string ObsoleteTlsProtocol = "PBD2004";
        public const string EncryptionDisabled = "PBD2005";
        public const string PlaintextEndpointInConfiguration = "PBD2006";

        public const string CollectedWithoutPurpose = "PBD3001";
        public const string UndeclaredPurpose = "PBD3002";
        public const string UnusedPurpose = "PBD3003";
        public const string CollectedBeyondNecessary = "PBD3004";
        public const string EssentialPurposeBeyondAppType = "PBD3005";
        public const string SensitiveWithoutSeparateConsent = "PBD3006";
        public const string ChildWithoutGuardianConsent = "PBD3007";
        public const string BiometricWithoutConsent = "PBD3008";
        public const string PreTickedConsent = "PBD3009";
        public const string BundledConsent = "PBD3010";
        public const string UnknownAppType = "PBD3011";

        public const string SensitiveStoredUnprotected = "PBD4001";
        public const string CardAuthenticationDataStored = "PBD4002";
        public const string CredentialStoredNotHashed = "PBD4003";
        public const string RawBiometricStored = "PBD4004";
        public const string RetentionNotDeclared = "PBD4005";

        public const string UndeclaredRecipient = "PBD5001";
        public const string CrossBorderWithoutMechanism = "PBD5002";
        public const string IncompleteRecipient = "PBD5003";
        public const string UndeclaredPublicDisclosure = "PBD5004";

        public const string NoDeletionPath = "PBD6001";
        public const string NoAccessPath = "PBD6002";
        public const string ConsentNotWithdrawable = "PBD6003";

        public const string DocumentsNotWritten = "PBD9001";

        public const string HelpLinkBase = "https://github.com/privacybydesign/privacybydesign/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
    }

    /// <summary>Diagnostic categories, one per rule family, usable in <c>dotnet_analyzer_diagnostic.category-X.severity</c>.</summary>
    internal static class RuleCategories
    {
        public const string Classification = "PrivacyClassification";
        public const string Exposure = "PrivacyExposure";
        public const string Transmission = "PrivacyTransmission";
        public const string Collection = "PrivacyCollection";
        public const string Storage = "PrivacyStorage";
        public const string Sharing = "PrivacySharing";
        public const string Rights = "PrivacyRights";
        public const string Generator = "PrivacyGenerator";
    }

    /// <summary>Settings every analyzer of the package shares.</summary>
    internal static class AnalyzerDefaults
    {
        /// <summary>
        /// Generated code is not analyzed (no actions run in auto-generated files or [GeneratedCode] symbols). Findings
        /// are not filtered for generated code a second time: that filter makes the compiler scan every syntax tree
        /// that has a finding for [GeneratedCode] tokens, which on code with many findings cost more than a rule.
        /// </summary>
        public const Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags GeneratedCode = Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.ReportDiagnostics;
    }
}
