using System.Diagnostics;
using System.Text.Json;

namespace PrivacyByDesign.Tests.Samples;

/// <summary>
/// Builds the sample apps the way the README's main command does and reads the compiler's SARIF log, so the samples
/// cannot rot silently: the annotated app has no PBD warning, the "before" app has exactly the listed ones.
/// </summary>
public class SampleBuildTests
{
    private static readonly string Root = PrivacyByDesign.DocGen.RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public async Task Annotated_clinic_has_no_PBD_warnings_or_errors_and_writes_the_documents_the_README_lists()
    {
        string privacy = Path.Combine(Root, "samples", "ClinicApp", "privacy");
        if (Directory.Exists(privacy))
        {
            Directory.Delete(privacy, recursive: true);
        }

        var findings = await BuildAsync("samples/ClinicApp/ClinicApp.csproj");
        Assert.Empty(findings);

        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("samples/ClinicApp/privacy/", readme);
        foreach (string file in new[] { "data-inventory.json", "data-inventory.md", "collection-list.csv", "collection-list.md", "third-party-sharing-list.csv",
            "third-party-sharing-list.md", "privacy-policy.zh-CN.md", "privacy-policy.en.md", "impact-assessment.zh-CN.md", "impact-assessment.en.md", "fides.yml" })
        {
            Assert.True(File.Exists(Path.Combine(privacy, file)), $"{file} was not written to {privacy}");
        }

        Assert.Contains("Acme Online Clinic Ltd.", File.ReadAllText(Path.Combine(privacy, "privacy-policy.en.md")));
        Assert.Contains("Example Pay Pte. Ltd.", File.ReadAllText(Path.Combine(privacy, "third-party-sharing-list.csv")));
    }

    [Fact]
    public async Task Before_clinic_reports_exactly_the_expected_diagnostics()
    {
        var findings = await BuildAsync("samples/ClinicApp.Before/ClinicApp.Before.csproj");
        string expectedFile = Path.Combine(Root, "samples", "ClinicApp.Before", "expected-diagnostics.txt");
        var expected = File.ReadAllLines(expectedFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(expected.SequenceEqual(findings), $"Expected (from {expectedFile}):\n{string.Join("\n", expected)}\n\nActual:\n{string.Join("\n", findings)}");
    }

    /// <summary>"PBD1001 warning Clinic.cs:37:88" for every PBD warning or error, sorted.</summary>
    private static async Task<List<string>> BuildAsync(string project)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        string sarif = Path.Combine(Path.GetTempPath(), $"pbd-sample-{Guid.NewGuid():N}.sarif");
        try
        {
            // The package projects are already built by this test run; building them again here would race other tests.
            var (exitCode, log) = await RunAsync("dotnet", "build", Path.Combine(Root, project), "-c", configuration, "--no-incremental",
                "-p:BuildProjectReferences=false", $"-p:ErrorLog={sarif}%2Cversion=2.1",
                "-nodeReuse:false", "-v:q", "-clp:NoSummary");
            Assert.True(exitCode == 0, log);
            Assert.True(File.Exists(sarif), "No SARIF log was written.\n" + log);

            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            var findings = new List<string>();
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    string id = result.GetProperty("ruleId").GetString()!;
                    string level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                    if (!id.StartsWith("PBD", StringComparison.Ordinal) || level is not ("warning" or "error"))
                    {
                        continue;
                    }

                    var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    string file = Path.GetFileName(new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                    var region = physical.GetProperty("region");
                    findings.Add($"{id} {level} {file}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()}");
                }
            }

            findings.Sort(StringComparer.Ordinal);
            return findings;
        }
        finally
        {
            File.Delete(sarif);
        }
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
