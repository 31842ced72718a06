#if PBD_COMPLIANCE
using System;
using System.Linq;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyByDesign
{
    /// <summary>
    /// The bridge to Microsoft.Extensions.Compliance: <see cref="PersonalInfoAttribute"/> and
    /// <see cref="SensitivePersonalInfoAttribute"/> are <c>DataClassificationAttribute</c>s whose classification is
    /// <c>PrivacyByDesign.Personal:&lt;category&gt;</c> or <c>PrivacyByDesign.Sensitive:&lt;category&gt;</c>. A category the taxonomy
    /// rates as sensitive is classified sensitive whichever attribute marks it.
    /// </summary>
    /// <example><code>
    /// services.AddRedaction(r =>
    /// {
    ///     r.SetRedactor&lt;ErasingRedactor&gt;(PiTaxonomy.AllSensitive);
    ///     r.SetRedactor&lt;MyMaskingRedactor&gt;(PiTaxonomy.AllPersonal);
    /// });
    /// </code></example>
    public static class PiTaxonomy
    {
        /// <summary>Taxonomy name of general personal information.</summary>
        public const string PersonalTaxonomyName = "PrivacyByDesign.Personal";

        /// <summary>Taxonomy name of sensitive personal information.</summary>
        public const string SensitiveTaxonomyName = "PrivacyByDesign.Sensitive";

        /// <summary>The classification of a category marked <see cref="PersonalInfoAttribute"/>: sensitive if the taxonomy says so.</summary>
        /// <param name="category">A category id.</param>
        /// <returns>The data classification.</returns>
        public static DataClassification Personal(string category)
            => PiCategory.IsSensitive(category) ? Sensitive(category) : new DataClassification(PersonalTaxonomyName, Require(category));

        /// <summary>The classification of a category marked <see cref="SensitivePersonalInfoAttribute"/>.</summary>
        /// <param name="category">A category id.</param>
        /// <returns>The data classification.</returns>
        public static DataClassification Sensitive(string category) => new(SensitiveTaxonomyName, Require(category));

        /// <summary>Every general (non-sensitive) built-in category, for <c>SetRedactor</c>.</summary>
        public static DataClassificationSet[] AllPersonal { get; } =
            PiCategory.All.Where(c => !PiCategory.IsSensitive(c)).Select(c => new DataClassificationSet(new DataClassification(PersonalTaxonomyName, c))).ToArray();

        /// <summary>Every built-in category classified sensitive, for <c>SetRedactor</c>.</summary>
        public static DataClassificationSet[] AllSensitive { get; } =
            PiCategory.All.Select(c => new DataClassificationSet(new DataClassification(SensitiveTaxonomyName, c))).ToArray();

        private static string Require(string category)
            => string.IsNullOrWhiteSpace(category) ? throw new ArgumentException("A personal-information category id is required.", nameof(category)) : category;
    }
}
#endif
