using System.Text;
using System.Text.RegularExpressions;

namespace PrivacyByDesign.Tests.Documentation;

/// <summary>
/// A fenced code block of a Markdown page, with the <c>##</c> section it sits in and the file name its info string gives
/// after the language (<c>```json appsettings.json</c>), if any.
/// </summary>
public sealed record CodeBlock(string File, int Line, string Section, string Language, string Code, string? FileName = null)
{
    /// <summary>Blocks that are deliberately partial start with this line and are not compiled.</summary>
    public const string FragmentMarker = "// doc: fragment";

    public bool IsFragment => Code.TrimStart().StartsWith(FragmentMarker, StringComparison.Ordinal);

    public string Id => $"{File}:{Line}";
}

/// <summary>The parts of a Markdown page the documentation tests read: headings, sections, code blocks, links.</summary>
public sealed class MarkdownFile
{
    private static readonly Regex Link = new(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)", RegexOptions.Compiled);
    private static readonly Regex Heading = new(@"^#{1,6}\s", RegexOptions.Compiled);
    private static readonly Regex InlineCode = new(@"`[^`]*`", RegexOptions.Compiled);

    private MarkdownFile(string relativePath, string text)
    {
        RelativePath = relativePath;
        Text = text;
        Lines = text.Replace("\r\n", "\n").Split('\n');
        Parse();
    }

    /// <summary>Path relative to the repository root, with forward slashes.</summary>
    public string RelativePath { get; }

    public string Text { get; }

    public string[] Lines { get; }

    /// <summary>Heading lines outside code blocks, as written (<c>## What it finds</c>).</summary>
    public List<string> Headings { get; } = new();

    public List<CodeBlock> CodeBlocks { get; } = new();

    /// <summary>Link targets outside code blocks and inline code, with their line numbers.</summary>
    public List<(int Line, string Target)> Links { get; } = new();

    /// <summary>Section text by <c>##</c> heading (without the hashes), code blocks included.</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    public static MarkdownFile Load(string root, string relativePath)
        => new(relativePath.Replace('\\', '/'), File.ReadAllText(Path.Combine(root, relativePath)));

    public static MarkdownFile FromText(string relativePath, string text) => new(relativePath, text);

    /// <summary>GitHub's anchor for each heading of the page, duplicates numbered as GitHub does.</summary>
    public HashSet<string> Anchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string heading in Headings)
        {
            string slug = Slug(heading.TrimStart('#').Trim());
            if (counts.TryGetValue(slug, out int n))
            {
                counts[slug] = n + 1;
                anchors.Add(slug + "-" + (n + 1));
            }
            else
            {
                counts[slug] = 0;
                anchors.Add(slug);
            }
        }

        return anchors;
    }

    /// <summary>GitHub heading slug: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = new StringBuilder();
        foreach (char c in InlineCode.Replace(heading, m => m.Value.Trim('`')).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }

    private void Parse()
    {
        string section = string.Empty;
        var sectionText = new StringBuilder();
        string? fence = null;
        string language = string.Empty;
        string? fileName = null;
        int blockStart = 0;
        var block = new StringBuilder();

        void CloseSection()
        {
            if (section.Length > 0)
            {
                Sections[section] = sectionText.ToString();
            }

            sectionText.Clear();
        }

        for (int i = 0; i < Lines.Length; i++)
        {
            string line = Lines[i];
            string trimmed = line.TrimStart();
            if (fence != null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim() == fence)
                {
                    CodeBlocks.Add(new CodeBlock(RelativePath, blockStart, section, language, block.ToString(), fileName));
                    block.Clear();
                    fence = null;
                }
                else
                {
                    block.Append(line).Append('\n');
                }

                sectionText.Append(line).Append('\n');
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                fence = new string('`', trimmed.TakeWhile(c => c == '`').Count());
                string[] info = trimmed.Substring(fence.Length).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                language = info.Length > 0 ? info[0].ToLowerInvariant() : string.Empty;
                fileName = info.Length > 1 ? info[1] : null;
                blockStart = i + 1;
                sectionText.Append(line).Append('\n');
                continue;
            }

            if (Heading.IsMatch(line))
            {
                Headings.Add(line.TrimEnd());
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    CloseSection();
                    section = line.Substring(3).Trim();
                    continue;
                }
            }

            sectionText.Append(line).Append('\n');
            foreach (Match match in Link.Matches(InlineCode.Replace(line, string.Empty)))
            {
                Links.Add((i + 1, match.Groups[1].Value));
            }
        }

        CloseSection();
    }
}
