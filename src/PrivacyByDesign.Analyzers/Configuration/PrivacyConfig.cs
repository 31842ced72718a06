using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Sharing;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Configuration
{
    /// <summary>A problem in <c>privacybydesign.json</c>, with its place for PBD0003.</summary>
    internal sealed class ConfigProblem
    {
        public ConfigProblem(string path, TextSpan span, LinePositionSpan lineSpan, string message)
        {
            Path = path;
            Span = span;
            LineSpan = lineSpan;
            Message = message;
        }

        public string Path { get; }

        public TextSpan Span { get; }

        public LinePositionSpan LineSpan { get; }

        public string Message { get; }

        public Location ToLocation() => Location.Create(Path, Span, LineSpan);
    }

    /// <summary>
    /// The project's own taxonomy additions and inference switches, read from the AdditionalFiles item
    /// <c>privacybydesign.json</c> (the package's build props add it when present beside the project).
    /// </summary>
    internal sealed class PrivacyConfig
    {
        public const string FileName = "privacybydesign.json";

        public static PrivacyConfig Empty { get; } = new(PiTaxonomy.BuiltIn, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, true, ImmutableArray<ThirdParty>.Empty, ImmutableArray<ConfigProblem>.Empty);

        private PrivacyConfig(PiTaxonomy taxonomy, ImmutableArray<string> notPersonalNames, ImmutableArray<string> personTypeWords, bool inferenceEnabled, ImmutableArray<ThirdParty> thirdParties, ImmutableArray<ConfigProblem> problems)
        {
            ThirdParties = thirdParties;
            Taxonomy = taxonomy;
            NotPersonalNames = notPersonalNames;
            PersonTypeWords = personTypeWords;
            InferenceEnabled = inferenceEnabled;
            Problems = problems;
        }

        /// <summary>Built-in categories plus custom ones, with the extra names merged in.</summary>
        public PiTaxonomy Taxonomy { get; }

        /// <summary>Identifiers that are never personal information (project-wide <c>[NotPersonalInfo]</c>).</summary>
        public ImmutableArray<string> NotPersonalNames { get; }

        /// <summary>Extra words that make a type describe a person (e.g. <c>Guest</c>, pinyin <c>LvKe</c>).</summary>
        public ImmutableArray<string> PersonTypeWords { get; }

        /// <summary>False turns name inference off: only annotations count.</summary>
        public bool InferenceEnabled { get; }

        public ImmutableArray<ConfigProblem> Problems { get; }

        /// <summary>The project's own third parties (<c>thirdParties</c>), recognised like the built-in ones.</summary>
        public ImmutableArray<ThirdParty> ThirdParties { get; }

        public static bool IsConfigFile(string path) => string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

        public static PrivacyConfig Load(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            var file = additionalFiles.FirstOrDefault(f => IsConfigFile(f.Path));
            if (file == null)
            {
                return Empty;
            }

            var text = file.GetText(cancellationToken);
            return text == null ? Empty : Parse(file.Path, text);
        }

        public static PrivacyConfig Parse(string path, SourceText text)
        {
            var problems = ImmutableArray.CreateBuilder<ConfigProblem>();
            void Problem(TextSpan span, string message) => problems.Add(new ConfigProblem(path, span, text.Lines.GetLinePositionSpan(span), message));

            var root = JsonLite.TryParse(text.ToString(), out string? error, out var errorSpan);
            if (root is not JsonObject obj)
            {
                Problem(root?.Span ?? errorSpan, error ?? "the file must hold a JSON object");
                return new PrivacyConfig(PiTaxonomy.BuiltIn, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, true, ImmutableArray<ThirdParty>.Empty, problems.ToImmutable());
            }

            bool inference = true;
            if (obj["inference"] is JsonNode inferenceNode)
            {
                if (inferenceNode is JsonScalar { AsBoolean: bool b })
                {
                    inference = b;
                }
                else
                {
                    Problem(inferenceNode.Span, "'inference' must be true or false");
                }
            }

            var categories = BuiltInTaxonomy.Categories.ToList();
            var extraNames = new Dictionary<string, List<DetectorName>>(StringComparer.Ordinal);

            if (obj["categories"] is JsonNode categoriesNode)
            {
                if (categoriesNode is JsonArray array)
                {
                    foreach (var item in array.Items)
                    {
                        var custom = ReadCategory(item, categories, Problem);
                        if (custom != null)
                        {
                            categories.Add(custom);
                        }
                    }
                }
                else
                {
                    Problem(categoriesNode.Span, "'categories' must be an array");
                }
            }

            if (obj["names"] is JsonNode namesNode)
            {
                if (namesNode is JsonObject names)
                {
                    foreach (var property in names.Properties)
                    {
                        if (!categories.Any(c => c.Id == property.Name))
                        {
                            Problem(property.NameSpan, $"unknown category '{property.Name}'");
                            continue;
                        }

                        var list = ReadStrings(property.Value, "names." + property.Name, Problem);
                        extraNames[property.Name] = list.Select(n => new DetectorName(n, false, false)).ToList();
                    }
                }
                else
                {
                    Problem(namesNode.Span, "'names' must map category ids to arrays of names");
                }
            }

            var notPersonal = obj["notPersonal"] is JsonNode np ? ReadStrings(np, "notPersonal", Problem) : new List<string>();
            var personTypes = obj["personTypes"] is JsonNode pt ? ReadStrings(pt, "personTypes", Problem) : new List<string>();
            var thirdParties = ImmutableArray.CreateBuilder<ThirdParty>();
            if (obj["thirdParties"] is JsonNode thirdPartiesNode)
            {
                if (thirdPartiesNode is JsonArray list)
                {
                    foreach (var item in list.Items)
                    {
                        if (ReadThirdParty(item, Problem) is { } thirdParty)
                        {
                            thirdParties.Add(thirdParty);
                        }
                    }
                }
                else
                {
                    Problem(thirdPartiesNode.Span, "'thirdParties' must be an array");
                }
            }

            // Project names go first so they win over built-in ones that share a spelling.
            var merged = categories.Select(c => extraNames.TryGetValue(c.Id, out var extra)
                    ? new PiCategoryInfo(c.Id, c.ConstantName, c.NameEn, c.NameZh, c.Sensitive, c.FinancialLevel, c.GdprSpecialCategory, c.FlagCarriesValue, c.DateIsValue, extra.Concat(c.Names).ToImmutableArray(), c.IsCustom)
                    : c)
                .ToImmutableArray();

            return new PrivacyConfig(
                new PiTaxonomy(merged),
                notPersonal.ToImmutableArray(),
                personTypes.SelectMany(p => IdentifierTokens.Split(p)).ToImmutableArray(),
                inference,
                thirdParties.ToImmutable(),
                problems.ToImmutable());
        }

        private static ThirdParty? ReadThirdParty(JsonNode node, Action<TextSpan, string> problem)
        {
            if (node is not JsonObject obj)
            {
                problem(node.Span, "a third party must be an object");
                return null;
            }

            string? Text(string name)
            {
                if (obj[name] is JsonScalar { Kind: JsonScalarKind.String } scalar && scalar.Text.Length > 0)
                {
                    return scalar.Text;
                }

                if (obj[name] is JsonNode other)
                {
                    problem(other.Span, $"'{name}' must be a non-empty string");
                }

                return null;
            }

            string? id = Text("id");
            string? name = Text("name");
            string? country = Text("country");
            string kind = Text("kind") ?? "other";
            var hosts = obj["hosts"] is JsonNode h ? ReadStrings(h, "hosts", problem) : new List<string>();
            var namespaces = obj["namespaces"] is JsonNode n ? ReadStrings(n, "namespaces", problem) : new List<string>();
            if (id == null || name == null || country == null)
            {
                problem(obj.Span, "a third party needs 'id', 'name' and 'country' (ISO 3166-1 alpha-2, e.g. \"US\")");
                return null;
            }

            if (hosts.Count == 0 && namespaces.Count == 0)
            {
                problem(obj.Span, $"third party '{id}' needs 'hosts' or 'namespaces' to be recognised");
                return null;
            }

            return new ThirdParty(id, name, kind, country.ToUpperInvariant(), hosts.ToImmutableArray(), namespaces.ToImmutableArray());
        }

        private static PiCategoryInfo? ReadCategory(JsonNode node, List<PiCategoryInfo> existing, Action<TextSpan, string> problem)
        {
            if (node is not JsonObject obj)
            {
                problem(node.Span, "a category must be an object");
                return null;
            }

            string? id = (obj["id"] as JsonScalar)?.Text;
            if (string.IsNullOrWhiteSpace(id) || id!.IndexOf('.') <= 0)
            {
                problem(obj.Span, "a category needs an 'id' of the form group.name, e.g. custom.loyalty_card");
                return null;
            }

            if (existing.Any(c => c.Id == id))
            {
                problem(obj["id"]!.Span, $"category '{id}' already exists; add names to it under 'names' instead");
                return null;
            }

            string en = (obj["en"] as JsonScalar)?.Text ?? id;
            string zh = (obj["zh"] as JsonScalar)?.Text ?? en;
            bool sensitive = (obj["sensitive"] as JsonScalar)?.AsBoolean ?? false;
            var level = FinancialLevel.None;
            if (obj["financialLevel"] is JsonScalar { Kind: JsonScalarKind.String } levelNode)
            {
                switch (levelNode.Text.ToUpperInvariant())
                {
                    case "C1": level = FinancialLevel.C1; break;
                    case "C2": level = FinancialLevel.C2; break;
                    case "C3": level = FinancialLevel.C3; break;
                    default: problem(levelNode.Span, "'financialLevel' must be C1, C2 or C3"); break;
                }
            }

            var names = ImmutableArray.CreateBuilder<DetectorName>();
            if (obj["names"] is JsonNode n)
            {
                names.AddRange(ReadStrings(n, "names", problem).Select(s => new DetectorName(s, false, false)));
            }

            if (obj["ambiguousNames"] is JsonNode a)
            {
                names.AddRange(ReadStrings(a, "ambiguousNames", problem).Select(s => new DetectorName(s, true, false)));
            }

            return new PiCategoryInfo(id, string.Empty, en, zh, sensitive, level, null, false, false, names.ToImmutable(), isCustom: true);
        }

        private static List<string> ReadStrings(JsonNode node, string what, Action<TextSpan, string> problem)
        {
            var result = new List<string>();
            if (node is not JsonArray array)
            {
                problem(node.Span, $"'{what}' must be an array of strings");
                return result;
            }

            foreach (var item in array.Items)
            {
                if (item is JsonScalar { Kind: JsonScalarKind.String } s && s.Text.Length > 0)
                {
                    result.Add(s.Text);
                }
                else
                {
                    problem(item.Span, $"'{what}' must contain non-empty strings");
                }
            }

            return result;
        }
    }
}
