using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Declares a processing purpose (处理目的) once per assembly: what the personal information is for, the legal
    /// basis (PIPL Art. 13), which categories are necessary for it (minimum necessity, Art. 6) and how long it is
    /// kept (Art. 19). Code that collects or uses personal information names the purpose with <see cref="PurposeAttribute"/>.
    /// The generator renders these declarations into the privacy policy's per-function table and the inventory.
    /// </summary>
    /// <example><code>
    /// [assembly: ProcessingPurpose("order-fulfilment", "Deliver the goods a customer bought",
    ///     LegalBasis.Contract, DescriptionZh = "配送用户购买的商品",
    ///     NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone, PiCategory.ContactAddress },
    ///     Retention = "P3Y", OnExpiry = ExpiryAction.Delete)]
    /// </code></example>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class ProcessingPurposeAttribute : Attribute
    {
        /// <summary>Declares a processing purpose.</summary>
        /// <param name="id">A stable id that <see cref="PurposeAttribute"/> refers to, e.g. <c>order-fulfilment</c>.</param>
        /// <param name="description">What the information is used for, in English.</param>
        /// <param name="legalBasis">The PIPL Art. 13 basis.</param>
        public ProcessingPurposeAttribute(string id, string description, LegalBasis legalBasis)
        {
            Id = id;
            Description = description;
            LegalBasis = legalBasis;
        }

        /// <summary>The purpose id.</summary>
        public string Id { get; }

        /// <summary>What the information is used for, in English.</summary>
        public string Description { get; }

        /// <summary>The same description in Chinese, for the zh-CN privacy policy.</summary>
        public string? DescriptionZh { get; set; }

        /// <summary>The PIPL Art. 13 legal basis.</summary>
        public LegalBasis LegalBasis { get; }

        /// <summary>The business function this purpose serves (业务功能), e.g. "Checkout"; groups the policy table.</summary>
        public string? BusinessFunction { get; set; }

        /// <summary>Category ids necessary for this purpose; collecting more is flagged (minimum necessity, PIPL Art. 6).</summary>
        public string[]? NecessaryCategories { get; set; }

        /// <summary>How long data kept for this purpose is retained, as an ISO 8601 duration (<c>P30D</c>, <c>P3Y</c>).</summary>
        public string? Retention { get; set; }

        /// <summary>What happens when <see cref="Retention"/> expires.</summary>
        public ExpiryAction OnExpiry { get; set; }

        /// <summary>True when the core service cannot work without it; non-essential purposes must not gate the service (PIPL Art. 16).</summary>
        public bool Essential { get; set; } = true;
    }

    /// <summary>
    /// Names the declared purpose(s) a collection point, method, type or member serves. The id must match a
    /// <see cref="ProcessingPurposeAttribute"/> of the assembly.
    /// </summary>
    [AttributeUsage(PiTargets.Data | PiTargets.Code, AllowMultiple = true, Inherited = true)]
    public sealed class PurposeAttribute : Attribute
    {
        /// <summary>Names a declared purpose.</summary>
        /// <param name="id">The purpose id.</param>
        public PurposeAttribute(string id)
        {
            Id = id;
        }

        /// <summary>The purpose id.</summary>
        public string Id { get; }
    }

    /// <summary>The lawful bases of PIPL Art. 13 (处理个人信息的合法性基础).</summary>
    public enum LegalBasis
    {
        /// <summary>Art. 13(1): the individual's consent (取得个人的同意).</summary>
        Consent = 0,

        /// <summary>Art. 13(2): necessary to conclude or perform a contract to which the individual is a party (订立、履行合同所必需).</summary>
        Contract = 1,

        /// <summary>Art. 13(2): necessary for human-resources management under labour rules or a collective contract (人力资源管理所必需).</summary>
        HumanResources = 2,

        /// <summary>Art. 13(3): necessary to fulfil statutory duties or obligations (履行法定职责或者法定义务所必需).</summary>
        LegalObligation = 3,

        /// <summary>Art. 13(4): public-health emergencies or protecting life, health and property in an emergency (应对突发公共卫生事件或紧急情况).</summary>
        VitalInterests = 4,

        /// <summary>Art. 13(5): news reporting and supervision by public opinion in the public interest, within reason (新闻报道、舆论监督).</summary>
        PublicInterestReporting = 5,

        /// <summary>Art. 13(6): information the individual disclosed or that was lawfully disclosed, within reason (已合法公开的个人信息).</summary>
        PubliclyAvailable = 6,

        /// <summary>Art. 13(7): other circumstances provided by laws and administrative regulations (法律、行政法规规定的其他情形).</summary>
        OtherLegalProvision = 7,
    }
}
