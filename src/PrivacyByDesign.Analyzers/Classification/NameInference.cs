using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>What kind of value a named member holds, as far as name inference cares.</summary>
    internal enum ValueShape
    {
        Text,
        Number,
        Boolean,
        DateTime,
        Guid,
        Other,
    }

    /// <summary>The result of inferring personal information from a name.</summary>
    internal readonly struct NameVerdict
    {
        private NameVerdict(PiCategoryInfo? category, string? detector, PiProtection protection, string? rejectedBecause)
        {
            Category = category;
            Detector = detector;
            Protection = protection;
            RejectedBecause = rejectedBecause;
        }

        /// <summary>The inferred category; null when the name is not personal information.</summary>
        public PiCategoryInfo? Category { get; }

        /// <summary>The taxonomy name that matched, e.g. <c>IdCardNo</c>.</summary>
        public string? Detector { get; }

        /// <summary>A protective marker in the name (<c>PasswordHash</c>, <c>MaskedPhone</c>).</summary>
        public PiProtection Protection { get; }

        /// <summary>Why a name that contains a detector is still not personal information; for tests and explanations.</summary>
        public string? RejectedBecause { get; }

        public bool IsPersonal => Category != null;

        public static NameVerdict None => default;

        public static NameVerdict Match(PiCategoryInfo category, string detector, PiProtection protection) => new(category, detector, protection, null);

        public static NameVerdict Rejected(string because) => new(null, null, PiProtection.None, because);
    }

    /// <summary>
    /// Infers personal information from identifiers: token-based (English and pinyin, including initials such as
    /// <c>sfzh</c>), type-aware (a <c>bool IsPhoneVerified</c> or a <c>DateTime PassportCheckedOn</c> is not personal
    /// data, a <c>long PhoneNum</c> is), context-aware (ambiguous names such as <c>Name</c> count only for a person)
    /// and aware of protective markers (<c>Hash</c>, <c>Masked</c>, <c>Token</c>). Pure: no Roslyn types, so the
    /// analyzers, the generator and the tests share it.
    /// </summary>
    internal sealed class NameInference
    {
        // Words that turn "X" into metadata about X: PasswordLength, EmailTemplateName, SecretName, PhoneVerified.
        private static readonly HashSet<string> MetadataWords = new(StringComparer.Ordinal)
        {
            "length", "len", "count", "counts", "total", "type", "types", "kind", "format", "formats", "pattern", "regex",
            "policy", "policies", "rule", "rules", "enabled", "disabled", "enable", "disable", "verified", "verify",
            "confirmed", "required", "visible", "editable", "valid", "invalid", "validator", "validation", "flag", "flags",
            "status", "state", "key", "keys", "name", "names", "label", "title", "caption", "display", "placeholder",
            "template", "templates", "column", "field", "fields", "header", "headers", "option", "options", "setting",
            "settings", "config", "configuration", "index", "idx", "offset", "size", "page", "paging", "changed", "updated",
            "created", "modified", "deleted", "sent", "received", "at", "on", "time", "date", "timestamp", "error", "errors",
            "mode", "version", "provider", "providers", "scheme", "attempts", "attempt", "retries", "retry", "limit", "max",
            "min", "minimum", "maximum", "expires", "expiration", "reset", "strength", "url", "uri", "link", "host",
            "domain", "server", "port", "sender", "service", "client", "handler", "manager", "factory", "helper", "util",
            "utils", "parser", "formatter", "builder", "repository", "controller", "env", "variable", "prefix", "suffix",
            "mapping", "map", "column", "property", "selector", "filter", "sort", "order", "by", "source", "generator",
            "changed", "verification", "request", "requests", "sms", "notification", "notifications", "subject", "body",
            "event", "events", "job", "queue", "topic", "channel", "exists", "match", "matches", "masks", "metadata",
            "description", "comment", "tooltip", "hint", "help", "icon", "button", "input", "box", "textbox", "control",
            "view", "panel", "dialog", "form", "section",
        };

        // Words that, before X, make it a count, a switch or a cursor: IsEmail, NumPhones, NextToken, MaxAge.
        private static readonly HashSet<string> NegatingPrefixes = new(StringComparer.Ordinal)
        {
            "is", "has", "can", "should", "allow", "enable", "enabled", "disable", "use", "show", "hide", "require",
            "required", "need", "max", "min", "num", "number", "count", "total", "next", "prev", "previous", "page",
            "no", "without", "default", "sample", "example", "dummy", "fake", "test", "mock",
        };

        // Words after X that keep it X: PhoneNumber, IdCardNo, AddressLine1, EmailAddressList.
        private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
        {
            "no", "num", "number", "nbr", "nr", "value", "val", "text", "str", "string", "info", "information", "data",
            "list", "raw", "plain", "clear", "full", "original", "addr", "detail", "details", "line", "lines", "confirm",
            "confirmation", "input", "entered", "new", "old", "current", "primary", "secondary", "other", "home", "work",
            "personal", "mobile", "s", "hao", "haoma", "ma",
        };

        // Prefixes that make an ambiguous word refer to a person: CustomerName, NickName, ContactAddress.
        private static readonly HashSet<string> PersonWords = new(StringComparer.Ordinal)
        {
            "user", "customer", "member", "patient", "driver", "passenger", "employee", "staff", "student", "person",
            "contact", "real", "full", "first", "last", "given", "family", "middle", "nick", "legal", "account", "holder",
            "owner", "receiver", "recipient", "consignee", "buyer", "guest", "applicant", "parent", "guardian", "child",
            "emergency", "home", "personal", "my", "spouse", "mother", "father", "citizen", "resident", "subscriber",
            "traveler", "traveller", "beneficiary", "teacher", "candidate", "shipping", "delivery", "billing", "doctor",
            "yonghu", "kehu", "huiyuan", "huanzhe", "siji", "chengke", "yuangong", "xuesheng", "shouhuoren", "lianxiren",
        };

        private static readonly HashSet<string> GetterVerbs = new(StringComparer.Ordinal)
        {
            "get", "fetch", "load", "read", "find", "lookup", "query", "resolve", "retrieve", "decrypt", "unprotect", "reveal",
        };

        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
        private readonly HashSet<string> _notPersonal;

        public NameInference(IEnumerable<PiCategoryInfo> categories, IEnumerable<string>? notPersonalNames = null)
        {
            foreach (var category in categories)
            {
                foreach (var name in category.Names)
                {
                    var tokens = IdentifierTokens.Split(name.Name);
                    string key = string.Concat(tokens);
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    var entry = new Entry(category, name.Name, name.Ambiguous, tokens.Length);
                    if (!_entries.TryGetValue(key, out var existing) || (existing.Ambiguous && !entry.Ambiguous))
                    {
                        _entries[key] = entry;
                    }
                }
            }

            _notPersonal = new HashSet<string>((notPersonalNames ?? Enumerable.Empty<string>()).Select(Normalize), StringComparer.Ordinal);
        }

        /// <summary>Infers whether a member, parameter or local with this name holds personal information.</summary>
        /// <param name="identifier">The identifier as written.</param>
        /// <param name="shape">What the value's type can hold.</param>
        /// <param name="personContext">Whether the name appears where a person is described (a User type, a sibling personal field).</param>
        /// <param name="isMethod">The name is a method's: only getters (<c>GetPhone</c>) return the data.</param>
        public NameVerdict Infer(string identifier, ValueShape shape, bool personContext, bool isMethod = false)
        {
            if (_notPersonal.Contains(Normalize(identifier)))
            {
                return NameVerdict.Rejected("configured as not personal information");
            }

            var tokens = IdentifierTokens.Split(identifier);
            if (isMethod)
            {
                if (tokens.Length > 1 && GetterVerbs.Contains(tokens[0]))
                {
                    tokens = tokens.RemoveAt(0);
                }
                else
                {
                    return NameVerdict.Rejected("a method that is not a getter");
                }
            }

            if (!TryFindBestSpan(tokens, out int start, out int end, out var entry))
            {
                return NameVerdict.None;
            }

            // IsMarried, HasHiv: for a fact a boolean can state, "is"/"has" asks the fact itself.
            bool statesFact = shape == ValueShape.Boolean && entry.Category.FlagCarriesValue;
            for (int i = 0; i < start; i++)
            {
                if (NegatingPrefixes.Contains(tokens[i]) && !(statesFact && tokens[i] is "is" or "has"))
                {
                    return NameVerdict.Rejected($"`{tokens[i]}` makes it a count, switch or cursor");
                }
            }

            var protection = PiProtection.None;
            for (int i = 0; i < tokens.Length; i++)
            {
                bool inSpan = i >= start && i < end;
                var marker = ProtectionOf(tokens, i, inSpan);
                if (marker != PiProtection.None)
                {
                    protection = marker;
                }
            }

            for (int i = end; i < tokens.Length; i++)
            {
                string t = tokens[i];
                if (MetadataWords.Contains(t))
                {
                    return NameVerdict.Rejected($"`{t}` makes it metadata about the data, not the data");
                }

                if (!NoiseWords.Contains(t) && !IsDigits(t) && ProtectionOf(tokens, i, false) == PiProtection.None)
                {
                    return NameVerdict.Rejected($"`{t}` is what the name is about");
                }
            }

            switch (shape)
            {
                case ValueShape.Boolean when !entry.Category.FlagCarriesValue:
                    return NameVerdict.Rejected("a boolean cannot hold this information");
                case ValueShape.DateTime when !entry.Category.DateIsValue:
                    return NameVerdict.Rejected("a timestamp about the data, not the data");
                case ValueShape.Guid when entry.Category.Id != "device.tracking_id":
                    return NameVerdict.Rejected("a GUID is a surrogate key");
                case ValueShape.Number when entry.Category.Id == "account.user_id":
                    return NameVerdict.Rejected("a numeric id is a surrogate key");
            }

            if (entry.Ambiguous)
            {
                bool personPrefix = start > 0;
                for (int i = 0; i < start; i++)
                {
                    if (!PersonWords.Contains(tokens[i]))
                    {
                        return NameVerdict.Rejected($"`{entry.Detector}` counts only for a person, and `{tokens[i]}` is not one");
                    }
                }

                if (!personContext && !personPrefix)
                {
                    return NameVerdict.Rejected($"`{entry.Detector}` counts only in a person context");
                }
            }

            return NameVerdict.Match(entry.Category, entry.Detector, protection);
        }

        private bool TryFindBestSpan(ImmutableArray<string> tokens, out int bestStart, out int bestEnd, out Entry bestEntry)
        {
            bestStart = bestEnd = -1;
            bestEntry = default;
            int bestChars = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                string key = string.Empty;
                for (int j = i; j < tokens.Length; j++)
                {
                    key += tokens[j];
                    if (!TryLookup(key, out var entry))
                    {
                        continue;
                    }

                    int length = j + 1 - i;
                    bool better = bestEnd < 0
                        || length > bestEnd - bestStart
                        || (length == bestEnd - bestStart && key.Length > bestChars)
                        || (length == bestEnd - bestStart && key.Length == bestChars && (!entry.Ambiguous && bestEntry.Ambiguous));
                    if (better)
                    {
                        bestStart = i;
                        bestEnd = j + 1;
                        bestEntry = entry;
                        bestChars = key.Length;
                    }
                }
            }

            return bestEnd >= 0;
        }

        private bool TryLookup(string key, out Entry entry)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                return true;
            }

            // Plurals: Emails, PhoneNumbers, Addresses.
            if (key.Length > 4 && key.EndsWith("es", StringComparison.Ordinal) && _entries.TryGetValue(key.Substring(0, key.Length - 2), out entry))
            {
                return true;
            }

            return key.Length > 3 && key.EndsWith("s", StringComparison.Ordinal) && _entries.TryGetValue(key.Substring(0, key.Length - 1), out entry);
        }

        private static PiProtection ProtectionOf(ImmutableArray<string> tokens, int index, bool inSpan)
        {
            switch (tokens[index])
            {
                case "hash":
                case "hashed":
                case "hmac":
                case "sha":
                case "sha1":
                case "sha256":
                case "sha512":
                case "md5":
                case "digest":
                case "salted":
                case "bcrypt":
                case "pbkdf2":
                    return PiProtection.Hashed;
                case "encrypted":
                case "enc":
                case "encrypt":
                case "cipher":
                case "ciphertext":
                case "crypted":
                case "crypt":
                case "protected":
                case "sealed":
                    return PiProtection.Encrypted;
                case "masked":
                case "mask":
                case "redacted":
                case "obfuscated":
                case "truncated":
                case "partial":
                    return PiProtection.Masked;
                case "last":
                case "first":
                    return !inSpan && index + 1 < tokens.Length && IsDigits(tokens[index + 1]) ? PiProtection.Masked : PiProtection.None;
                case "token":
                case "tokens":
                case "tokenized":
                case "tokenised":
                    return inSpan ? PiProtection.None : PiProtection.Tokenized;
                case "anonymized":
                case "anonymised":
                case "anon":
                case "anonymous":
                    return PiProtection.Anonymized;
                case "pseudonymized":
                case "pseudonymised":
                case "pseudonym":
                    return PiProtection.DeIdentified;
                default:
                    return PiProtection.None;
            }
        }

        private static bool IsDigits(string token)
        {
            foreach (char c in token)
            {
                if (!char.IsDigit(c))
                {
                    return false;
                }
            }

            return token.Length > 0;
        }

        private static string Normalize(string identifier) => string.Concat(IdentifierTokens.Split(identifier));

        private readonly struct Entry
        {
            public Entry(PiCategoryInfo category, string detector, bool ambiguous, int tokenCount)
            {
                Category = category;
                Detector = detector;
                Ambiguous = ambiguous;
                TokenCount = tokenCount;
            }

            public PiCategoryInfo Category { get; }

            public string Detector { get; }

            public bool Ambiguous { get; }

            public int TokenCount { get; }
        }
    }
}
