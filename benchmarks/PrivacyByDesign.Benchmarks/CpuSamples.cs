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

    /// <param name="from">Samples taken before this time (seconds of the clock perf recorded with) are left out: the cold
    /// round, whose JIT compilation would rank code that runs once per compile (compilation-end actions) far too high.</param>
    public static void Summarise(string perfScriptOutput, int top, double from)
    {
        int total = 0, ours = 0, runtime = 0, cold = 0;
        var byCallback = new Dictionary<string, int>(StringComparer.Ordinal);
        var byMethod = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (time, stack) in Stacks(perfScriptOutput))
        {
            if (time < from)
            {
                cold++;
                continue;
            }

            total++;
            int outermost = stack.FindLastIndex(frame => frame.Contains(Package, StringComparison.Ordinal));
            if (outermost < 0)
            {
                continue;
            }

            ours++;
            // Unresolved native frames at the leaf: the runtime (allocation, collection, casts) working for the package.
            if (!stack[0].Contains("::", StringComparison.Ordinal))
            {
                runtime++;
            }

            Add(byCallback, MethodName(stack[outermost]));
            foreach (var method in stack.Take(outermost + 1).Select(MethodName).Distinct(StringComparer.Ordinal))
            {
                Add(byMethod, method);
            }
        }

        if (cold > 0)
        {
            Console.WriteLine($"{cold} samples of the cold round (JIT compilation, first loads) left out");
        }

        Console.WriteLine($"{total} samples (about 1 ms of CPU each), {ours} under the package's analyzers ({100.0 * ours / Math.Max(total, 1):F1}%), "
            + $"{runtime} of those in the runtime's native code (allocation, collection)");
        Print("by analyzer callback (inclusive)", byCallback, top);
        Print("by method under the callbacks (inclusive)", byMethod, top);
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
    /// Each sample's time and frames, innermost first: `perf script -F comm,tid,time,ip,sym` prints a header line
    /// ending in the time ("dotnet 4242 1234.567890:"), then one indented line per frame.
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
        string name = frame.Split('(')[0];
        int assembly = name.LastIndexOf("] ", StringComparison.Ordinal);
        return assembly < 0 ? name : name[(assembly + 2)..];
    }
}
