using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Rules;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// `-- --pipeline N [rounds]`: what one project's compile costs in CPU time, the way the compiler runs it — generators,
/// then every diagnostic with the analyzers on a compilation of their own (the compiler attaches them to one) — with no package, with the analyzers only, and with the
/// analyzers and generators (writing the documents to a temporary folder); every variant also runs the analyzers and
/// generators the SDK adds to a build (<see cref="SdkComponents"/>). Variants are interleaved round by round, each
/// warm round starting one variant later; the medians of the warm rounds and the median of each round's ratio to the
/// compile without the package (with its 95% interval) are printed. CPU time rather than wall-clock, because a parallel build keeps every
/// core busy: work an analyzer does on an idle core in a single compile is paid for in a solution build. The process
/// runs with server GC, as the compiler does; the time the collector paused the compile is shown beside it.
/// </summary>
public static class CompilerPipeline
{
    public static void Run(int files, int rounds) => WithDocumentsFolder(options => RunVariants(files, rounds, options));

    /// <summary>Build properties that write the documents to a temporary folder, deleted afterwards.</summary>
    private static void WithDocumentsFolder(Action<AnalyzerConfigOptionsProvider> run)
    {
        string output = Path.Combine(Path.GetTempPath(), "pbd-pipeline-" + Environment.ProcessId);
        try
        {
            run(BuildProperties.WritesDocumentsTo(output));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void RunVariants(int files, int rounds, AnalyzerConfigOptionsProvider options)
    {
        var variants = new (string Name, bool Analyzers, bool Generators)[]
        {
            ("no package", false, false),
            ("analyzers only", true, false),
            ("analyzers and generators", true, true),
        };
        // PBD_PIPELINE_SEPARATE=1 compares the package's rules in their host with the same rules as separate analyzers.
        if (Environment.GetEnvironmentVariable("PBD_PIPELINE_SEPARATE") == "1")
        {
            variants = new[] { variants[0], variants[1], (SeparateRules, true, false) };
        }

        // PBD_PIPELINE_VARIANTS=1 runs the first variant only, =2 the first two: with `--pipeline N 0` under a tracer,
        // the difference between the two processes is what a fresh compiler pays for the analyzers (JIT included).
        if (int.TryParse(Environment.GetEnvironmentVariable("PBD_PIPELINE_VARIANTS"), out int take) && take > 0)
        {
            variants = variants.Take(take).ToArray();
        }

        var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var allocated = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var paused = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var perAnalyzer = new Dictionary<string, List<double>>();
        var ownShare = new List<double>();
        var cold = new List<string>();
        for (int round = 0; round <= rounds; round++)
        {
            // Warm rounds are ordered so that every variant follows every other equally often (a compile can be slowed
            // by what ran just before it: background JIT, the collector); round 0 keeps the declared order, so that the
            // JIT a variant adds is measured on top of the one above it.
            foreach (var variant in round == 0 ? variants : RoundOrder(variants, round))
            {
                var compilation = CodeCorpus.Create(files);
                GC.Collect();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                var pauseBefore = GC.GetTotalPauseDuration();
                long ownBefore = CpuTimedAnalyzer.Nanoseconds;
                double startSeconds = MonotonicSeconds();
                var times = Compile(compilation, variant.Analyzers, variant.Generators, options, separate: variant.Name == SeparateRules);
                if (round > 0 && Windows != null)
                {
                    File.AppendAllText(Windows, FormattableString.Invariant($"{variant.Name}\t{startSeconds:F6}\t{MonotonicSeconds():F6}\n"));
                }

                double ms = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
                double ownMs = (CpuTimedAnalyzer.Nanoseconds - ownBefore) / 1e6;
                double megabytes = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1048576.0;
                double pauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                if (round > 0)
                {
                    cpu[variant.Name].Add(ms);   // round 0 warms the JIT
                    allocated[variant.Name].Add(megabytes);
                    paused[variant.Name].Add(pauseMs);
                    if (variant.Name == variants[1].Name)
                    {
                        if (OwnCpu)
                        {
                            ownShare.Add(ownMs / ms);
                        }

                        foreach (var (analyzer, analyzerMs) in times)
                        {
                            (perAnalyzer.TryGetValue(analyzer, out var list) ? list : perAnalyzer[analyzer] = new List<double>()).Add(analyzerMs);
                        }
                    }
                }
                else
                {
                    // What a fresh compiler process pays on top of the variant before it: the code it runs for the first time.
                    double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
                    long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
                    cold.Add($"{ms,9:F0} ms  {jitMs,7:F0} ms JIT  {methods,6} methods compiled  {variant.Name}");
                }
            }
        }

        Console.WriteLine(SdkComponents.Describe());
        Console.WriteLine($"{files} files, first round in this process (each variant after the one above it, so JIT shows what a variant adds)");
        cold.ForEach(Console.WriteLine);
        if (rounds == 0)
        {
            return;
        }

        double baseline = Median(cpu[variants[0].Name]);
        Console.WriteLine($"{files} files, {rounds} warm rounds; median CPU time and allocations of one compile (generators, then diagnostics with analyzers)");
        foreach (var variant in variants)
        {
            double median = Median(cpu[variant.Name]);
            Console.WriteLine($"{median,9:F0} ms  {median / baseline:F2}  {Median(allocated[variant.Name]),7:F0} MB allocated  {Median(paused[variant.Name]),5:F0} ms GC pauses  {variant.Name}");
        }

        // Each round's compile against the same round's compile without the package: the machine's drift cancels out.
        foreach (var variant in variants.Skip(1))
        {
            var ratios = cpu[variant.Name].Zip(cpu[variants[0].Name], (with, without) => with / without).ToList();
            Console.WriteLine($"CPU ratio, {variant.Name}: median of per-round ratios {Median(ratios):F3}, 95% interval of the median {SignTestInterval(ratios)}");
        }

        if (cpu.TryGetValue(SeparateRules, out var separateCpu))
        {
            var hostRatios = cpu[variants[1].Name].Zip(separateCpu, (hosted, separate) => hosted / separate).ToList();
            Console.WriteLine($"CPU ratio, rules hosted / {SeparateRules}: median of per-round ratios {Median(hostRatios):F3}, 95% interval of the median {SignTestInterval(hostRatios)}");
        }

        if (ownShare.Count > 0)
        {
            // The compile without the package costs (1 - share) of the compile with it, in the same round.
            var overheads = ownShare.Select(share => 1 / (1 - share)).ToList();
            Console.WriteLine($"the package's callbacks, analyzers only: median {Median(ownShare):P1} of the compile's CPU time; "
                + $"overhead from it {Median(overheads):F3}, 95% interval of the median {SignTestInterval(overheads)}");
        }

        if (perAnalyzer.Count > 0)
        {
            Console.WriteLine(OwnCpu
                ? "median CPU time in each analyzer's callbacks (ms), analyzers only, on the threads that ran them"
                : "median time in each analyzer's callbacks (ms), analyzers only, as the driver clocks them");
            foreach (var (analyzer, list) in perAnalyzer.OrderByDescending(a => Median(a.Value)).ThenBy(a => a.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{Median(list),9:F1}  {analyzer}");
            }
        }
    }

    /// <summary>
    /// `-- --pipeline-each N [rounds]`: each of the package's analyzers alone on top of the SDK's, against the SDK's alone —
    /// the allocations and CPU time one rule family adds to a compile, so a rule that allocates far more than the others
    /// shows even when its callbacks look cheap on the driver's clock (what it allocates is paid in collections later).
    /// </summary>
    public static void RunEach(int files, int rounds) => WithDocumentsFolder(options => RunEachAnalyzer(files, rounds, options));

    private static void RunEachAnalyzer(int files, int rounds, AnalyzerConfigOptionsProvider options)
    {
        var candidates = new List<(string Name, DiagnosticAnalyzer? Analyzer)> { ("SDK only", null) };
        candidates.AddRange(PrivacyRulesAnalyzer.HostedRules.Select(a => (a.GetType().Name, (DiagnosticAnalyzer?)a)));
        var megabytes = candidates.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = candidates.ToDictionary(c => c.Name, _ => new List<double>());
        for (int round = 0; round <= rounds; round++)
        {
            foreach (var (name, analyzer) in candidates)
            {
                var compilation = CodeCorpus.Create(files);
                GC.Collect();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var chosen = SdkComponents.Analyzers.Add(analyzer ?? new EmptyAnalyzer());
                _ = compilation.WithAnalyzers(chosen, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options)).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                if (round > 0)
                {
                    megabytes[name].Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1048576.0);
                    cpu[name].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
                }
            }
        }

        double baseMegabytes = Median(megabytes["SDK only"]);
        double baseCpu = Median(cpu["SDK only"]);
        Console.WriteLine($"{files} files, {rounds} warm rounds; medians of one compile with the SDK's analyzers and one of the package's (no generators)");
        Console.WriteLine($"{baseMegabytes,9:F1} MB  {baseCpu,7:F0} ms  SDK only");
        foreach (var (name, _) in candidates.Skip(1).OrderByDescending(c => Median(megabytes[c.Name])).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            Console.WriteLine($"{Median(megabytes[name]) - baseMegabytes,+9:F1} MB  {Median(cpu[name]) - baseCpu,+7:F0} ms  {name}");
        }
    }

    /// <summary>
    /// PBD_PIPELINE_ANALYZER_TIMES=1: also print each analyzer's time as the driver clocks it (-p:ReportAnalyzer=true's
    /// numbers). Timing every callback and running the analyzers after the compiler make the whole compile slower, so
    /// the CPU times above are then not comparable with a run without it; the per-analyzer times are for ranking. The
    /// driver clocks the rule host as one analyzer; with PBD_PIPELINE_OWN_CPU=1 as well, each rule is listed.
    /// </summary>
    private static readonly bool AnalyzerTimes = Environment.GetEnvironmentVariable("PBD_PIPELINE_ANALYZER_TIMES") == "1";

    /// <summary>
    /// PBD_PIPELINE_EMIT=1: every variant's compile also generates its code (an emit to a null stream), which a build's
    /// compile does and the diagnostics alone do not. The public API cannot emit the compilation the analyzers run on,
    /// so the emit binds the method bodies a second time (about half of its cost here): without it a compile is
    /// undercounted, with it overcounted, and the package's true share of a compile lies between the two.
    /// </summary>
    private static readonly bool Emit = Environment.GetEnvironmentVariable("PBD_PIPELINE_EMIT") == "1";

    /// <summary>
    /// PBD_PIPELINE_OWN_CPU=1: also time the package's callbacks in their threads' CPU time (<see cref="CpuTimedAnalyzer"/>)
    /// and print their share of the same compile's CPU time. Machine drift cancels inside one compile, which two compiles
    /// compared round by round cannot do. It leaves out the driver's own work for the package (dispatching callbacks,
    /// handling findings) and the collections its allocations cause on the collector's threads, and it counts lazy work
    /// of the compiler that a callback triggers first (loading a referenced namespace) as the package's.
    /// </summary>
    private static readonly bool OwnCpu = Environment.GetEnvironmentVariable("PBD_PIPELINE_OWN_CPU") == "1";

    /// <summary>
    /// The order of warm round <paramref name="round"/> (from 1), a Williams design, as build-overhead.sh orders its
    /// builds: the first order 0, 1, n-1, 2, n-2, … shifted by each k &lt; n and, for an odd n, also reversed, so that over
    /// every n rounds (2n when n is odd) each variant comes straight after each other one equally often. Starting each
    /// round one variant later would keep the cyclic order, and with it each variant's predecessor.
    /// </summary>
    internal static T[] RoundOrder<T>(T[] variants, int round)
    {
        int n = variants.Length;
        var first = new int[n];
        for (int j = 1, low = 1, high = n - 1; j < n; j++)
        {
            first[j] = j % 2 == 1 ? low++ : high--;
        }

        int k = (round - 1) % (n % 2 == 0 ? n : 2 * n);
        return Enumerable.Range(0, n).Select(j => variants[(first[k < n ? j : n - 1 - j] + k % n) % n]).ToArray();
    }

    /// <summary>
    /// PBD_PIPELINE_WINDOWS=file (cpu-profile.sh): each warm compile appends a line "variant, start, end" in seconds of
    /// the monotonic clock perf records with (-k CLOCK_MONOTONIC), so CPU samples can be told apart by variant; the
    /// cold round and the collections between compiles fall outside every window.
    /// </summary>
    private static readonly string? Windows = Environment.GetEnvironmentVariable("PBD_PIPELINE_WINDOWS") is { Length: > 0 } path ? path : null;

    private static double MonotonicSeconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private const string SeparateRules = "rules as separate analyzers";

    private static List<(string Analyzer, double Milliseconds)> Compile(Compilation compilation, bool analyzers, bool generators, AnalyzerConfigOptionsProvider options, bool separate)
    {
        var chosenGenerators = generators ? SdkComponents.Generators.AddRange(PackageComponents.Generators) : SdkComponents.Generators;
        if (!chosenGenerators.IsEmpty)
        {
            CSharpGeneratorDriver.Create(chosenGenerators, optionsProvider: options)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        // With PBD_PIPELINE_OWN_CPU each rule is timed inside the host, as the build runs it.
        var timed = OwnCpu && !separate ? PrivacyRulesAnalyzer.HostedRules.Select(a => new CpuTimedAnalyzer(a)).ToImmutableArray() : ImmutableArray<CpuTimedAnalyzer>.Empty;
        var package = separate ? PrivacyRulesAnalyzer.HostedRules
            : OwnCpu ? ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyRulesAnalyzer(timed.CastArray<DiagnosticAnalyzer>()))
            : PackageComponents.BuildAnalyzers;
        var chosen = SdkComponents.Analyzers.AddRange(analyzers ? package : ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()));
        var withAnalyzers = compilation.WithAnalyzers(chosen, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: analyzers && AnalyzerTimes));
        if (!analyzers || !AnalyzerTimes)
        {
            _ = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            if (Emit)
            {
                _ = compilation.Emit(Stream.Null);
            }

            return OwnTimes(timed);
        }

