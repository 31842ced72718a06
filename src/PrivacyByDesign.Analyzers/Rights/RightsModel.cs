using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Rights
{
    /// <summary>One DbSet of a subject's data and the key or foreign key that selects the subject's rows.</summary>
    internal sealed record SubjectSet(string SetProperty, string EntityType, string FilterProperty, bool IsRoot);

    /// <summary>A data subject of a context: its root entity's key and every set linked to it.</summary>
    internal sealed record SubjectRights(string Subject, string MethodSuffix, string KeyType, EquatableArray<SubjectSet> Sets, EquatableArray<string> Unlinked);

    /// <summary>
    /// The value model of one <c>[GenerateDataSubjectRights]</c> DbContext: strings only, compared by value, so an edit that
    /// does not change the entity model regenerates nothing.
    /// </summary>
    internal sealed record ContextRights(string Namespace, string ContextName, string ContextType, bool IsPublic, EquatableArray<SubjectRights> Subjects, EquatableArray<string> Unattributed)
    {
        public string ClassName => ContextName + "DataSubjectRights";

        public string HintName => (Namespace.Length == 0 ? ContextName : Namespace + "." + ContextName) + ".DataSubjectRights.g.cs";

        /// <summary>"job_applicant" → "JobApplicant".</summary>
        public static string Pascal(string subject)
        {
            var text = new System.Text.StringBuilder();
            bool upper = true;
            foreach (char c in subject)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return text.Length == 0 || char.IsDigit(text[0]) ? "Subject" + text : text.ToString();
        }
    }
}
