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

        public JsonWriter Prop(string name, string? value)
        {
            Escape.Json(Next(name), value);
            return this;
        }

        public JsonWriter Prop(string name, bool value)
        {
            Next(name).Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter Prop(string name, int value)
        {
            Next(name).Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Strings(string name, IEnumerable<string> values)
        {
            BeginArray(name);
            foreach (var value in values)
            {
                Value(value);
            }

            return EndArray();
        }

        public JsonWriter Value(string? value)
        {
            Escape.Json(Next(null), value);
            return this;
        }

        /// <summary>Ends the document with a newline and returns it. Nothing can be written after it.</summary>
        public StringBuilder Finish() => _sb.Append('\n');

        private JsonWriter Open(string? name, char bracket)
        {
            Next(name).Append(bracket);
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

        /// <summary>Separates the next value from the previous one, writes its name if it has one, and returns the buffer for the value.</summary>
        private StringBuilder Next(string? name)
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
                Escape.Json(_sb, name).Append(": ");
            }

            return _sb;
        }
    }
}