        // The analyzers' telemetry is kept by GetAnalysisResultAsync, which runs them after the compiler rather than beside it.
        _ = compilation.GetDiagnostics();
        var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        // With both switches the per-analyzer lines are the CPU times, as their heading says (the driver's clock would
        // name every wrapped analyzer CpuTimedAnalyzer).
        return OwnCpu ? OwnTimes(timed) : result.AnalyzerTelemetryInfo.Select(t => (t.Key.GetType().Name, t.Value.ExecutionTime.TotalMilliseconds)).ToList();
    }

    private static List<(string Analyzer, double Milliseconds)> OwnTimes(ImmutableArray<CpuTimedAnalyzer> timed)
        => timed.Select(t => (t.Name, t.OwnNanoseconds / 1e6)).ToList();

    /// <summary>
    /// A distribution-free interval of at least 95% for the median (the sign test's): from the k-th smallest to the k-th
    /// largest value, k the largest with P(Binomial(n, 1/2) &lt; k) &lt;= 2.5%. The same rule as build-overhead.sh's.
    /// </summary>
    private static string SignTestInterval(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length, k = 0;
        double term = Math.Pow(0.5, n), below = term;
        for (int i = 0; i < n && below <= 0.025; i++)
        {
            k = i + 1;
            term = term * (n - i) / (i + 1);
            below += term;
        }

        return k < 1 ? $"none ({n} rounds; it needs 6)" : $"{sorted[k - 1]:F3}-{sorted[n - k]:F3}";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
