using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.DocGen;

namespace PrivacyByDesign.Tests.Documentation;

/// <summary>
/// Every descriptor of every analyzer has a help link to its page, a page of the documented shape that agrees with
/// the descriptor and cites the law, a family that matches its id, and a release-tracking entry; the docs' links
/// resolve and the generated files are fresh. Data-driven over the descriptors, so a new rule is covered as soon as
/// its analyzer exists.
/// </summary>
public class RuleDocumentationTests
{
    private static readonly Regex Cjk = new(@"[\u4e00-\u9fff]", RegexOptions.Compiled);

    private static readonly Dictionary<char, string> FamilyCategories = new()
    {
        ['0'] = "PrivacyClassification",
        ['1'] = "PrivacyExposure",
        ['2'] = "PrivacyTransmission",
        ['3'] = "PrivacyCollection",
        ['4'] = "PrivacyStorage",
        ['5'] = "PrivacySharing",
        ['6'] = "PrivacyRights",
        ['9'] = "PrivacyGenerator",
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void The_catalog_sees_the_analyzers()
    {
        Assert.NotEmpty(RuleCatalog.Descriptors);
        Assert.Contains(RuleCatalog.Descriptors, d => d.Id == RuleIdentifiers.ProbablePersonalInfoNotAnnotated);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_to_the_rule_page(string id)
    {
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), Descriptor(id).HelpLinkUri);
        Assert.EndsWith("/" + Docs.RulePagePath(id), Descriptor(id).HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_has_the_title_and_every_section_in_order(string id)
    {
        var page = Page(id);
        Assert.Equal($"# {id}: {Descriptor(id).Title}", page.Lines[0].TrimEnd());

        var sections = page.Headings.Where(h => h.StartsWith("## ", StringComparison.Ordinal)).Select(h => h.Substring(3).Trim()).ToList();
        var expected = RuleSections.All.ToList();
        Assert.Equal(expected, sections.Where(expected.Contains).ToList());
        foreach (string section in RuleSections.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.Sections[section]), $"{id}: section '{section}' is empty");
        }

        Assert.Contains(page.CodeBlocks, b => b.Section == RuleSections.NonCompliant && b.Language == "csharp");
        Assert.Contains(page.CodeBlocks, b => b.Section == RuleSections.Compliant && b.Language == "csharp");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Property_table_matches_the_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var table = PropertyTable(Page(id));
        Assert.Equal(id, table.GetValueOrDefault("Id"));
        Assert.Equal(descriptor.Category, table.GetValueOrDefault("Category"));
        Assert.Equal(descriptor.DefaultSeverity.ToString(), table.GetValueOrDefault("Default severity"));
        Assert.Equal(HasCodeFix(id) ? "Yes" : "No", table.GetValueOrDefault("Code fix"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Why_it_matters_cites_the_law_in_Chinese_and_English(string id)
    {
        string why = Page(id).Sections[RuleSections.WhyItMatters];
        Assert.True(Cjk.IsMatch(why), $"{id}: 'Why it matters' has no Chinese legal citation");
        Assert.Contains("Art.", why, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_documents_its_own_severity_setting(string id)
    {
        Assert.Contains($"dotnet_diagnostic.{id}.severity", Page(id).Sections[RuleSections.Configuration], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Family_digit_matches_the_category(string id)
    {
        Assert.Matches(@"^PBD\d{4}$", id);
        Assert.True(FamilyCategories.TryGetValue(id[3], out string? category), $"{id}: no family for digit {id[3]}");
        Assert.Equal(category, Descriptor(id).Category);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Non_compliant_sample_triggers_the_rule(string id)
    {
        var diagnostics = await AnalyzeSection(id, RuleSections.NonCompliant);
        if (diagnostics == null)
        {
            return;
        }

        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Compliant_sample_is_clean_of_every_rule(string id)
    {
        var diagnostics = await AnalyzeSection(id, RuleSections.Compliant);
        if (diagnostics == null)
        {
            return;
        }

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("PBD", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public void Release_tracking_lists_exactly_the_descriptors()
    {
        var tracked = ReleaseTracking.Read(
            File.ReadAllText(Path.Combine(Docs.Root, "src/PrivacyByDesign.Analyzers/AnalyzerReleases.Shipped.md")),
            File.ReadAllText(Path.Combine(Docs.Root, "src/PrivacyByDesign.Analyzers/AnalyzerReleases.Unshipped.md")));

        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), tracked.Keys.OrderBy(i => i, StringComparer.Ordinal));
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString()), tracked[descriptor.Id]);
        }
    }

    [Fact]
    public void Release_tracking_reader_applies_new_changed_and_removed_rules()
    {
        const string shipped = """
            ## Release 0.1

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            PBD0001 | PrivacyClassification | Info | A
            PBD1001 | PrivacyExposure | Warning | B
            """;
        const string unshipped = """
            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|-------
            PBD0001 | PrivacyClassification | Warning | PrivacyClassification | Info | A

            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            PBD1001 | PrivacyExposure | Warning | B
            """;
        var tracked = ReleaseTracking.Read(shipped, unshipped);
        Assert.Equal(("PrivacyClassification", "Warning"), Assert.Single(tracked).Value);
    }

    [Fact]
    public async Task A_json_block_named_in_its_info_string_reaches_the_analyzers_under_that_name()
    {
        var page = MarkdownFile.FromText("docs/rules/X.md", "## Non-compliant code\n\n```csharp\nclass C { }\n```\n\n```json appsettings.json\n{ \"Api\": \"http://api.example.com\" }\n```\n\n```json\n{ }\n```\n");
        var blocks = page.CodeBlocks;
        Assert.Equal("appsettings.json", blocks[1].FileName);
        Assert.Null(blocks[2].FileName);

        var files = AdditionalFiles(blocks).ToList();
        Assert.Equal(new[] { "appsettings.json", DocCompiler.ConfigFileName }, files.Select(f => f.Name));

        var compilation = await DocCompiler.CompileAsync(new[] { (blocks[0].Id, blocks[0].Code) });
        var diagnostics = await DocCompiler.AnalyzeAsync(compilation, files);
        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.PlaintextEndpointInConfiguration && d.Location.GetLineSpan().Path == "/doc/appsettings.json");
    }

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Docs.AllMarkdownFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_resolve(string file)
    {
        var broken = BrokenLinks(MarkdownFile.Load(Docs.Root, file), Docs.Root).ToList();
        Assert.True(broken.Count == 0, $"{file}: broken links\n{string.Join("\n", broken)}");
    }

    [Fact]
    public void The_link_checker_reports_missing_files_and_anchors()
    {
        var page = MarkdownFile.FromText("docs/x.md", """
            # X

            [ok](configuration.md) [ok](rules/README.md#privacybydesign-rules) [ok](#x) [web](https://example.com) `[code](nowhere.md)`
            [missing](nowhere.md) [bad anchor](configuration.md#no-such-heading) [bad local](#nope)

            ```md
            [in a block](nowhere-either.md)
            ```
            """);
        var broken = BrokenLinks(page, Docs.Root).ToList();
        Assert.True(broken.Count == 3, string.Join("\n", broken));
        Assert.Contains(broken, b => b.Contains("nowhere.md", StringComparison.Ordinal));
        Assert.Contains(broken, b => b.Contains("#no-such-heading", StringComparison.Ordinal));
        Assert.Contains(broken, b => b.Contains("#nope", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_files_are_fresh()
    {
        var stale = GeneratedFiles.All(Docs.Root)
            .Where(f =>
            {
                string path = Path.Combine(Docs.Root, f.RelativePath);
                return !File.Exists(path) || File.ReadAllText(path) != f.Content;
            })
            .Select(f => f.RelativePath)
            .ToList();
        Assert.True(stale.Count == 0, "stale (run `dotnet run --project src/PrivacyByDesign.DocGen`): " + string.Join(", ", stale));
    }

    private static DiagnosticDescriptor Descriptor(string id) => RuleCatalog.Descriptors.Single(d => d.Id == id);

    private static MarkdownFile Page(string id)
    {
        string path = Docs.RulePagePath(id);
        Assert.True(File.Exists(Path.Combine(Docs.Root, path)), $"{path} is missing");
        return MarkdownFile.Load(Docs.Root, path);
    }

    private static bool HasCodeFix(string id) => typeof(PrivacyByDesign.CodeFixes.Classification.ProbablePersonalInfoNotAnnotatedCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .Any(p => p.FixableDiagnosticIds.Contains(id));

    /// <summary>The rows of the first <c>| Property | Value |</c> table.</summary>
    private static Dictionary<string, string> PropertyTable(MarkdownFile page)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in page.Lines.SkipWhile(l => !l.StartsWith("| Property", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length == 2)
            {
                rows[cells[0]] = cells[1];
            }
        }

        return rows;
    }

    /// <summary>
    /// Compiles a code section's C# blocks and runs every analyzer with the section's JSON blocks as AdditionalFiles: a
    /// block named in its info string (<c>```json appsettings.json</c>) under that name, an unnamed one as
    /// privacybydesign.json; null when the section holds a fragment, which cannot be compiled.
    /// </summary>
    private static async Task<IReadOnlyList<Diagnostic>?> AnalyzeSection(string id, string section)
    {
        var blocks = Page(id).CodeBlocks.Where(b => b.Section == section).ToList();
        var code = blocks.Where(b => b.Language == "csharp").ToList();
        if (code.Any(b => b.IsFragment))
        {
            return null;
        }

        var compilation = await DocCompiler.CompileAsync(code.Select(b => (b.Id, b.Code)));
        return await DocCompiler.AnalyzeAsync(compilation, AdditionalFiles(blocks));
    }

    private static IEnumerable<(string Name, string Text)> AdditionalFiles(IEnumerable<CodeBlock> blocks)
        => blocks.Where(b => b.Language == "json").Select(b => (b.FileName ?? DocCompiler.ConfigFileName, b.Code));

    private static IEnumerable<string> BrokenLinks(MarkdownFile page, string root)
    {
        string directory = Path.GetDirectoryName(Path.Combine(root, page.RelativePath))!;
        foreach (var (line, target) in page.Links)
        {
            if (Regex.IsMatch(target, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
            {
                continue; // https:, mailto:
            }

            int hash = target.IndexOf('#');
            string file = hash < 0 ? target : target.Substring(0, hash);
            string? anchor = hash < 0 ? null : Uri.UnescapeDataString(target.Substring(hash + 1));
            string full = file.Length == 0 ? Path.Combine(root, page.RelativePath) : Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(file)));
            if (file.Length > 0 && !File.Exists(full) && !Directory.Exists(full))
            {
                yield return $"{page.RelativePath}:{line}: {target} (no such file)";
                continue;
            }

            if (anchor != null && (file.Length == 0 || full.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                var targetPage = file.Length == 0 ? page : MarkdownFile.Load(root, Path.GetRelativePath(root, full));
                if (!targetPage.Anchors().Contains(anchor))
                {
                    yield return $"{page.RelativePath}:{line}: {target} (no such heading)";
                }
            }
        }
    }
}
