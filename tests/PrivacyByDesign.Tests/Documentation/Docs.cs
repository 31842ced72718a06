namespace PrivacyByDesign.Tests.Documentation;

/// <summary>Where the documentation lives and which pages the tests read.</summary>
public static class Docs
{
    public static string Root { get; } = PrivacyByDesign.DocGen.RepositoryRoot.Find(AppContext.BaseDirectory);

    public static string RulePagePath(string id) => $"docs/rules/{id}.md";

    /// <summary>README.md and every Markdown file under docs/, relative to the root.</summary>
    public static IEnumerable<string> AllMarkdownFiles()
    {
        yield return "README.md";
        foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(Root, path).Replace('\\', '/');
        }
    }

    /// <summary>Pages whose C# samples must compile: the guides and every rule page.</summary>
    public static IEnumerable<string> PagesWithSamples()
    {
        yield return "docs/annotations.md";
        yield return "docs/configuration.md";
        yield return "docs/getting-started.md";
        yield return "docs/getting-started.zh-CN.md";
        foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, "docs", "rules"), "PBD*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(Root, path).Replace('\\', '/');
        }
    }

    /// <summary>The C# blocks of a page that the compile test covers: all of a guide's, a rule page's code sections'.</summary>
    public static IEnumerable<CodeBlock> CompiledBlocks(MarkdownFile page)
    {
        bool rulePage = page.RelativePath.StartsWith("docs/rules/", StringComparison.Ordinal);
        return page.CodeBlocks.Where(b => b.Language == "csharp" && (!rulePage || b.Section is RuleSections.NonCompliant or RuleSections.Compliant));
    }
}

/// <summary>The section headings every rule page has, in order (see the rule page shape in the brief).</summary>
public static class RuleSections
{
    public const string WhatItFinds = "What it finds";
    public const string WhyItMatters = "Why it matters";
    public const string NonCompliant = "Non-compliant code";
    public const string Compliant = "Compliant code";
    public const string Configuration = "Configuration";
    public const string Suppression = "Suppression";
    public const string Limitations = "Limitations";

    public static readonly string[] All = { WhatItFinds, WhyItMatters, NonCompliant, Compliant, Configuration, Suppression, Limitations };
}
