using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Marks a method that serves a data subject's right (PIPL Art. 44–48): access and copy, portability,
    /// correction, deletion, withdrawal of consent, explanation. The rights rules check that every data subject
    /// whose information is stored has such paths.
    /// </summary>
    /// <example><code>[DataSubjectRightsHandler(DataSubjectRight.Erasure, DataSubjects.Customer)]</code></example>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
    public sealed class DataSubjectRightsHandlerAttribute : Attribute
    {
        /// <summary>Marks a rights handler.</summary>
        /// <param name="rights">The rights served.</param>
        /// <param name="subject">The data subject id whose requests this serves.</param>
        public DataSubjectRightsHandlerAttribute(DataSubjectRight rights, string subject)
        {
            Rights = rights;
            Subject = subject;
        }

        /// <summary>The rights served.</summary>
        public DataSubjectRight Rights { get; }

        /// <summary>The data subject id.</summary>
        public string Subject { get; }
    }

    /// <summary>Data-subject rights under PIPL Chapter IV.</summary>
    [Flags]
    public enum DataSubjectRight
    {
        /// <summary>No right.</summary>
        None = 0,

        /// <summary>Art. 45 ¶1: access and copy (查阅、复制).</summary>
        Access = 1,

        /// <summary>Art. 45 ¶3: transfer to another processor in a structured format (可携带).</summary>
        Portability = 2,

        /// <summary>Art. 46: correction and completion (更正、补充).</summary>
        Correction = 4,

        /// <summary>Art. 47: deletion (删除).</summary>
        Erasure = 8,

        /// <summary>Art. 15: withdrawal of consent (撤回同意).</summary>
        WithdrawConsent = 16,

        /// <summary>Art. 48: explanation of the processing rules (解释说明).</summary>
        Explanation = 32,

        /// <summary>Account deletion (注销账号), required of apps by the regulators' App rules.</summary>
        AccountDeletion = 64,
    }

    /// <summary>
    /// On an EF Core <c>DbContext</c>: generate, for every data subject whose personal information the context stores,
    /// <c>Export{Subject}Async</c> (access and a copy in a structured format, PIPL Art. 45) and <c>Erase{Subject}Async</c>
    /// (deletion, Art. 47) extension methods that reach every entity linked to the subject's root entity by the EF Core
    /// foreign-key convention (<c>{Root}Id</c>). The generated methods are declared rights handlers.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class GenerateDataSubjectRightsAttribute : Attribute
    {
    }
}
