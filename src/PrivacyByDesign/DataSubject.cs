using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Names whose personal information a type holds (the data subject, 个人信息主体). Rules that depend on the
    /// person — guardian consent for children, rights handlers per subject, the inventory's subject list — read it.
    /// </summary>
    /// <example><code>[DataSubject(DataSubjects.Patient)] public sealed class Patient { ... }</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = true)]
    public sealed class DataSubjectAttribute : Attribute
    {
        /// <summary>Declares the data subject of this type.</summary>
        /// <param name="subject">A subject id; see <see cref="DataSubjects"/> or use your own.</param>
        public DataSubjectAttribute(string subject)
        {
            Subject = subject;
        }

        /// <summary>The subject id.</summary>
        public string Subject { get; }

        /// <summary>
        /// The youngest age of the people this type describes, when it may be under 14: any personal information
        /// of a child under 14 is sensitive (PIPL Art. 28) and needs a guardian's consent (Art. 31).
        /// </summary>
        public int MinimumAge { get; set; }
    }

    /// <summary>Common data-subject ids. Any other string works as well.</summary>
    public static class DataSubjects
    {
        /// <summary>A customer or consumer of the service (客户/消费者).</summary>
        public const string Customer = "customer";

        /// <summary>A registered user or account holder (用户).</summary>
        public const string User = "user";

        /// <summary>An employee or contractor (员工), processed under PIPL Art. 13(2) human-resources management.</summary>
        public const string Employee = "employee";

        /// <summary>A job applicant (求职者).</summary>
        public const string JobApplicant = "job_applicant";

        /// <summary>A patient (患者).</summary>
        public const string Patient = "patient";

        /// <summary>A student (学生).</summary>
        public const string Student = "student";

        /// <summary>A child under 14 (不满十四周岁未成年人): guardian consent, PIPL Art. 31.</summary>
        public const string Child = "child";

        /// <summary>A minor aged 14 to 17 (已满十四周岁未成年人).</summary>
        public const string Minor = "minor";

        /// <summary>A guardian or parent acting for a minor (监护人).</summary>
        public const string Guardian = "guardian";

        /// <summary>A third person whose data a user provides: emergency contact, family member, recipient of goods.</summary>
        public const string ThirdParty = "third_party";

        /// <summary>A visitor who is not signed in (访客).</summary>
        public const string Visitor = "visitor";
    }
}
