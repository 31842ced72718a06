using System.Globalization;
using System.Text;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>
    /// Escaping for every user string that reaches a document. Purpose descriptions, names and contacts come from
    /// attributes anyone can write; none of them may break a table, inject markup, or run as a spreadsheet formula.
    /// </summary>
    internal static class Escape
    {
        /// <summary>Inline Markdown (a paragraph or a table cell): markup characters backslash-escaped, newlines folded into spaces.</summary>
        public static string Md(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(value!.Length + 8);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '\r':
                        if (i + 1 < value.Length && value[i + 1] == '\n')
                        {
                            i++;
                        }

                        sb.Append(' ');
                        break;
                    case '\n':
                    case '\u2028':
                    case '\u2029':
                        sb.Append(' ');
                        break;
                    case '\\':
                    case '`':
                    case '*':
                    case '_':
                    case '[':
                    case ']':
                    case '<':
                    case '>':
                    case '|':
                    case '#':
                    case '~':
                    case '!':
                        sb.Append('\\').Append(c);
                        break;
                    default:
                        sb.Append(char.IsControl(c) ? ' ' : c);
                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary>Inline code span for identifiers and ids; backticks in the value are replaced so the span cannot end early.</summary>
        public static string Code(string? value) => "`" + Fold(value).Replace('`', '\'') + "`";

        /// <summary>
        /// One CSV field, always quoted: quotes doubled, and a value a spreadsheet would evaluate (= + - @ tab or CR
        /// first) prefixed with an apostrophe so it stays text.
        /// </summary>
        public static string Csv(string? value)
        {
            string text = value ?? string.Empty;
            if (text.Length > 0 && (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'))
            {
                text = "'" + text;
            }

            return "\"" + text.Replace("\"", "\"\"") + "\"";
        }

        /// <summary>Appends a JSON string literal, quotes included (null as <c>null</c>), to <paramref name="sb"/>.</summary>
        public static StringBuilder Json(StringBuilder sb, string? value)
        {
            if (value == null)
            {
                return sb.Append("null");
            }

            sb.Append('"');
            // Runs of characters that need no escape (nearly all text) are copied whole, not one by one.
            int run = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string? escaped = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ when c < 0x20 || c == '\u2028' || c == '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (escaped != null)
                {
                    sb.Append(value, run, i - run).Append(escaped);
                    run = i + 1;
                }
            }

            sb.Append(value, run, value.Length - run);
            return sb.Append('"');
        }

        /// <summary>A YAML double-quoted scalar.</summary>
        public static string Yaml(string? value)
        {
            var sb = new StringBuilder().Append('"');
            foreach (char c in value ?? string.Empty)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>A Mermaid node label (inside double quotes): quotes and angle brackets as entity codes, newlines folded.</summary>
        public static string Mermaid(string? value)
            => Fold(value).Replace("#", "#35;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;").Replace("|", "#124;").Replace("`", "#96;");

        /// <summary>A safe Mermaid node id from any text: ASCII letters and digits only, with a prefix.</summary>
        public static string MermaidId(string prefix, string value)
        {
            var sb = new StringBuilder(prefix).Append('_');
            foreach (char c in value)
            {
                sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
            }

            // Distinct texts that sanitise alike stay distinct.
            return sb.Append('_').Append(StableHash(value).ToString("x8", CultureInfo.InvariantCulture)).ToString();
        }

        /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
        public static uint StableHash(string value)
        {
            uint hash = 2166136261;
            foreach (char c in value)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }

        private static string Fold(string? value)
        {
            var sb = new StringBuilder();
            foreach (char c in value ?? string.Empty)
            {
                sb.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }

            return sb.ToString();
        }
    }
}
