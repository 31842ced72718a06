namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// Reads the call stacks of `perf script` (CPU samples of the compile pipeline, see cpu-profile.sh) and prints where
/// the package's analyzers spent CPU: by the analyzer callback the compiler called (the outermost package frame of a
/// stack) and by method below those callbacks, each inclusive, merging a method's JIT tiers. Unlike the runtime's own
/// sampling profiler, perf counts a thread only while it runs, so a wait on a lock or on the collector is not a cost.
/// </summary>
public static class CpuSamples
{
    private const string Package = "PrivacyByDesign.Analyzers";

    /// <param name="windowsPath">The compile windows the pipeline wrote (PBD_PIPELINE_WINDOWS): samples outside every
    /// window are left out — the cold round, whose JIT compilation would rank code that runs once per compile
    /// (compilation-end actions) far too high, and the collections between compiles.</param>
    public static void Summarise(string perfScriptOutput, string windowsPath, int top)
    {
        var windows = File.ReadAllLines(windowsPath)
            .Select(line => line.Split('\t'))
            .Select(parts => (Variant: parts[0], Start: Seconds(parts[1]), End: Seconds(parts[2])))
            .OrderBy(w => w.Start)
            .ToArray();
        var starts = windows.Select(w => w.Start).ToArray();
        // The pipeline's first warm round starts with its first declared variant, the baseline without the package.
        var variants = windows.Select(w => w.Variant).Distinct(StringComparer.Ordinal).ToList();
        var compiles = variants.ToDictionary(v => v, v => windows.Count(w => w.Variant == v), StringComparer.Ordinal);
        var samples = variants.ToDictionary(v => v, _ => 0, StringComparer.Ordinal);
        var packageSamples = variants.ToDictionary(v => v, _ => 0, StringComparer.Ordinal);
        int outside = 0;
        var byLeafCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCallback = new Dictionary<string, int>(StringComparer.Ordinal);
        var byMethod = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNamedLeaf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (time, stack) in Stacks(perfScriptOutput))
        {
            int window = Array.BinarySearch(starts, time);
            window = window >= 0 ? window : ~window - 1;
            if (window < 0 || time > windows[window].End)
            {
                outside++;
                continue;
            }

            string variant = windows[window].Variant;
            samples[variant]++;
            int outermost = stack.FindLastIndex(frame => frame.Contains(Package, StringComparison.Ordinal));
            if (outermost < 0)
            {
                continue;
            }

            packageSamples[variant]++;
            Add(byLeafCode, KindOfCode(stack[0]));
            Add(byNamedLeaf, MethodName(stack.Find(frame => frame.Contains("::", StringComparison.Ordinal)) ?? stack[0]));
            Add(byCallback, MethodName(stack[outermost]));
            foreach (var method in stack.Take(outermost + 1).Select(MethodName).Distinct(StringComparer.Ordinal))
            {
                Add(byMethod, method);
            }
        }

        Console.WriteLine($"{outside} samples outside the warm compiles (the cold round, collections between compiles) left out");
        Console.WriteLine("samples (about 1 ms of CPU each) per warm compile, every thread of the process:");
        string baseline = variants[0];
        double basePerCompile = (double)samples[baseline] / compiles[baseline];
        foreach (var variant in variants)
        {
            double perCompile = (double)samples[variant] / compiles[variant];
            double packagePerCompile = (double)packageSamples[variant] / compiles[variant];
            Console.WriteLine($"{perCompile,9:F1}  {perCompile / basePerCompile:F3}  {variant} ({compiles[variant]} compiles); under the package's frames {packagePerCompile:F1} ({packagePerCompile / basePerCompile:P1} of the compile without it)");
        }

        Console.WriteLine($"{packageSamples.Values.Sum()} samples under the package's analyzers; their innermost frame in "
            + string.Join(", ", byLeafCode.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Print("by analyzer callback (inclusive)", byCallback, top);
        Print("by method under the callbacks (inclusive)", byMethod, top);
        Print("by innermost JIT-compiled method (exclusive; the framework and runtime code it called counted to it)", byNamedLeaf, top);
    }

    private static double Seconds(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What ran at a sample's innermost frame. JIT-compiled methods have names (the runtime's perf map); the framework's
    /// own assemblies are precompiled (ready-to-run) and perf names none of their methods, so an unnamed frame in a .dll
    /// is framework code (strings, dictionaries, LINQ), not the runtime's allocator or collector.
    /// </summary>
    private static string KindOfCode(string frame)
    {
        if (frame.Contains("::", StringComparison.Ordinal))
        {
            return "JIT-compiled code";
        }

        if (frame.Contains(".dll)", StringComparison.Ordinal))
        {
            return "precompiled framework code";
        }

        return frame.Contains("kernel", StringComparison.Ordinal) ? "the kernel" : "the runtime (allocation, collection, casts, stubs)";
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Print(string title, Dictionary<string, int> counts, int top)
    {
        Console.WriteLine("== " + title);
        foreach (var (name, samples) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top))
        {
            Console.WriteLine($"{samples,7}  {name}");
        }
    }

    /// <summary>
    /// Each sample's time and frames, innermost first: `perf script -F comm,tid,time,ip,sym,dso` prints a header line
    /// ending in the time ("dotnet 4242 1234.567890:"), then one indented line per frame ("ip symbol (module)").
    /// </summary>
    private static IEnumerable<(double Time, List<string> Frames)> Stacks(string path)
    {
        var frames = new List<string>();
        double time = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || !char.IsWhiteSpace(line[0]))
            {
                if (frames.Count > 0)
                {
                    yield return (time, frames);
                }

                frames = new List<string>();
                if (line.Length > 0)
                {
                    time = TimeOf(line);
                }

                continue;
            }

            string trimmed = line.Trim();
            int gap = trimmed.IndexOf(' ');
            frames.Add(gap < 0 ? trimmed : trimmed[(gap + 1)..]);
        }

        if (frames.Count > 0)
        {
            yield return (time, frames);
        }
    }

    private static double TimeOf(string header)
    {
        string last = header.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd(':');
        return double.TryParse(last, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) ? seconds : 0;
    }

    /// <summary>"instance void [Asm] Ns.Type::Method(args)[OptimizedTier1]" → "Ns.Type::Method": one name for every tier.</summary>
    private static string MethodName(string frame)
    {
        string name = frame.Split('(')[0].TrimEnd();
        int assembly = name.LastIndexOf("] ", StringComparison.Ordinal);
        return assembly < 0 ? name : name[(assembly + 2)..];
    }
}
