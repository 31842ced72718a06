using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// How long personal information is kept and what happens then (PIPL Art. 19: no longer than necessary;
    /// Art. 47: delete when the period expires). On a type, member or <see cref="ProcessingPurposeAttribute"/>.
    /// </summary>
    /// <example><code>[Retention("P180D", OnExpiry = ExpiryAction.Anonymize)]</code></example>
    [AttributeUsage(PiTargets.Data, AllowMultiple = false, Inherited = true)]
    public sealed class RetentionAttribute : Attribute
    {
        /// <summary>Declares the retention period.</summary>
        /// <param name="period">An ISO 8601 duration such as <c>P30D</c>, <c>P6M</c> or <c>P3Y</c>.</param>
        public RetentionAttribute(string period)
        {
            Period = period;
        }

        /// <summary>The ISO 8601 retention period.</summary>
        public string Period { get; }

        /// <summary>What happens when the period expires.</summary>
        public ExpiryAction OnExpiry { get; set; }

        /// <summary>The rule that sets the period when a law does (e.g. "E-Commerce Law Art. 31: 3 years").</summary>
        public string? LegalRequirement { get; set; }
    }

    /// <summary>What happens to personal information when its retention period expires.</summary>
    public enum ExpiryAction
    {
        /// <summary>Deleted (删除).</summary>
        Delete = 0,

        /// <summary>Anonymised so that it no longer relates to a person and cannot be restored (匿名化, PIPL Art. 73(4)).</summary>
        Anonymize = 1,

        /// <summary>Deletion is technically impossible: kept, with all processing stopped except storage and security (PIPL Art. 47 ¶2).</summary>
        StopProcessing = 2,
    }

    /// <summary>
    /// The form in which personal information is stored (GB/T 35273 6.3, JR/T 0171): the storage rules accept
    /// sensitive data only when it is protected, and credentials only as salted hashes.
    /// </summary>
    [AttributeUsage(PiTargets.Data, AllowMultiple = false, Inherited = true)]
    public sealed class StoredAsAttribute : Attribute
    {
        /// <summary>Declares the stored form.</summary>
        /// <param name="form">The stored form.</param>
        public StoredAsAttribute(StorageForm form)
        {
            Form = form;
        }

        /// <summary>The stored form.</summary>
        public StorageForm Form { get; }

        /// <summary>What does it, e.g. the value converter or key-management service; for the audit trail.</summary>
        public string? Mechanism { get; set; }
    }

    /// <summary>Stored forms of personal information.</summary>
    public enum StorageForm
    {
        /// <summary>Clear text.</summary>
        Plain = 0,

        /// <summary>Encrypted with a managed key (reversible by the processor).</summary>
        Encrypted = 1,

        /// <summary>A salted or keyed one-way hash (credentials, lookup digests).</summary>
        Hashed = 2,

        /// <summary>Partly masked (e.g. <c>138****5678</c>); the clear value is not kept.</summary>
        Masked = 3,

        /// <summary>Replaced by a token; the clear value lives in a separate vault (payment tokens).</summary>
        Tokenized = 4,

        /// <summary>A biometric template or feature digest instead of the raw sample (GB/T 35273 6.3 c).</summary>
        Template = 5,

        /// <summary>De-identified: cannot identify a person without additional information (去标识化, PIPL Art. 73(3)). Still personal information.</summary>
        DeIdentified = 6,

        /// <summary>Anonymised: cannot identify a person and cannot be restored (匿名化). No longer personal information.</summary>
        Anonymized = 7,
    }

    /// <summary>
    /// The information never leaves the user's device (e.g. a face template checked on the phone), so it is not
    /// collected by the processor (GB/T 35273 3.5 note).
    /// </summary>
    [AttributeUsage(PiTargets.Data | PiTargets.Code, AllowMultiple = false, Inherited = true)]
    public sealed class LocalOnlyAttribute : Attribute
    {
    }
}
