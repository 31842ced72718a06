namespace PrivacyByDesign.Tests.Generator;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pbd-gen-" + Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    public string Out => System.IO.Path.Combine(Path, "privacy") + System.IO.Path.DirectorySeparatorChar;

    public string Read(string fileName) => File.ReadAllText(System.IO.Path.Combine(Out, fileName));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
