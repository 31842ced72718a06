using System;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// Finds the settings that switch transport encryption off in database and broker connection strings
    /// (ADO.NET "key=value;" form, StackExchange.Redis "host,ssl=false" form, mongodb:// query strings).
    /// A setting must be a whole "key=value" segment, so prose that merely mentions "ssl=false" is not read as one.
    /// </summary>
    internal static class ConnectionStrings
    {
        // Connection strings separate settings with ';' or ','; URLs (Redis, MongoDB) with '?' and '&'.
        private static readonly char[] SettingSeparators = { ';', ',', '?', '&' };

        /// <summary>The offending "Key=Value" segment, or null.</summary>
        public static string? FindDisabledEncryption(string text)
        {
            if (text.Length > 4096 || text.IndexOf('=') < 0)
            {
                return null;
            }

            foreach (string segment in text.Split(SettingSeparators))
            {
                int eq = segment.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string key = Normalize(segment.Substring(0, eq));
                string value = segment.Substring(eq + 1).Trim().Trim('\'', '"').ToLowerInvariant();
                if (DisablesEncryption(key, value))
                {
                    return segment.Trim();
                }
            }

            return null;
        }

        private static bool DisablesEncryption(string key, string value)
        {
            switch (key)
            {
                // SQL Server: Encrypt=False/Optional; TrustServerCertificate=True skips certificate validation.
                case "encrypt":
                    return value is "false" or "no" or "optional";
                case "trustservercertificate":
                    return value is "true" or "yes";

                // PostgreSQL (SSL Mode=Disable/Allow) and MySQL (SslMode=None/Disabled).
                case "sslmode":
                    return value is "disable" or "disabled" or "none" or "allow";

                // Redis ssl=false, MongoDB tls=false / ssl=false.
                case "ssl":
                case "tls":
                case "usessl":
                case "usetls":
                    return value is "false" or "no";
                default:
                    return false;
            }
        }

        /// <summary>"SSL Mode" → "sslmode"; a key with anything but letters and spaces is not a connection-string key.</summary>
        private static string Normalize(string key)
        {
            var chars = new char[key.Length];
            int n = 0;
            string trimmed = key.Trim();
            foreach (char c in trimmed)
            {
                if (char.IsLetter(c))
                {
                    chars[n++] = char.ToLowerInvariant(c);
                }
                else if (c != ' ' && c != '_')
                {
                    return string.Empty;
                }
            }

            // More than two words is prose, not a key ("connecting with ssl").
            return trimmed.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Length > 2 ? string.Empty : new string(chars, 0, n);
        }
    }
}
