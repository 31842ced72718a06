using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Declares, once per assembly, an organisation that receives personal information: another processor
    /// (PIPL Art. 23), an entrusted processor (Art. 21), a joint processor (Art. 20), a third-party SDK, or a
    /// recipient abroad (Art. 38–39). The privacy policy's sharing list and the notice those articles require are
    /// generated from these declarations; code that sends data to the recipient names it with <see cref="SharedWithAttribute"/>.
    /// </summary>
    /// <example><code>
    /// [assembly: Recipient("stripe", "Stripe, Inc.", RecipientKind.EntrustedProcessor,
    ///     Contact = "privacy@stripe.com", Purposes = new[] { "payment" },
    ///     Categories = new[] { PiCategory.FinanceBankAccount }, Country = "US",
    ///     Mechanism = CrossBorderMechanism.StandardContract, Hosts = new[] { "api.stripe.com" })]
    /// </code></example>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class RecipientAttribute : Attribute
    {
        /// <summary>Declares a recipient.</summary>
        /// <param name="id">A stable id that <see cref="SharedWithAttribute"/> refers to.</param>
        /// <param name="name">The recipient's legal name, as the notice must show it.</param>
        /// <param name="kind">The relationship.</param>
        public RecipientAttribute(string id, string name, RecipientKind kind)
        {
            Id = id;
            Name = name;
            Kind = kind;
        }

        /// <summary>The recipient id.</summary>
        public string Id { get; }

        /// <summary>The recipient's legal name.</summary>
        public string Name { get; }

        /// <summary>The relationship.</summary>
        public RecipientKind Kind { get; }

        /// <summary>How individuals contact the recipient (Art. 23 and 39 notice).</summary>
        public string? Contact { get; set; }

        /// <summary>Purpose ids for which the recipient receives data.</summary>
        public string[]? Purposes { get; set; }

        /// <summary>Category ids the recipient receives.</summary>
        public string[]? Categories { get; set; }

        /// <summary>ISO 3166-1 alpha-2 country where the recipient processes the data; anything but the processor's country is a cross-border transfer.</summary>
        public string? Country { get; set; }

        /// <summary>The PIPL Art. 38 mechanism for a cross-border transfer.</summary>
        public CrossBorderMechanism Mechanism { get; set; }

        /// <summary>How individuals exercise their rights against a foreign recipient (Art. 39).</summary>
        public string? RightsProcedure { get; set; }

        /// <summary>Host names the recipient is reached at, e.g. <c>api.stripe.com</c>; matched against outbound calls.</summary>
        public string[]? Hosts { get; set; }

        /// <summary>Namespaces of the recipient's SDK, e.g. <c>Sentry</c>; matched against calls into the SDK.</summary>
        public string[]? Namespaces { get; set; }

        /// <summary>The reference of the entrustment contract (Art. 21) or data-processing agreement.</summary>
        public string? ContractReference { get; set; }
    }

    /// <summary>The relationship between the processor and a recipient.</summary>
    public enum RecipientKind
    {
        /// <summary>Another personal-information processor that decides its own purposes (PIPL Art. 23): separate consent and notice.</summary>
        ThirdParty = 0,

        /// <summary>A processor acting on our behalf under contract (受托人, PIPL Art. 21).</summary>
        EntrustedProcessor = 1,

        /// <summary>Jointly decides purposes and means with us (共同处理, PIPL Art. 20).</summary>
        JointProcessor = 2,

        /// <summary>A third-party SDK embedded in our app that collects data itself.</summary>
        ThirdPartySdk = 3,
    }

    /// <summary>The conditions for providing personal information abroad (PIPL Art. 38).</summary>
    public enum CrossBorderMechanism
    {
        /// <summary>No transfer abroad, or not declared.</summary>
        None = 0,

        /// <summary>Art. 38(1): passed the CAC security assessment (安全评估).</summary>
        SecurityAssessment = 1,

        /// <summary>Art. 38(2): personal-information protection certification (个人信息保护认证).</summary>
        Certification = 2,

        /// <summary>Art. 38(3): the CAC standard contract (标准合同).</summary>
        StandardContract = 3,

        /// <summary>Art. 38(4) and Art. 38 ¶2: other conditions set by laws, regulations, the CAC, or a treaty.</summary>
        OtherLegalCondition = 4,
    }

    /// <summary>
    /// This method, typed client or type sends personal information to the declared recipient.
    /// </summary>
    [AttributeUsage(PiTargets.Code, AllowMultiple = true, Inherited = true)]
    public sealed class SharedWithAttribute : Attribute
    {
        /// <summary>Names the recipient.</summary>
        /// <param name="recipientId">The id of a <see cref="RecipientAttribute"/>.</param>
        public SharedWithAttribute(string recipientId)
        {
            RecipientId = recipientId;
        }

        /// <summary>The recipient id.</summary>
        public string RecipientId { get; }
    }

    /// <summary>
    /// This endpoint or member deliberately makes personal information public (PIPL Art. 25: only with separate consent).
    /// </summary>
    [AttributeUsage(PiTargets.Data | PiTargets.Code, AllowMultiple = false, Inherited = true)]
    public sealed class PublicDisclosureAttribute : Attribute
    {
        /// <summary>Declares a public disclosure.</summary>
        /// <param name="reason">Why the information is public, e.g. "Doctor profiles shown to patients".</param>
        public PublicDisclosureAttribute(string reason)
        {
            Reason = reason;
        }

        /// <summary>Why the information is public.</summary>
        public string Reason { get; }
    }
}
