using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Analyzers.Configuration;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>appsettings*.json files that the package's build props pass as AdditionalFiles, walked value by value.</summary>
    internal static class AppSettingsFiles
    {
        public static bool IsAppSettings(AdditionalText file)
        {
            string name = Path.GetFileName(file.Path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Every scalar with the name of the property that holds it (null inside arrays of the root).</summary>
        public static IEnumerable<(string? Key, JsonScalar Value)> Scalars(JsonNode node, string? key = null)
        {
            switch (node)
            {
                case JsonScalar scalar:
                    yield return (key, scalar);
                    break;
                case JsonObject obj:
                    foreach (var property in obj.Properties)
                    {
                        foreach (var item in Scalars(property.Value, property.Name))
                        {
                            yield return item;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var element in array.Items)
                    {
                        foreach (var item in Scalars(element, key))
                        {
                            yield return item;
                        }
                    }

                    break;
            }
        }

        public static JsonNode? Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken, out SourceText? text)
        {
            text = file.GetText(cancellationToken);
            return text == null ? null : JsonLite.TryParse(text.ToString(), out _, out _);
        }

        public static Location LocationOf(AdditionalText file, SourceText text, TextSpan span)
            => Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
