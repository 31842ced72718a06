using System.Collections.Immutable;
using System.Text;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>
    /// Splits a C# identifier into lower-case words: PascalCase, camelCase, snake_case, acronyms and digits
    /// (<c>IDCardNo</c> → id|card|no, <c>user_sfzh</c> → user|sfzh, <c>Phone2</c> → phone|2, <c>_email</c> → email).
    /// Matching on whole words is what keeps <c>des</c> from matching <c>Description</c>.
    /// </summary>
    internal static class IdentifierTokens
    {
        public static ImmutableArray<string> Split(string identifier)
        {
            var tokens = ImmutableArray.CreateBuilder<string>();
            var current = new StringBuilder();
            string name = StripFieldPrefix(identifier);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(tokens, current);
                    continue;
                }

                if (current.Length > 0)
                {
                    char prev = name[i - 1];
                    bool boundary =
                        (char.IsDigit(c) != char.IsDigit(prev)) ||
                        (char.IsUpper(c) && char.IsLower(prev)) ||
                        (char.IsUpper(c) && char.IsUpper(prev) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                    if (boundary)
                    {
                        Flush(tokens, current);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(tokens, current);
            return tokens.ToImmutable();
        }

        private static string StripFieldPrefix(string identifier)
        {
            string name = identifier.TrimStart('@');
            if (name.Length > 2 && (name.StartsWith("m_") || name.StartsWith("s_")))
            {
                return name.Substring(2);
            }

            return name;
        }

        private static void Flush(ImmutableArray<string>.Builder tokens, StringBuilder current)
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
