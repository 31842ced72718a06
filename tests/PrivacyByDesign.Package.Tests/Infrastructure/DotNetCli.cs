using System.Diagnostics;
using System.Text;

namespace PrivacyByDesign.Package.Tests.Infrastructure;

/// <summary>What a child <c>dotnet</c> run did: its command line, exit code and merged output, for assertion messages.</summary>
public sealed record CliResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() =>
        $"> {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode})\n{Output}";
}

/// <summary>Runs the dotnet CLI as a user's shell would, awaited with a timeout.</summary>
public static class DotNetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    // Set by `dotnet test`'s own MSBuild; a child build must find its SDK and targets itself, not inherit ours.
    private static readonly string[] InheritedPrefixesToDrop = { "MSBUILD", "MSBuild", "_MSBUILD", "VSTEST", "TESTINGPLATFORM" };

    public static async Task<CliResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var args = arguments.ToList();
        var start = new ProcessStartInfo(DotNetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node or compiler server outlives the test run.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";

        var commandLine = "dotnet " + string.Join(" ", args.Select(Quote));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (gate) { output.AppendLine(e.Data); } } };

        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }

            process.WaitForExit(10_000);
            string partial;
            lock (gate)
            {
                partial = output.ToString();
            }

            throw new TimeoutException($"Timed out after {watch.Elapsed.TotalSeconds:F0} s:\n> {commandLine}\n  (in {workingDirectory})\n{partial}");
        }

        // Drains the asynchronous readers.
        process.WaitForExit();
        string text;
        lock (gate)
        {
            text = output.ToString();
        }

        return new CliResult(commandLine, workingDirectory, process.ExitCode, text + $"[{watch.Elapsed.TotalSeconds:F1} s]\n");
    }

    private static string DotNetExecutable()
    {
        // The host that runs this test; falls back to the one on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string Quote(string arg) => arg.Contains(' ') ? "\"" + arg + "\"" : arg;
}
