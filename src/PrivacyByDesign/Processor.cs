using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Identifies the personal-information processor (个人信息处理者) — the organisation that decides why and how
    /// the information is processed — for the privacy policy and the inventory (PIPL Art. 17(1), 52; GDPR Art. 30(1)(a)).
    /// </summary>
    /// <example><code>
    /// [assembly: PersonalInfoProcessor("Acme Health Ltd.", NameZh = "艾克美健康有限公司",
    ///     Contact = "privacy@acme.example", ProtectionOfficer = "Li Wei", ProtectionOfficerContact = "dpo@acme.example",
    ///     Country = "CN")]
    /// </code></example>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
    public sealed class PersonalInfoProcessorAttribute : Attribute
    {
        /// <summary>Identifies the processor.</summary>
        /// <param name="name">The legal name.</param>
        public PersonalInfoProcessorAttribute(string name)
        {
            Name = name;
        }

        /// <summary>The legal name.</summary>
        public string Name { get; }

        /// <summary>The legal name in Chinese.</summary>
        public string? NameZh { get; set; }

        /// <summary>How individuals reach the processor about their information (PIPL Art. 17(1)).</summary>
        public string? Contact { get; set; }

        /// <summary>The registered address.</summary>
        public string? Address { get; set; }

        /// <summary>The person in charge of personal-information protection (个人信息保护负责人, PIPL Art. 52).</summary>
        public string? ProtectionOfficer { get; set; }

        /// <summary>How to reach the person in charge.</summary>
        public string? ProtectionOfficerContact { get; set; }

        /// <summary>ISO 3166-1 alpha-2 country where the processor processes data; recipients elsewhere are cross-border. Defaults to CN.</summary>
        public string Country { get; set; } = "CN";

        /// <summary>
        /// For a mobile or web app, the app type of the regulators' necessary-information rules (常见类型移动互联网应用程序必要个人信息范围规定),
        /// e.g. <c>online-shopping</c>; its list becomes the default minimum-necessity check.
        /// </summary>
        public string? AppType { get; set; }

        /// <summary>The representative in China of a processor abroad (PIPL Art. 53).</summary>
        public string? RepresentativeInChina { get; set; }
    }

    /// <summary>
    /// References the personal-information protection impact assessment (个人信息保护影响评估) that covers this
    /// assembly or type (PIPL Art. 55–56: sensitive data, automated decisions, entrusting, providing, public
    /// disclosure, cross-border transfer).
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
    public sealed class ImpactAssessmentAttribute : Attribute
    {
        /// <summary>References an assessment.</summary>
        /// <param name="reference">The assessment's id or document reference.</param>
        public ImpactAssessmentAttribute(string reference)
        {
            Reference = reference;
        }

        /// <summary>The assessment reference.</summary>
        public string Reference { get; }

        /// <summary>When it was completed, ISO 8601 date; records are kept at least 3 years (Art. 56).</summary>
        public string? CompletedOn { get; set; }
    }

    /// <summary>
    /// A method that makes decisions by automated means from personal information (PIPL Art. 24): transparency,
    /// fairness, an opt-out for personalised push and marketing, and an explanation on request when the decision
    /// significantly affects the person.
    /// </summary>
    [AttributeUsage(PiTargets.Code, AllowMultiple = false, Inherited = true)]
    public sealed class AutomatedDecisionAttribute : Attribute
    {
        /// <summary>Whether the decision significantly affects the person's rights and interests.</summary>
        public bool Significant { get; set; }
    }
}
