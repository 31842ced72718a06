using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/PrivacyByDesign.Benchmarks` runs every family at 1,000 and 10,000 files
/// and prints the overhead against the baseline and the 10,000/1,000 ratio (10.0 = linear).
/// PBD_BENCH_FILES=100,1000 picks other sizes, PBD_BENCH_FAMILIES=Baseline,PrivacyExposure picks families,
/// PBD_BENCH_ITERATIONS=3 the measured iterations (default 5);
/// `-- --quick` uses one iteration (a smoke run, not a measurement).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--print-file"))
        {
            // The templates build-overhead.sh multiplies into a solution.
            Console.Write(args.Contains("--plain") ? CodeCorpus.PlainFile("__N__") : CodeCorpus.File("__N__"));
            return;
        }

        if (args.Contains("--profile-generator"))
        {
            GeneratorProfile.Run(int.Parse(args[Array.IndexOf(args, "--profile-generator") + 1], CultureInfo.InvariantCulture));
            return;
        }

        if (args.Contains("--cpu-samples"))
        {
            // cpu-profile.sh: `perf script` output and the warm compiles' windows given after --windows.
            CpuSamples.Summarise(args[Array.IndexOf(args, "--cpu-samples") + 1], args[Array.IndexOf(args, "--windows") + 1], top: 40);
            return;
        }

        if (args.Contains("--pipeline-each"))
        {
            var (files, rounds) = FilesAndRounds(args, "--pipeline-each", defaultRounds: 3);
            CompilerPipeline.RunEach(files, rounds);
            return;
        }

        if (args.Contains("--pipeline"))
        {
            var (files, rounds) = FilesAndRounds(args, "--pipeline", defaultRounds: 5);
            CompilerPipeline.Run(files, rounds);
            return;
        }

        bool quick = args.Contains("--quick");
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("PBD_BENCH_ITERATIONS"), out int n) && n > 0 ? n : 5;
        // Workstation GC, as every recorded run was measured, though this host process runs with the compiler's server GC.
        var job = (quick ? Job.Dry : Job.Default.WithWarmupCount(1).WithIterationCount(iterations).WithLaunchCount(1)).WithGcServer(false);
        var config = DefaultConfig.Instance.AddJob(job.WithId(quick ? "quick" : "measure")).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(config);
        PrintRatios(summary);
    }

    /// <summary>The `N [rounds]` after <paramref name="flag"/>.</summary>
    private static (int Files, int Rounds) FilesAndRounds(string[] args, string flag, int defaultRounds)
    {
        int at = Array.IndexOf(args, flag);
        return (int.Parse(args[at + 1], CultureInfo.InvariantCulture), at + 2 < args.Length ? int.Parse(args[at + 2], CultureInfo.InvariantCulture) : defaultRounds);
    }

    private static void PrintRatios(Summary summary)
    {
        var means = summary.Reports
            .Where(r => r.ResultStatistics != null)
            .ToDictionary(
                r => ((string)r.BenchmarkCase.Parameters["Family"], (int)r.BenchmarkCase.Parameters["Files"]),
                r => (Mean: r.ResultStatistics!.Mean, Allocated: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0));
        var sizes = means.Keys.Select(k => k.Item2).Distinct().Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| Family | Files | Mean (ms) | Overhead vs baseline | Allocated (MB) | Growth to next size |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var family in means.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal))
        {
            for (int i = 0; i < sizes.Length; i++)
            {
                if (!means.TryGetValue((family, sizes[i]), out var m))
                {
                    continue;
                }

                string overhead = means.TryGetValue(("Baseline", sizes[i]), out var b) ? (m.Mean / b.Mean).ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
                string growth = i + 1 < sizes.Length && means.TryGetValue((family, sizes[i + 1]), out var next)
                    ? (next.Mean / m.Mean).ToString("0.00", CultureInfo.InvariantCulture) + $" (size ×{sizes[i + 1] / sizes[i]})"
                    : "";
                Console.WriteLine($"| {family} | {sizes[i]} | {m.Mean / 1e6:0.0} | {overhead} | {m.Allocated / 1e6:0.0} | {growth} |");
            }
        }
    }
}
