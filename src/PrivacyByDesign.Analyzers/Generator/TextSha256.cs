using System;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// The SHA-256 of a text's UTF-8 bytes (no BOM), the same as hashing the file written from it, taken from the pieces
    /// of the text as they are produced: the whole text never has to exist, which for a large inventory would be several
    /// large-object allocations on every build.
    /// </summary>
    internal sealed class TextSha256 : IDisposable
    {
        private const int SliceLength = 4096;
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Keeps the first half of a surrogate pair that ends one piece until the next piece brings the second.
        private readonly Encoder _encoder = Utf8NoBom.GetEncoder();
        private readonly char[] _chars = new char[SliceLength];
        private readonly byte[] _bytes = new byte[Utf8NoBom.GetMaxByteCount(SliceLength)];

        public void Append(StringBuilder piece)
        {
            for (int start = 0; start < piece.Length; start += SliceLength)
            {
                int count = Math.Min(SliceLength, piece.Length - start);
                piece.CopyTo(start, _chars, 0, count);
                _hash.AppendData(_bytes, 0, _encoder.GetBytes(_chars, 0, count, _bytes, 0, flush: false));
            }
        }

        /// <summary>The hash of everything appended, in lower-case hex as <c>sha256sum</c> prints it.</summary>
        public string Finish()
        {
            _hash.AppendData(_bytes, 0, _encoder.GetBytes(_chars, 0, 0, _bytes, 0, flush: true));
            return Hex(_hash.GetHashAndReset());
        }

        public static string Hex(byte[] hash)
        {
            var text = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        public void Dispose() => _hash.Dispose();
    }
}
