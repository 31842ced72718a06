using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tool;

/// <summary>privacybydesign merge --name &lt;system&gt; --out &lt;folder&gt; &lt;data-inventory.json&gt;...</summary>
internal static class MergeCommand
{
    public const string Usage = "usage: privacybydesign merge --name <system name> --out <folder> <data-inventory.json or folder>...";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? name = null;
        string? outFolder = null;
        var inputs = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Count:
                    name = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    outFolder = args[++i];
                    break;
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        if (name == null || outFolder == null || inputs.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var files = inputs.Select(p => Directory.Exists(p) ? Path.Combine(p, DocumentSet.InventoryFileName) : p).ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine("not found: " + string.Join(", ", missing));
            return 1;
        }

        InventoryModel merged;
        try
        {
            merged = InventoryMerge.Merge(name, files.Select(f => InventoryJsonReader.Read(File.ReadAllText(f))));
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error.WriteLine("cannot read the inventories: " + ex.Message);
            return 1;
        }

        var written = DocumentWriter.WriteAll(Path.GetFullPath(outFolder), DocumentSet.Render(merged), DocumentSet.OptionalFileNames, InventoryModelHash.Sha256(merged));
        output.WriteLine($"Merged {files.Count} inventories into {written.Count} documents in {Path.GetFullPath(outFolder)}");
        return 0;
    }
}
