using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>Where a classification came from, strongest first.</summary>
    internal enum PiSource
    {
        /// <summary>Nothing says it is personal information.</summary>
        None = 0,

        /// <summary><c>[PersonalInfo]</c> or <c>[SensitivePersonalInfo]</c> on the symbol (or its record parameter / overridden member).</summary>
        Attribute,

        /// <summary>The symbol's type is marked <c>[PersonalInfo]</c>/<c>[SensitivePersonalInfo]</c>.</summary>
        TypeAttribute,

        /// <summary>ASP.NET Core Identity <c>[PersonalData]</c> or <c>[ProtectedPersonalData]</c>.</summary>
        IdentityPersonalData,

        /// <summary>A Microsoft.Extensions.Compliance <c>DataClassificationAttribute</c> subclass.</summary>
        DataClassification,

        /// <summary><c>[NotPersonalInfo]</c> or Microsoft's <c>[NoDataClassification]</c>: explicitly not personal information.</summary>
        NotPersonalInfo,

        /// <summary>Inferred from the name.</summary>
        NameInference,
    }

    /// <summary>How stored or handled personal information is protected; mirrors <c>PrivacyByDesign.StorageForm</c>.</summary>
    internal enum PiProtection
    {
        None = 0,
        Encrypted = 1,
        Hashed = 2,
        Masked = 3,
        Tokenized = 4,
        Template = 5,
        DeIdentified = 6,
        Anonymized = 7,
    }

    /// <summary>
    /// The classification core's answer for one symbol: is it personal information, which category, how sensitive,
    /// how protected, and why. Every analyzer and the generator take it from <see cref="PersonalInfoClassifier"/>.
    /// </summary>
    internal sealed class PiClassification
    {
        public static readonly PiClassification None = new(false, null, null, false, PiSource.None, PiProtection.None, string.Empty, null);

        public PiClassification(
            bool isPersonal,
            PiCategoryInfo? category,
            string? categoryId,
            bool isSensitive,
            PiSource source,
            PiProtection protection,
            string reason,
            string? subject)
        {
            IsPersonal = isPersonal;
            Category = category;
            CategoryId = categoryId ?? category?.Id;
            IsSensitive = isSensitive;
            Source = source;
            Protection = protection;
            Reason = reason;
            Subject = subject;
        }

        public bool IsPersonal { get; }

        /// <summary>The taxonomy category, when known (an unknown id in an attribute leaves it null but <see cref="CategoryId"/> set).</summary>
        public PiCategoryInfo? Category { get; }

        /// <summary>The category id as declared or inferred; null when unspecified (e.g. a bare Identity <c>[PersonalData]</c>).</summary>
        public string? CategoryId { get; }

        /// <summary>Sensitive personal information (PIPL Art. 28): from the taxonomy or <c>[SensitivePersonalInfo]</c>.</summary>
        public bool IsSensitive { get; }

        public FinancialLevel FinancialLevel => Category?.FinancialLevel ?? FinancialLevel.None;

        public PiSource Source { get; }

        public bool IsInferred => Source == PiSource.NameInference;

        /// <summary>Declared or inferred protection; protected values are not leaks.</summary>
        public PiProtection Protection { get; }

        public bool IsProtected => Protection != PiProtection.None;

        /// <summary>
        /// Whether the value itself is already protected (a hash, mask, token, template…). Encryption at rest is not:
        /// an <c>[StoredAs(StorageForm.Encrypted)]</c> or Identity <c>[ProtectedPersonalData]</c> property holds clear
        /// text in memory and leaks like any other when logged or sent.
        /// </summary>
        public bool HoldsProtectedValue => Protection != PiProtection.None && Protection != PiProtection.Encrypted;

        /// <summary>Why, in words a diagnostic can show: "marked [SensitivePersonalInfo(\"identity.national_id\")]", "inferred from the name `IdCardNo`".</summary>
        public string Reason { get; }

        /// <summary>The data subject from the attribute or the containing type's <c>[DataSubject]</c>, when declared.</summary>
        public string? Subject { get; }

        /// <summary>A short label for messages: "resident ID card number (identity.national_id)".</summary>
        public string Describe()
        {
            if (Category != null)
            {
                return Category.NameEn.ToLowerInvariant() + " (" + Category.Id + ")";
            }

            return CategoryId ?? "personal information";
        }

        public override string ToString() => IsPersonal ? $"{CategoryId ?? "?"} {(IsSensitive ? "sensitive" : "general")} {Source} {Protection}: {Reason}" : "not personal: " + Reason;
    }
}
