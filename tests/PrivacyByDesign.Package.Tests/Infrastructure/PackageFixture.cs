using System.IO.Compression;
using System.Security;
using System.Text.RegularExpressions;

namespace PrivacyByDesign.Package.Tests.Infrastructure;

/// <summary>
/// Packs src/PrivacyByDesign once per test run into a temporary feed and lays out a sandbox for consumer projects:
/// its own nuget.config (the feed for PrivacyByDesign, the machine's sources for everything else), its own
/// packages folder (a stale PrivacyByDesign 0.1.0 in the user's cache is never used) and stub Directory.* files
/// so no surrounding repository's props or central versions reach the consumers.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "PrivacyByDesign";
    public const string PackageVersion = "0.1.0";

    public string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Temporary folder holding the feed, the packages folder and every consumer.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pbd-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackagesDirectory => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{PackageVersion}.nupkg");

    public CliResult PackResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        // The machine's enabled sources, read before our nuget.config exists so they are the user's and machine's.
        var sources = await DotNetCli.RunAsync(Root, new[] { "nuget", "list", "source", "--format", "short" }, TimeSpan.FromMinutes(1));
        var upstream = Regex.Matches(sources.Output, @"^E[A-Z]*\s+(\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(sources.Succeeded && upstream.Count > 0, "no enabled NuGet source on this machine:\n" + sources);

        PackResult = await DotNetCli.RunAsync(RepoRoot, new[]
        {
            "pack", Path.Combine("src", "PrivacyByDesign", "PrivacyByDesign.csproj"), "-c", "Release", "-o", FeedDirectory,
            "-nodeReuse:false", "-tl:off",
        }, TimeSpan.FromMinutes(6));
        Assert.True(PackResult.Succeeded && File.Exists(PackagePath), "dotnet pack failed:\n" + PackResult);

        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(upstream));
        // Stops MSBuild's and the SDK's upward search at the sandbox.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("PBD_KEEP_PACKAGE_TESTS") == null)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates a console project referencing the packed package and restores it (the only restore it needs).</summary>
    public async Task<Consumer> CreateConsumerAsync(string name, IReadOnlyDictionary<string, string> files, string extraProjectXml = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{SecurityElement.Escape(PackagesDirectory)}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageId}" Version="{PackageVersion}" />
              </ItemGroup>
            {extraProjectXml}
            </Project>
            """);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        var consumer = new Consumer(directory, name);
        var restore = await DotNetCli.RunAsync(directory, new[] { "restore", "-nodeReuse:false", "-tl:off" });
        Assert.True(restore.Succeeded, "restore of the consumer failed:\n" + restore);
        Assert.True(
            File.Exists(Path.Combine(PackagesDirectory, PackageId.ToLowerInvariant(), PackageVersion, "analyzers", "dotnet", "cs", "PrivacyByDesign.Analyzers.dll")),
            "the package did not land in the isolated packages folder:\n" + restore);
        return consumer;
    }

    public ZipArchive OpenPackage() => ZipFile.OpenRead(PackagePath);

    private string NuGetConfig(IReadOnlyList<string> upstream)
    {
        var adds = string.Join("\n", upstream.Select((s, i) => $"""    <add key="upstream{i}" value="{SecurityElement.Escape(s)}" />"""));
        var maps = string.Join("\n", upstream.Select((_, i) => $"""    <packageSource key="upstream{i}"><package pattern="*" /></packageSource>"""));
        // Source mapping pins PrivacyByDesign to the fresh pack even if an upstream source has a 0.1.0.
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pbd-under-test" value="{SecurityElement.Escape(FeedDirectory)}" />
            {adds}
              </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="pbd-under-test"><package pattern="{PackageId}" /></packageSource>
            {maps}
              </packageSourceMapping>
            </configuration>
            """;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    // One pack and one sandbox for every class in the collection; its tests run one after another.
    public const string Name = "package";
}
