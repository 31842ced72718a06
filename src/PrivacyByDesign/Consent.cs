using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// The data requires separate consent (单独同意) before it is processed: sensitive personal information
    /// (PIPL Art. 29), providing it to another processor (Art. 23), public disclosure (Art. 25), public-place
    /// images used beyond public security (Art. 26) and cross-border transfer (Art. 39).
    /// </summary>
    [AttributeUsage(PiTargets.Data | PiTargets.Code, AllowMultiple = true, Inherited = true)]
    public sealed class RequiresSeparateConsentAttribute : Attribute
    {
        /// <summary>Requires separate consent.</summary>
        /// <param name="consentId">The consent this processing depends on; one consent per activity (not bundled).</param>
        public RequiresSeparateConsentAttribute(string consentId)
        {
            ConsentId = consentId;
        }

        /// <summary>The consent id.</summary>
        public string ConsentId { get; }

        /// <summary>
        /// For biometric identification: the other way a person can verify themselves if they refuse (e.g. "SMS code").
        /// The face-recognition judicial interpretation treats biometrics as the only option as unlawful.
        /// </summary>
        public string? Alternative { get; set; }
    }

    /// <summary>
    /// The data concerns children under 14 and needs the consent of a parent or guardian (PIPL Art. 31) and
    /// dedicated processing rules.
    /// </summary>
    [AttributeUsage(PiTargets.Data | PiTargets.Code, AllowMultiple = false, Inherited = true)]
    public sealed class RequiresGuardianConsentAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks a value that records a person's consent decision (e.g. a <c>bool</c> checkbox of a sign-up model) and
    /// the purposes it covers. One flag covering several purposes is bundled consent; a flag that defaults to
    /// <c>true</c> is pre-ticked — regulators reject both.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class ConsentAttribute : Attribute
    {
        /// <summary>Marks a consent decision for the given purpose or consent ids.</summary>
        /// <param name="purposes">The purpose or consent ids this decision covers.</param>
        public ConsentAttribute(params string[] purposes)
        {
            Purposes = purposes;
        }

        /// <summary>The purposes or consent ids covered.</summary>
        public string[] Purposes { get; }
    }

    /// <summary>
    /// Marks the method that lets a person withdraw a consent (PIPL Art. 15: withdrawing must be as convenient as giving it).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public sealed class ConsentWithdrawalAttribute : Attribute
    {
        /// <summary>Marks a withdrawal path.</summary>
        /// <param name="consentId">The consent or purpose id that can be withdrawn here.</param>
        public ConsentWithdrawalAttribute(string consentId)
        {
            ConsentId = consentId;
        }

        /// <summary>The consent or purpose id.</summary>
        public string ConsentId { get; }
    }
}
