using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyByDesign.DocGen;

public sealed record TaxonomyName(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ambiguous")] bool Ambiguous = false);

public sealed record TaxonomyCategory(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("en")] string En,
    [property: JsonPropertyName("zh")] string Zh,
    [property: JsonPropertyName("sensitive")] bool Sensitive,
    [property: JsonPropertyName("sensitivityNote")] string SensitivityNote,
    [property: JsonPropertyName("financialLevel")] string? FinancialLevel,
    [property: JsonPropertyName("financialNote")] string FinancialNote,
    [property: JsonPropertyName("gdpr")] string? Gdpr,
    [property: JsonPropertyName("flagCarriesValue")] bool FlagCarriesValue,
    [property: JsonPropertyName("dateIsValue")] bool DateIsValue,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("namesEnglish")] IReadOnlyList<TaxonomyName> NamesEnglish,
    [property: JsonPropertyName("namesPinyin")] IReadOnlyList<TaxonomyName> NamesPinyin)
{
    /// <summary><c>identity.national_id</c> → <c>IdentityNationalId</c>.</summary>
    public string ConstantName
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            bool upper = true;
            foreach (char c in Id)
            {
                if (c == '.' || c == '_')
                {
                    upper = true;
                    continue;
                }

                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return sb.ToString();
        }
    }
}

public sealed record TaxonomyFile(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("categories")] IReadOnlyList<TaxonomyCategory> Categories)
{
    public static TaxonomyFile Load(string path)
        => JsonSerializer.Deserialize<TaxonomyFile>(File.ReadAllText(path))
           ?? throw new InvalidDataException("empty taxonomy: " + path);
}
