using System.Collections.Immutable;

namespace PrivacyByDesign.Analyzers.Rules.Exposure
{
    /// <summary>Reads the holes of a Serilog/NLog/Microsoft.Extensions.Logging message template.</summary>
    internal static class MessageTemplate
    {
        internal sealed class Hole
        {
            public Hole(string name, bool destructure, int position)
            {
                Name = name;
                Destructure = destructure;
                Position = position;
            }

            public string Name { get; }

            /// <summary><c>{@Name}</c>: the logger serialises the object's members instead of calling ToString.</summary>
            public bool Destructure { get; }

            /// <summary>The index of a positional hole (<c>{0}</c>), otherwise -1.</summary>
            public int Position { get; }
        }

        public static ImmutableArray<Hole> Holes(string template)
        {
            var holes = ImmutableArray.CreateBuilder<Hole>();
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    continue;
                }

                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                int close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    break;
                }

                string body = template.Substring(i + 1, close - i - 1);
                bool destructure = body.StartsWith("@");
                if (destructure || body.StartsWith("$"))
                {
                    body = body.Substring(1);
                }

                int end = body.IndexOfAny(new[] { ',', ':' });
                string name = end >= 0 ? body.Substring(0, end) : body;
                holes.Add(new Hole(name, destructure, int.TryParse(name, out int position) ? position : -1));
                i = close;
            }

            return holes.ToImmutable();
        }
    }
}
