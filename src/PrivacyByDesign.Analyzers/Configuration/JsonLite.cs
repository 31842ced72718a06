using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PrivacyByDesign.Analyzers.Configuration
{
    /// <summary>A parsed JSON value with its place in the file, so diagnostics can point into AdditionalFiles.</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(TextSpan span)
        {
            Span = span;
        }

        public TextSpan Span { get; }
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
            : base(span)
        {
            Properties = properties;
        }

        public IReadOnlyList<JsonProperty> Properties { get; }

        public JsonNode? this[string name]
        {
            get
            {
                foreach (var property in Properties)
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value;
                    }
                }

                return null;
            }
        }
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
        }

        public string Name { get; }

        public TextSpan NameSpan { get; }

        public JsonNode Value { get; }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
            : base(span)
        {
            Items = items;
        }

        public IReadOnlyList<JsonNode> Items { get; }
    }

    /// <summary>A string, number, boolean or null; <see cref="Text"/> is the decoded string or the literal's text.</summary>
    internal sealed class JsonScalar : JsonNode
    {
        public JsonScalar(TextSpan span, JsonScalarKind kind, string text)
            : base(span)
        {
            Kind = kind;
            Text = text;
        }

        public JsonScalarKind Kind { get; }

        public string Text { get; }

        public bool? AsBoolean => Kind == JsonScalarKind.True ? true : Kind == JsonScalarKind.False ? false : null;

        public double? AsNumber => Kind == JsonScalarKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;
    }

    internal enum JsonScalarKind
    {
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A small, lenient JSON reader for configuration files (appsettings allows comments and trailing commas).
    /// Analyzers may not depend on System.Text.Json, and they need spans for diagnostics.
    /// </summary>
    internal sealed class JsonLite
    {
        private readonly string _text;
        private int _pos;

        private JsonLite(string text)
        {
            _text = text;
        }

        /// <summary>Parses a document; returns null and an error position when it is not JSON.</summary>
        public static JsonNode? TryParse(string text, out string? error, out TextSpan errorSpan)
        {
            var reader = new JsonLite(text);
            try
            {
                reader.SkipTrivia();
                var node = reader.ReadValue();
                reader.SkipTrivia();
                if (reader._pos < text.Length)
                {
                    throw reader.Fail("unexpected text after the JSON value");
                }

                error = null;
                errorSpan = default;
                return node;
            }
            catch (FormatException ex)
            {
                error = ex.Message;
                errorSpan = new TextSpan(Math.Min(reader._pos, text.Length), 0);
                return null;
            }
        }

        private JsonNode ReadValue()
        {
            if (_pos >= _text.Length)
            {
                throw Fail("unexpected end of file");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    int start = _pos;
                    string s = ReadString();
                    return new JsonScalar(TextSpan.FromBounds(start, _pos), JsonScalarKind.String, s);
                default:
                    return ReadLiteral();
            }
        }

        private JsonObject ReadObject()
        {
            int start = _pos++;
            var properties = new List<JsonProperty>();
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}')
                {
                    _pos++;
                    return new JsonObject(TextSpan.FromBounds(start, _pos), properties);
                }

                if (Peek() != '"')
                {
                    throw Fail("expected a property name");
                }

                int nameStart = _pos;
                string name = ReadString();
                var nameSpan = TextSpan.FromBounds(nameStart, _pos);
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                properties.Add(new JsonProperty(name, nameSpan, ReadValue()));
                SkipTrivia();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() != '}')
                {
                    throw Fail("expected ',' or '}'");
                }
            }
        }

        private JsonArray ReadArray()
        {
            int start = _pos++;
            var items = new List<JsonNode>();
            while (true)
            {
                SkipTrivia();
                if (Peek() == ']')
                {
                    _pos++;
                    return new JsonArray(TextSpan.FromBounds(start, _pos), items);
                }

                items.Add(ReadValue());
                SkipTrivia();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() != ']')
                {
                    throw Fail("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            _pos++;
            var sb = new StringBuilder();
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    break;
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Fail("bad \\u escape");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }

            throw Fail("unterminated string");
        }

        private JsonScalar ReadLiteral()
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.'))
            {
                _pos++;
            }

            string word = _text.Substring(start, _pos - start);
            var span = TextSpan.FromBounds(start, _pos);
            switch (word)
            {
                case "true": return new JsonScalar(span, JsonScalarKind.True, word);
                case "false": return new JsonScalar(span, JsonScalarKind.False, word);
                case "null": return new JsonScalar(span, JsonScalarKind.Null, word);
            }

            if (word.Length > 0 && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return new JsonScalar(span, JsonScalarKind.Number, word);
            }

            _pos = start;
            throw Fail("unexpected character");
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    _pos = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Fail($"expected '{c}'");
            }

            _pos++;
        }

        private FormatException Fail(string message) => new(message + " at offset " + _pos.ToString(CultureInfo.InvariantCulture));
    }
}
