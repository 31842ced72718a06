using System.Text.Json;
using PrivacyByDesign.Tests.Documentation;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>data-inventory.json conforms to docs/data-inventory.schema.json (the subset of JSON Schema that file uses).</summary>
public class InventorySchemaTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_inventory_conforms_to_the_published_schema(bool rich)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(rich ? GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models) : GeneratorHost.Compile(GeneratorSources.Minimal), folder.Out);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs.Root, "docs", "data-inventory.schema.json")));
        using var inventory = JsonDocument.Parse(folder.Read("data-inventory.json"));
        var errors = new List<string>();
        Validate(schema.RootElement, schema.RootElement, inventory.RootElement, "$", errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void The_validator_reports_an_undeclared_property()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs.Root, "docs", "data-inventory.schema.json")));
        using var bad = JsonDocument.Parse("{\"schemaVersion\":\"1.0\",\"surprise\":1}");
        var errors = new List<string>();
        Validate(schema.RootElement, schema.RootElement, bad.RootElement, "$", errors);
        Assert.Contains(errors, e => e.Contains("surprise", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("controller", StringComparison.Ordinal));
    }

    private static void Validate(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            string name = reference.GetString()!.Substring("#/$defs/".Length);
            Validate(root, root.GetProperty("$defs").GetProperty(name), value, path, errors);
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && value.ToString() != constant.ToString())
        {
            errors.Add($"{path}: expected {constant}");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.ToString() == value.ToString()))
        {
            errors.Add($"{path}: '{value}' is not one of the enum values");
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
            string actual = value.ValueKind switch
            {
                JsonValueKind.Object => "object",
                JsonValueKind.Array => "array",
                JsonValueKind.String => "string",
                JsonValueKind.Number => "integer",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "null",
            };
            if (!allowed.Contains(actual))
            {
                errors.Add($"{path}: {actual} where {string.Join("/", allowed)} is expected");
                return;
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : Enumerable.Empty<string>())
            {
                if (!value.TryGetProperty(required, out _))
                {
                    errors.Add($"{path}: required '{required}' is missing");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                {
                    Validate(root, sub, property.Value, path + "." + property.Name, errors);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: '{property.Name}' is not in the schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var element in value.EnumerateArray())
            {
                Validate(root, items, element, $"{path}[{i++}]", errors);
            }
        }
    }
}
