using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>
    /// The attribute types classification reads, resolved once per compilation. Any of them may be absent
    /// (no Identity, no Microsoft.Extensions.Compliance); our own may come from the package or from source.
    /// </summary>
    internal sealed class PrivacySymbols
    {
        public const string Namespace = "PrivacyByDesign";

        public PrivacySymbols(Compilation compilation)
        {
            PersonalInfo = Find(compilation, "PrivacyByDesign.PersonalInfoAttribute");
            SensitivePersonalInfo = Find(compilation, "PrivacyByDesign.SensitivePersonalInfoAttribute");
            NotPersonalInfo = Find(compilation, "PrivacyByDesign.NotPersonalInfoAttribute");
            DataSubject = Find(compilation, "PrivacyByDesign.DataSubjectAttribute");
            StoredAs = Find(compilation, "PrivacyByDesign.StoredAsAttribute");
            PiCategory = Find(compilation, "PrivacyByDesign.PiCategory");
            IdentityPersonalData = Find(compilation, "Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            IdentityProtectedPersonalData = Find(compilation, "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
            DataClassification = Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = Find(compilation, "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
        }

        public INamedTypeSymbol? PersonalInfo { get; }

        public INamedTypeSymbol? SensitivePersonalInfo { get; }

        public INamedTypeSymbol? NotPersonalInfo { get; }

        public INamedTypeSymbol? DataSubject { get; }

        public INamedTypeSymbol? StoredAs { get; }

        public INamedTypeSymbol? PiCategory { get; }

        public INamedTypeSymbol? IdentityPersonalData { get; }

        public INamedTypeSymbol? IdentityProtectedPersonalData { get; }

        public INamedTypeSymbol? DataClassification { get; }

        public INamedTypeSymbol? NoDataClassification { get; }

        /// <summary>Whether any classification attribute exists at all; without them only inference can classify.</summary>
        public bool HasAnyAttribute => PersonalInfo != null || SensitivePersonalInfo != null || IdentityPersonalData != null || DataClassification != null;

        /// <summary>
        /// Like <c>GetTypeByMetadataName</c>, but when several assemblies define the type (which returns null there),
        /// prefers the compilation's own definition, then the first referenced one.
        /// </summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            if (type != null)
            {
                return type;
            }

            INamedTypeSymbol? first = null;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    return candidate;
                }

                first ??= candidate;
            }

            return first;
        }
    }
}
