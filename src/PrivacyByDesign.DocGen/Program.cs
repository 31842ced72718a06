using System;
using System.IO;
using System.Linq;

namespace PrivacyByDesign.DocGen;

/// <summary>
/// Regenerates every file derived from <c>src/taxonomy/taxonomy.json</c> and the analyzers' rule metadata.
/// Usage: <c>dotnet run --project src/PrivacyByDesign.DocGen [-- --check]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool check = args.Contains("--check");
        string root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var stale = 0;
        foreach (var file in GeneratedFiles.All(root))
        {
            string path = Path.Combine(root, file.RelativePath);
            string? current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == file.Content)
            {
                continue;
            }

            stale++;
            if (check)
            {
                Console.Error.WriteLine($"stale: {file.RelativePath}");
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                Console.WriteLine($"wrote {file.RelativePath}");
            }
        }

        return check && stale > 0 ? 1 : 0;
    }
}

public static class RepositoryRoot
{
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + start);
    }
}
