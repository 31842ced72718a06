using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// The only place the package touches the file system. Writing the published documents is the generator's job
    /// (issue 8: files on real builds), which RS1035 bans in general because IDE hosts run generators on every
    /// keystroke; the generator calls this only outside design-time builds, for a folder the project configured.
    /// </summary>
#pragma warning disable RS1035 // File IO is the purpose of this class; see above.
    internal static class DocumentWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Written last, beside the documents: the package build that rendered them, the hash of the model they were
        /// rendered from (<see cref="InventoryModelHash"/>) and the SHA-256 of each file, in <c>sha256sum</c> format. It
        /// lets a build whose model hashes the same skip rendering.
        /// </summary>
        public const string StampFileName = ".privacybydesign.sha256";

        /// <summary>Identifies the renderers: the analyzer assembly's module version id changes whenever its code does.</summary>
        public static string RendererVersion { get; } = typeof(DocumentWriter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

        /// <summary>
        /// Whether <paramref name="folder"/> already holds, untouched, the documents these renderers made from the model
        /// whose hash is <paramref name="modelSha256"/>: the documents are a function of the two, so they would render
        /// byte for byte the same.
        /// </summary>
        public static bool IsCurrent(string folder, string modelSha256, IEnumerable<string> optionalFileNames, string rendererVersion)
        {
            string stamp = Path.Combine(folder, StampFileName);
            if (!File.Exists(stamp))
            {
                return false;
            }

            var lines = File.ReadAllText(stamp, Utf8NoBom).Split('\n');
            if (lines.Length < 2 || lines[0] != StampHeader(rendererVersion, modelSha256))
            {
                return false;
            }

            // Every listed file must still have its hash: a document edited or deleted by hand is written again.
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                int gap = line.IndexOf("  ", StringComparison.Ordinal);
                string fileName = gap < 0 ? string.Empty : line.Substring(gap + 2);
                string path = Path.Combine(folder, fileName);
                string hash = gap < 0 ? string.Empty : line.Substring(0, gap);
                if (!IsSafeFileName(fileName) || !File.Exists(path) || hash != Sha256OfFile(path))
                {
                    return false;
                }

                listed.Add(fileName);
            }

            return listed.Contains(DocumentSet.InventoryFileName)
                && !optionalFileNames.Any(optional => !listed.Contains(optional) && IsSafeFileName(optional) && File.Exists(Path.Combine(folder, optional)));
        }

        /// <summary>Whether <paramref name="fileName"/> is a plain file name that stays inside the output folder.</summary>
        public static bool IsSafeFileName(string fileName)
        {
            return !string.IsNullOrWhiteSpace(fileName)
                && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
                && fileName.IndexOfAny(new[] { '/', '\\', ':' }) < 0
                && !Path.IsPathRooted(fileName)
                && fileName != "." && fileName != ".."
                && !fileName.StartsWith(".", StringComparison.Ordinal)
                && string.Equals(Path.GetFileName(fileName), fileName, StringComparison.Ordinal);
        }

        /// <summary>
        /// Writes every document atomically (a temporary file in the same folder, then replace) and deletes the
        /// optional documents that are no longer produced. Unchanged files are left alone so their timestamps do not
        /// move. <paramref name="modelSha256"/> is the hash of the model the documents were rendered from, for the stamp.
        /// Returns the full paths written or kept.
        /// </summary>
        public static IReadOnlyList<string> WriteAll(string folder, IEnumerable<RenderedDocument> documents, IEnumerable<string> optionalFileNames, string modelSha256)
        {
            if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathRooted(folder))
            {
                throw new ArgumentException("The output folder must be an absolute path.", nameof(folder));
            }

            string root = Path.GetFullPath(folder);
            string rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            var list = documents.ToList();
            foreach (var document in list)
            {
                if (!IsSafeFileName(document.FileName) || !Path.GetFullPath(Path.Combine(root, document.FileName)).StartsWith(rootWithSeparator, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"'{document.FileName}' is not a plain file name inside the output folder.", nameof(documents));
                }
            }

            Directory.CreateDirectory(root);
            var written = new List<string>();
            var stamp = new StringBuilder(StampHeader(RendererVersion, modelSha256)).Append('\n');
            foreach (var document in list)
            {
                string target = Path.Combine(root, document.FileName);
                byte[] bytes = Utf8NoBom.GetBytes(document.Content);
                WriteIfChanged(target, bytes);
                written.Add(target);
                stamp.Append(Sha256(bytes)).Append("  ").Append(document.FileName).Append('\n');
            }

            var produced = new HashSet<string>(list.Select(d => d.FileName), StringComparer.Ordinal);
            foreach (var optional in optionalFileNames)
            {
                string stale = Path.Combine(root, optional);
                if (IsSafeFileName(optional) && !produced.Contains(optional) && File.Exists(stale))
                {
                    File.Delete(stale);
                }
            }

            WriteIfChanged(Path.Combine(root, StampFileName), Utf8NoBom.GetBytes(stamp.ToString()));
            return written;
        }

        private static string StampHeader(string rendererVersion, string modelSha256) => "# PrivacyByDesign renderers " + rendererVersion + " model " + modelSha256;

        private static string Sha256(byte[] bytes)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return TextSha256.Hex(sha.ComputeHash(bytes));
        }

        // The verifying path runs on every build and hashes documents of any size: streamed through small buffers
        // rather than read or encoded whole, which for a large inventory would be several large-object allocations per build.
        private static string Sha256OfFile(string path)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return TextSha256.Hex(sha.ComputeHash(stream));
        }

        private static void WriteIfChanged(string target, byte[] bytes)
        {
            if (File.Exists(target) && File.ReadAllBytes(target).SequenceEqual(bytes))
            {
                return;
            }

            // Same folder, so the final rename never crosses volumes; unique, so parallel target frameworks do not collide.
            string temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                if (File.Exists(target))
                {
                    File.Replace(temp, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(temp, target);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
#pragma warning restore RS1035
}
