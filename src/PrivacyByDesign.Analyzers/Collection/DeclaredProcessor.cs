using Microsoft.CodeAnalysis;

namespace PrivacyByDesign.Analyzers.Collection
{
    /// <summary>
    /// The one reading of <c>[assembly: PersonalInfoProcessor(name, ...)]</c>, shared by the inventory's controller
    /// section, the sharing rules' home country and the collection rules' app type.
    /// </summary>
    internal sealed class DeclaredProcessor
    {
        private DeclaredProcessor(AttributeData attribute)
        {
            Name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            NameZh = Text(attribute, "NameZh");
            Contact = Text(attribute, "Contact");
            Address = Text(attribute, "Address");
            ProtectionOfficer = Text(attribute, "ProtectionOfficer");
            ProtectionOfficerContact = Text(attribute, "ProtectionOfficerContact");
            RepresentativeInChina = Text(attribute, "RepresentativeInChina");
            AppType = Text(attribute, "AppType");
            string? country = Text(attribute, "Country");
            Country = string.IsNullOrWhiteSpace(country) ? "CN" : country!.Trim().ToUpperInvariant();
        }

        /// <summary>Null while the name is still being typed.</summary>
        public string? Name { get; }

        public string? NameZh { get; }

        public string? Contact { get; }

        public string? Address { get; }

        public string? ProtectionOfficer { get; }

        public string? ProtectionOfficerContact { get; }

        public string? RepresentativeInChina { get; }

        /// <summary>As written; the collection rules resolve it against the app-type presets.</summary>
        public string? AppType { get; }

        /// <summary>ISO 3166-1 alpha-2, upper case; "CN" when undeclared.</summary>
        public string Country { get; }

        public static DeclaredProcessor From(AttributeData attribute) => new(attribute);

        private static string? Text(AttributeData attribute, string name) => SymbolRelations.NamedArgument(attribute, name)?.Value as string;
    }
}
