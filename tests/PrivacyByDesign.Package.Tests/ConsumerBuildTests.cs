using System.Text.Json;
using PrivacyByDesign.Package.Tests.Infrastructure;

namespace PrivacyByDesign.Package.Tests;

/// <summary>
/// A fresh console project that only does `PackageReference PrivacyByDesign` gets the analyzers, the configuration file
/// wiring and the MSBuild knobs, and its CI can read the results from the console and from a SARIF log.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests
{
    // 'contact.mail' is a typo of contact.email: PBD0002.
    private const string Program = """
        using PrivacyByDesign;

        namespace Shop;

        public sealed class Customer
        {
            [PersonalInfo("contact.mail")]
            public string Mail { get; set; } = "";
        }

        public static class Program
        {
            public static void Main() => Console.WriteLine(new Customer().Mail.Length);
        }
        """;

    // 'inference' must be a boolean: PBD0003, reported in the JSON file itself.
    private const string Config = """
        {
          "notPersonal": ["ProductName"],
          "inference": "yes"
        }
        """;

    private static readonly Dictionary<string, string> Files = new()
    {
        ["Program.cs"] = Program,
        ["privacybydesign.json"] = Config,
    };

    private readonly PackageFixture _package;

    public ConsumerBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task Warnings_reach_the_console_and_the_sarif_log_without_listing_the_config_file()
    {
        var consumer = await _package.CreateConsumerAsync("WarningsConsumer", Files);
        var sarif = consumer.PathOf("build.sarif");

        var build = await consumer.BuildAsync(Consumer.ErrorLogArgument(sarif));

        Assert.True(build.Succeeded, "warnings must not fail the build:\n" + build);
        Assert.Contains($"Program.cs({LineOf(Program, "contact.mail")},", LineWith(build, "warning PBD0002"));
        Assert.Contains("did you mean 'contact.email'", LineWith(build, "warning PBD0002"));
        // privacybydesign.json reached the analyzers as an AdditionalFiles item nobody listed.
        Assert.Contains($"privacybydesign.json({LineOf(Config, "inference")},", LineWith(build, "warning PBD0003"));

        var results = SarifResult.Read(sarif, build.ToString());
        var pbd0002 = Assert.Single(results, r => r.RuleId == "PBD0002");
        Assert.Equal("warning", pbd0002.Level);
        Assert.EndsWith("/Program.cs", pbd0002.Uri);
        Assert.Equal(LineOf(Program, "contact.mail"), pbd0002.StartLine);
        var pbd0003 = Assert.Single(results, r => r.RuleId == "PBD0003");
        Assert.Equal("warning", pbd0003.Level);
        Assert.EndsWith("/privacybydesign.json", pbd0003.Uri);
        Assert.Equal(LineOf(Config, "inference"), pbd0003.StartLine);
        Assert.Contains("'inference' must be true or false", pbd0003.Message);
    }

    [Fact]
    public async Task ViolationsAsErrors_fails_the_build_and_the_teams_own_severities_win()
    {
        var consumer = await _package.CreateConsumerAsync("ErrorsConsumer", Files);
        const string asErrors = "-p:PrivacyByDesignViolationsAsErrors=true";

        var plain = await consumer.BuildAsync();
        Assert.True(plain.Succeeded, plain.ToString());
        Assert.Contains("warning PBD0002", plain.Output);

        // Incremental on purpose: flipping the knob after a build must recompile, not report the old success.
        var strict = await consumer.BuildAsync(asErrors);
        Assert.False(strict.Succeeded, "PrivacyByDesignViolationsAsErrors=true must fail the build:\n" + strict);
        Assert.Contains("error PBD0002", strict.Output);
        Assert.Contains("error PBD0003", strict.Output);

        // A team that keeps PBD0002 a warning in .editorconfig overrides the package's global config.
        consumer.Write(".editorconfig", "[*.cs]\ndotnet_diagnostic.PBD0002.severity = warning\n");
        var relaxedSource = await consumer.BuildAsync(asErrors);
        Assert.Contains("warning PBD0002", relaxedSource.Output);
        Assert.DoesNotContain("error PBD0002", relaxedSource.Output);
        // .editorconfig sections match source files only; the JSON file's diagnostic is still an error.
        Assert.False(relaxedSource.Succeeded, relaxedSource.ToString());
        Assert.Contains("error PBD0003", relaxedSource.Output);

        // Diagnostics outside source files follow global configs; a team's .globalconfig outranks the package's.
        consumer.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.PBD0003.severity = warning\n");
        var relaxed = await consumer.BuildAsync(asErrors);
        Assert.True(relaxed.Succeeded, "the team's own severities must win:\n" + relaxed);
        Assert.Contains("warning PBD0002", relaxed.Output);
        Assert.Contains("warning PBD0003", relaxed.Output);
        Assert.DoesNotContain("error PBD", relaxed.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Config_files_reach_the_compiler_once(bool listedByTheProject)
    {
        var files = new Dictionary<string, string>(Files) { ["appsettings.json"] = """{ "Logging": { "LogLevel": { "Default": "Information" } } }""" };
        var listed = listedByTheProject
            ? """<ItemGroup><AdditionalFiles Include="privacybydesign.json" /><AdditionalFiles Include="appsettings.json" /></ItemGroup>"""
            : "";
        var consumer = await _package.CreateConsumerAsync(listedByTheProject ? "ListedConsumer" : "UnlistedConsumer", files, listed);
        var sarif = consumer.PathOf("build.sarif");

        var build = await consumer.BuildAsync(Consumer.ErrorLogArgument(sarif), "-t:Build", "-getItem:AdditionalFiles");

        Assert.True(build.Succeeded, build.ToString());
        var additionalFiles = AdditionalFiles(build);
        Assert.Equal(1, additionalFiles.Count(p => p == consumer.PathOf("privacybydesign.json")));
        Assert.Equal(1, additionalFiles.Count(p => p == consumer.PathOf("appsettings.json")));

        var results = SarifResult.Read(sarif, build.ToString());
        Assert.Single(results, r => r.RuleId == "PBD0003");
        Assert.DoesNotContain(results, r => r.Message.Contains("multiple times", StringComparison.OrdinalIgnoreCase)
            || r.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task IncludeConfigFiles_false_keeps_the_config_file_away_from_the_analyzers()
    {
        var consumer = await _package.CreateConsumerAsync("OptOutConsumer", Files);
        var sarif = consumer.PathOf("build.sarif");

        var before = await consumer.BuildAsync(Consumer.ErrorLogArgument(sarif));
        Assert.True(before.Succeeded, before.ToString());
        Assert.Single(SarifResult.Read(sarif, before.ToString()), r => r.RuleId == "PBD0003");

        // Incremental again: the switch alone must recompile (a stale log would still hold PBD0003, a missing one fails).
        File.Delete(sarif);
        var build = await consumer.BuildAsync(Consumer.ErrorLogArgument(sarif), "-p:PrivacyByDesignIncludeConfigFiles=false", "-t:Build", "-getItem:AdditionalFiles");

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(consumer.PathOf("privacybydesign.json"), AdditionalFiles(build));
        var results = SarifResult.Read(sarif, build.ToString());
        Assert.DoesNotContain(results, r => r.RuleId == "PBD0003");
        // The analyzers still run on the code.
        Assert.Single(results, r => r.RuleId == "PBD0002");
    }

    /// <summary>Full paths of the AdditionalFiles items after the build, from -getItem's JSON on stdout.</summary>
    private static List<string> AdditionalFiles(CliResult build)
    {
        var start = build.Output.IndexOf('{');
        var end = build.Output.LastIndexOf('}');
        Assert.True(start >= 0 && end > start, "no -getItem JSON in the output:\n" + build);
        using var json = JsonDocument.Parse(build.Output[start..(end + 1)]);
        if (!json.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items))
        {
            return new List<string>();
        }

        return items.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList();
    }

    private static string LineWith(CliResult build, string text) =>
        build.Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line with '{text}' in the build output:\n{build}");

    private static int LineOf(string source, string text) =>
        source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;
}
