namespace PrivacyByDesign.Tests.Documentation;

/// <summary>Reads AnalyzerReleases.Shipped.md then Unshipped.md into the current rule set: id → (category, severity).</summary>
public static class ReleaseTracking
{
    public static Dictionary<string, (string Category, string Severity)> Read(params string[] files)
    {
        var rules = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string kind = string.Empty;
            foreach (string raw in file.Replace("\r\n", "\n").Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    kind = line.TrimStart('#').Trim();
                    continue;
                }

                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length < 3 || !cells[0].StartsWith("PBD", StringComparison.Ordinal))
                {
                    continue;
                }

                switch (kind)
                {
                    case "New Rules":
                        Assert.False(rules.ContainsKey(cells[0]), $"{cells[0]} is added twice");
                        rules[cells[0]] = (cells[1], cells[2]);
                        break;
                    case "Changed Rules":
                        Assert.True(rules.ContainsKey(cells[0]), $"{cells[0]} is changed before it is added");
                        rules[cells[0]] = (cells[1], cells[2]);
                        break;
                    case "Removed Rules":
                        Assert.True(rules.Remove(cells[0]), $"{cells[0]} is removed before it is added");
                        break;
                    default:
                        Assert.Fail($"rule row outside a New/Changed/Removed Rules table: {line}");
                        break;
                }
            }
        }

        return rules;
    }
}
