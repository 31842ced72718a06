using System.Text.Json;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>User strings (purpose descriptions, names) cannot break a table, inject markup or run as a spreadsheet formula.</summary>
public class EscapingTests
{
    // Markdown, a pipe, quotes, a newline and a leading formula character, as a C# string inside the attribute.
    private const string Evil = "=HYPERLINK(\"http://evil.example\") | *bold* _it_ `code` <b>x</b> [link](http://x)\nsecond line, \"quoted\"";

    private static string Source(string description) => $$"""
        using PrivacyByDesign;

        [assembly: ProcessingPurpose("evil", {{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(description, quote: true)}}, LegalBasis.Consent, BusinessFunction = "+cmd|' /C calc'!A0")]
        [assembly: Recipient("r", "@SUM(1+1) | Co.", RecipientKind.ThirdParty, Purposes = new[] { "evil" }, Categories = new[] { PiCategory.ContactEmail }, Country = "CN")]

        [Purpose("evil")]
        public sealed class Visitor
        {
            [PersonalInfo(PiCategory.ContactEmail)]
            public string Email { get; set; } = "";
        }
        """;

    [Fact]
    public void Csv_fields_stay_one_field_and_formulas_are_neutralised()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(Source(Evil)), folder.Out);

        var collection = ParseCsv(folder.Read("collection-list.csv"));
        Assert.Equal(2, collection.Count);
        Assert.All(collection, row => Assert.Equal(collection[0].Count, row.Count));
        Assert.Equal("'+cmd|' /C calc'!A0", collection[1][0]);
        Assert.Equal("'" + Evil, collection[1][1]);

        var sharing = ParseCsv(folder.Read("third-party-sharing-list.csv"));
        Assert.Equal("'@SUM(1+1) | Co.", sharing[1][0]);
        Assert.All(sharing.Concat(collection).SelectMany(r => r), field => Assert.False(field.Length > 0 && field[0] is '=' or '+' or '-' or '@', field));
    }

    [Theory]
    [InlineData("collection-list.md")]
    [InlineData("third-party-sharing-list.md")]
    [InlineData("data-inventory.md")]
    [InlineData("privacy-policy.en.md")]
    [InlineData("privacy-policy.zh-CN.md")]
    public void Markdown_tables_keep_their_columns_and_no_markup_gets_through(string fileName)
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(Source(Evil)), folder.Out);
        string text = folder.Read(fileName);

        Assert.DoesNotContain("<b>", text);
        Assert.DoesNotContain("*bold*", text);
        Assert.DoesNotContain("[link]", text);
        Assert.DoesNotContain("\nsecond line", text);
        int? columns = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal))
            {
                int pipes = UnescapedPipes(line);
                if (line.StartsWith("|---", StringComparison.Ordinal) || columns == null)
                {
                    columns = pipes;
                }

                Assert.True(pipes == columns, $"{fileName}: '{line}' has {pipes} cell separators, expected {columns}");
            }
            else
            {
                columns = null;
            }
        }
    }

    [Fact]
    public void Json_and_yaml_round_trip_the_exact_string()
    {
        using var folder = new TempFolder();
        var (source, _) = GeneratorHost.Run(GeneratorHost.Compile(Source(Evil)), folder.Out);

        using var json = JsonDocument.Parse(folder.Read("data-inventory.json"));
        Assert.Equal(Evil, json.RootElement.GetProperty("purposes")[0].GetProperty("description").GetString());

        string yaml = folder.Read("fides.yml");
        Assert.Contains("- name: " + Escape.Yaml(Evil) + "\n", yaml);
        Assert.Contains("\\\"quoted\\\"", yaml);
        Assert.Contains("\\nsecond line", yaml);
        Assert.Contains("new Purpose(\"evil\", " + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Evil, quote: true), source);
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`")]
    [InlineData("<script>", "\\<script\\>")]
    [InlineData("[a](b)", "\\[a\\](b)")]
    [InlineData("line\r\nnext\nlast", "line next last")]
    public void Markdown_escaping(string input, string expected) => Assert.Equal(expected, Escape.Md(input));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@A1", "\"'@A1\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    public void Csv_escaping(string input, string expected) => Assert.Equal(expected, Escape.Csv(input));

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain 个人信息 😀", "\"plain 个人信息 😀\"")]
    [InlineData("\"quoted\"", "\"\\\"quoted\\\"\"")]
    [InlineData("a\\b\nc\rd\te\bf\fg", "\"a\\\\b\\nc\\rd\\te\\bf\\fg\"")]
    [InlineData("\u0001\u001f\u2028\u2029", "\"\\u0001\\u001f\\u2028\\u2029\"")]
    [InlineData("\n\n", "\"\\n\\n\"")]
    [InlineData("end\\", "\"end\\\\\"")]
    public void Json_strings_escape_exactly_what_json_requires_and_read_back_unchanged(string value, string expected)
    {
        string literal = Escape.Json(new System.Text.StringBuilder("x"), value).ToString();

        Assert.Equal("x" + expected, literal);
        Assert.Equal(value, JsonDocument.Parse(literal.Substring(1)).RootElement.GetString());
    }

    [Fact]
    public void Mermaid_labels_cannot_close_the_node()
    {
        string label = Escape.Mermaid("a\"]) --> x[\"<b>\nc");
        Assert.DoesNotContain("\"", label);
        Assert.DoesNotContain("<", label);
        Assert.DoesNotContain("\n", label);
        Assert.NotEqual(Escape.MermaidId("s", "a-b"), Escape.MermaidId("s", "a_b"));
    }

    private static int UnescapedPipes(string line)
    {
        int count = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and newlines.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = new List<string>();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
