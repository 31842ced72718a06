using System.Text;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>Builds a document with \n line endings whatever the platform, so output is byte-identical everywhere.</summary>
    internal sealed class DocBuilder
    {
        private readonly StringBuilder _sb = new();

        public DocBuilder Line(string text = "")
        {
            _sb.Append(text).Append('\n');
            return this;
        }

        /// <summary>A Markdown table row from already-escaped cells.</summary>
        public DocBuilder Row(params string[] cells)
        {
            _sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            return this;
        }

        /// <summary>A Markdown table header and its separator.</summary>
        public DocBuilder Header(params string[] cells)
        {
            Row(cells);
            _sb.Append('|');
            foreach (var _ in cells)
            {
                _sb.Append("---|");
            }

            _sb.Append('\n');
            return this;
        }

        public override string ToString() => _sb.ToString();
    }
}
