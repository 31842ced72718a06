using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>A small indented JSON writer (two spaces, \n): no dependency the compiler would have to load.</summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new();
        private readonly Stack<bool> _first = new();

        public JsonWriter BeginObject(string? name = null) => Open(name, '{');

        public JsonWriter EndObject() => Close('}');

        public JsonWriter BeginArray(string? name = null) => Open(name, '[');

        public JsonWriter EndArray() => Close(']');

        public JsonWriter Prop(string name, string? value) => Raw(name, Escape.Json(value));

        public JsonWriter Prop(string name, bool value) => Raw(name, value ? "true" : "false");

        public JsonWriter Prop(string name, int value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

        public JsonWriter Strings(string name, IEnumerable<string> values)
        {
            BeginArray(name);
            foreach (var value in values)
            {
                Raw(null, Escape.Json(value));
            }

            return EndArray();
        }

        public JsonWriter Value(string? value) => Raw(null, Escape.Json(value));

        public override string ToString() => _sb.ToString() + "\n";

        private JsonWriter Open(string? name, char bracket)
        {
            Raw(name, bracket.ToString());
            _first.Push(true);
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            bool empty = _first.Pop();
            if (!empty)
            {
                _sb.Append('\n').Append(' ', _first.Count * 2);
            }

            _sb.Append(bracket);
            return this;
        }

        private JsonWriter Raw(string? name, string value)
        {
            if (_first.Count > 0)
            {
                if (!_first.Peek())
                {
                    _sb.Append(',');
                }

                _first.Pop();
                _first.Push(false);
                _sb.Append('\n').Append(' ', _first.Count * 2);
            }

            if (name != null)
            {
                _sb.Append(Escape.Json(name)).Append(": ");
            }

            _sb.Append(value);
            return this;
        }
    }
}
