namespace PrivacyByDesign.Tests.Documentation;

/// <summary>
/// Every C# sample of docs/annotations.md, docs/configuration.md and the rule pages' code sections compiles against
/// .NET 8 and the real annotations, so the documentation cannot drift from the attributes. A block that is
/// deliberately partial opts out with <c>// doc: fragment</c> as its first line.
/// </summary>
public class DocSamplesCompileTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string page in Docs.PagesWithSamples())
        {
            foreach (var block in Docs.CompiledBlocks(MarkdownFile.Load(Docs.Root, page)).Where(b => !b.IsFragment))
            {
                data.Add(block.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_compiles(string id)
    {
        var block = Find(id);
        var compilation = await DocCompiler.CompileAsync(new[] { (block.Id, block.Code) });
        var errors = DocCompiler.Errors(compilation).ToList();
        Assert.True(errors.Count == 0, $"{id} does not compile:\n{string.Join("\n", errors)}\n\n{block.Code}");
    }

    public static TheoryData<string> GuideSamples()
    {
        var data = new TheoryData<string>();
        foreach (string page in new[] { "docs/annotations.md", "docs/configuration.md" })
        {
            foreach (var block in Docs.CompiledBlocks(MarkdownFile.Load(Docs.Root, page)).Where(b => !b.IsFragment))
            {
                data.Add(block.Id);
            }
        }

        return data;
    }

    /// <summary>The guides show the annotated end state, so their samples raise no PBD diagnostic (the page's first JSON block is the configuration).</summary>
    [Theory]
    [MemberData(nameof(GuideSamples))]
    public async Task Guide_sample_is_clean_of_every_rule(string id)
    {
        var block = Find(id);
        var page = MarkdownFile.Load(Docs.Root, block.File);
        var compilation = await DocCompiler.CompileAsync(new[] { (block.Id, block.Code) });
        var diagnostics = await DocCompiler.AnalyzeAsync(compilation, page.CodeBlocks.FirstOrDefault(b => b.Language == "json")?.Code);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("PBD", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public void Every_page_with_samples_has_compiled_samples()
    {
        foreach (string page in Docs.PagesWithSamples())
        {
            var blocks = Docs.CompiledBlocks(MarkdownFile.Load(Docs.Root, page)).ToList();
            Assert.True(blocks.Any(b => !b.IsFragment), $"{page} has no compiled ```csharp block");
        }
    }

    [Fact]
    public async Task The_harness_reports_a_sample_that_does_not_compile()
    {
        // A misspelt attribute argument, as a stale sample would have.
        var block = MarkdownFile.FromText("bad.md", "## S\n\n```csharp\nusing PrivacyByDesign;\n[PersonalInfo(PiCategory.ContactMail)] public class C { }\n```\n").CodeBlocks.Single();
        var compilation = await DocCompiler.CompileAsync(new[] { (block.Id, block.Code) });
        Assert.Contains(DocCompiler.Errors(compilation), e => e.Contains("CS0117"));
    }

    [Fact]
    public void Fragments_and_sections_are_recognised()
    {
        var page = MarkdownFile.FromText("docs/rules/X.md", "# X\n\n## Compliant code\n\n```csharp\n// doc: fragment\nx\n```\n\n## Limitations\n\n````csharp\nclass D { }\n````\n");
        Assert.Equal(2, page.CodeBlocks.Count);
        Assert.True(page.CodeBlocks[0].IsFragment);
        Assert.Equal(RuleSections.Compliant, page.CodeBlocks[0].Section);
        Assert.Equal(RuleSections.Limitations, page.CodeBlocks[1].Section);
        Assert.Single(Docs.CompiledBlocks(page));
    }

    private static CodeBlock Find(string id)
    {
        string file = id.Substring(0, id.LastIndexOf(':'));
        return MarkdownFile.Load(Docs.Root, file).CodeBlocks.Single(b => b.Id == id);
    }
}
