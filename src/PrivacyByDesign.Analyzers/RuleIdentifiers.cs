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
}
