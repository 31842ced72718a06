using System.Text.Json;

namespace PrivacyByDesign.Package.Tests.Infrastructure;

/// <summary>A restored throwaway project that uses the package; every build runs without restore.</summary>
public sealed class Consumer
{
    public Consumer(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Directory, relative);

    public void Write(string relative, string content) => File.WriteAllText(PathOf(relative), content);

    /// <summary>
    /// <c>dotnet build --no-restore</c> plus <paramref name="arguments"/>. Incremental on purpose: a knob flipped
    /// between two builds must still take effect, as it does on a developer's machine.
    /// </summary>
    public Task<CliResult> BuildAsync(params string[] arguments) =>
        DotNetCli.RunAsync(Directory, new[] { "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" }.Concat(arguments));

    public static string ErrorLogArgument(string sarifPath) => $"-p:ErrorLog={sarifPath}%2Cversion=2.1";
}

/// <summary>One result of a SARIF 2.1 log written by the compiler's /errorlog.</summary>
public sealed record SarifResult(string RuleId, string Level, string Message, string? Uri, int? StartLine)
{
    public static IReadOnlyList<SarifResult> Read(string path, string context)
    {
        Assert.True(File.Exists(path), $"no SARIF log at {path}:\n{context}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());

        var results = new List<SarifResult>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                string? uri = null;
                int? line = null;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString();
                    if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine))
                    {
                        line = startLine.GetInt32();
                    }
                }

                results.Add(new SarifResult(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    result.GetProperty("message").GetProperty("text").GetString()!,
                    uri,
                    line));
            }
        }

        return results;
    }
}
