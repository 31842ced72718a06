namespace PrivacyByDesign.Analyzers.Taxonomy { internal static partial class BuiltInTaxonomy { } }
