using System;
#if PBD_COMPLIANCE
using Microsoft.Extensions.Compliance.Classification;
#endif

namespace PrivacyByDesign
{
    /// <summary>
    /// Marks personal information (个人信息, PIPL Art. 4): data that identifies, or relates to, an identified or
    /// identifiable natural person. The argument is a stable taxonomy id from <see cref="PiCategory"/>, e.g.
    /// <c>[PersonalInfo(PiCategory.ContactEmail)]</c>.
    /// </summary>
    /// <remarks>
    /// On a type, every instance of the type is personal information of that category (e.g. an address value object).
    /// On .NET 8 and later this is a Microsoft.Extensions.Compliance <c>DataClassificationAttribute</c> whose
    /// classification is <c>PrivacyByDesign.Personal:&lt;category&gt;</c>, so redaction picks it up at runtime.
    /// </remarks>
    [AttributeUsage(PiTargets.Data, AllowMultiple = false, Inherited = true)]
    public sealed class PersonalInfoAttribute
#if PBD_COMPLIANCE
        : DataClassificationAttribute
#else
        : Attribute
#endif
    {
        /// <summary>Marks personal information of the given taxonomy category.</summary>
        /// <param name="category">A category id such as <c>contact.email</c>; see <see cref="PiCategory"/>.</param>
        public PersonalInfoAttribute(string category)
#if PBD_COMPLIANCE
            : base(PiTaxonomy.Personal(category))
#endif
        {
            Category = category;
        }

        /// <summary>The taxonomy category id.</summary>
        public string Category { get; }

        /// <summary>Whose information this is, when it differs from the enclosing type's <see cref="DataSubjectAttribute"/>; see <see cref="DataSubjects"/>.</summary>
        public string? Subject { get; set; }

#if !PBD_COMPLIANCE
        /// <summary>Free-form context for a privacy audit.</summary>
        public string Notes { get; set; } = string.Empty;
#endif
    }

    /// <summary>
    /// Marks sensitive personal information (敏感个人信息, PIPL Art. 28): information that, once leaked or misused,
    /// easily harms a person's dignity or safety — biometrics, religion, specific identity, health, financial
    /// accounts, whereabouts, and any information of a child under 14. Processing it needs a specific purpose,
    /// necessity, strict protection (Art. 28) and separate consent (Art. 29).
    /// </summary>
    /// <remarks>Use it also to raise a category the taxonomy rates as general (e.g. a phone number in a sensitive context).</remarks>
    [AttributeUsage(PiTargets.Data, AllowMultiple = false, Inherited = true)]
    public sealed class SensitivePersonalInfoAttribute
#if PBD_COMPLIANCE
        : DataClassificationAttribute
#else
        : Attribute
#endif
    {
        /// <summary>Marks sensitive personal information of the given taxonomy category.</summary>
        /// <param name="category">A category id such as <c>identity.national_id</c>; see <see cref="PiCategory"/>.</param>
        public SensitivePersonalInfoAttribute(string category)
#if PBD_COMPLIANCE
            : base(PiTaxonomy.Sensitive(category))
#endif
        {
            Category = category;
        }

        /// <summary>The taxonomy category id.</summary>
        public string Category { get; }

        /// <summary>Whose information this is, when it differs from the enclosing type's <see cref="DataSubjectAttribute"/>; see <see cref="DataSubjects"/>.</summary>
        public string? Subject { get; set; }

#if !PBD_COMPLIANCE
        /// <summary>Free-form context for a privacy audit.</summary>
        public string Notes { get; set; } = string.Empty;
#endif
    }

    /// <summary>
    /// States that a member is not personal information although its name suggests it (e.g. <c>ProductName</c>,
    /// a <c>SecretName</c> configuration key). It silences name inference for this member everywhere — every
    /// sink, the inventory and PBD0001 — instead of suppressing each warning where the value is used.
    /// </summary>
    [AttributeUsage(PiTargets.Data, AllowMultiple = false, Inherited = true)]
    public sealed class NotPersonalInfoAttribute : Attribute
    {
        /// <summary>States that the member is not personal information.</summary>
        public NotPersonalInfoAttribute()
        {
        }

        /// <summary>States that the member is not personal information, and why.</summary>
        /// <param name="justification">Why this is not personal information; shown in audits.</param>
        public NotPersonalInfoAttribute(string justification)
        {
            Justification = justification;
        }

        /// <summary>Why this is not personal information.</summary>
        public string? Justification { get; }
    }

    internal static class PiTargets
    {
        public const AttributeTargets Data = AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter
            | AttributeTargets.ReturnValue | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface;

        public const AttributeTargets Code = AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct
            | AttributeTargets.Interface | AttributeTargets.Delegate;
    }
}
