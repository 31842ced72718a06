using System.Collections.Immutable;

namespace PrivacyByDesign.Analyzers.Taxonomy
{
    /// <summary>JR/T 0171-2020 §4.2 sensitivity level of personal financial information.</summary>
    internal enum FinancialLevel
    {
        None = 0,
        C1 = 1,
        C2 = 2,
        C3 = 3,
    }

    /// <summary>A name a detector matches, e.g. <c>IdCardNo</c> or pinyin <c>Sfzh</c>.</summary>
    internal readonly struct DetectorName
    {
        public DetectorName(string name, bool ambiguous, bool pinyin)
        {
            Name = name;
            Ambiguous = ambiguous;
            Pinyin = pinyin;
        }

        public string Name { get; }

        /// <summary>Counts only in a person context (a User/Customer type, a person-like prefix).</summary>
        public bool Ambiguous { get; }

        public bool Pinyin { get; }
    }

    /// <summary>One leaf category of the taxonomy (GB/T 35273 Annex A/B, PIPL Art. 28, JR/T 0171), or a user-defined one.</summary>
    internal sealed class PiCategoryInfo
    {
        public PiCategoryInfo(
            string id,
            string constantName,
            string nameEn,
            string nameZh,
            bool sensitive,
            FinancialLevel financialLevel,
            string? gdprSpecialCategory,
            bool flagCarriesValue,
            bool dateIsValue,
            ImmutableArray<DetectorName> names,
            bool isCustom = false)
        {
            Id = id;
            ConstantName = constantName;
            NameEn = nameEn;
            NameZh = nameZh;
            Sensitive = sensitive;
            FinancialLevel = financialLevel;
            GdprSpecialCategory = gdprSpecialCategory;
            FlagCarriesValue = flagCarriesValue;
            DateIsValue = dateIsValue;
            Names = names;
            IsCustom = isCustom;
        }

        /// <summary>Stable dotted id, e.g. <c>identity.national_id</c>.</summary>
        public string Id { get; }

        /// <summary>The <c>PiCategory</c> constant, e.g. <c>IdentityNationalId</c>; empty for custom categories.</summary>
        public string ConstantName { get; }

        public string NameEn { get; }

        public string NameZh { get; }

        /// <summary>Sensitive personal information under PIPL Art. 28 / GB/T 35273 Annex B.</summary>
        public bool Sensitive { get; }

        public FinancialLevel FinancialLevel { get; }

        /// <summary>GDPR Art. 9/10 special category, e.g. <c>health</c>; null when none.</summary>
        public string? GdprSpecialCategory { get; }

        /// <summary>A boolean can carry this category itself (<c>IsMarried</c>, <c>HasHiv</c>), unlike <c>IsPhoneVerified</c>.</summary>
        public bool FlagCarriesValue { get; }

        /// <summary>A date value is this category itself (<c>BirthDate</c>), not a timestamp about it (<c>PassportCheckedOn</c>).</summary>
        public bool DateIsValue { get; }

        public ImmutableArray<DetectorName> Names { get; }

        public bool IsCustom { get; }

        public string Group => Id.Substring(0, Id.IndexOf('.') is var i && i > 0 ? i : Id.Length);

        public override string ToString() => Id;
    }
}
