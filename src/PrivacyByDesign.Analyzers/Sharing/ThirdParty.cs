using System;
using System.Collections.Immutable;

namespace PrivacyByDesign.Analyzers.Sharing
{
    /// <summary>A third party recognised by its hosts and SDK namespaces (built in, or added in privacybydesign.json).</summary>
    internal sealed class ThirdParty
    {
        public ThirdParty(string id, string name, string kind, string country, ImmutableArray<string> hosts, ImmutableArray<string> namespaces)
        {
            Id = id;
            Name = name;
            Kind = kind;
            Country = country;
            Hosts = hosts;
            Namespaces = namespaces;
        }

        public string Id { get; }

        public string Name { get; }

        /// <summary>analytics, advertising, crash-reporting, push, maps, payments, crm, messaging, monitoring, cloud.</summary>
        public string Kind { get; }

        /// <summary>ISO 3166-1 alpha-2 country where the data is processed by default.</summary>
        public string Country { get; }

        public ImmutableArray<string> Hosts { get; }

        public ImmutableArray<string> Namespaces { get; }

        /// <summary>A host matches itself and its subdomains, never a look-alike suffix ("evilsentry.io").</summary>
        public static bool HostMatches(string host, string pattern)
            => host.Equals(pattern, StringComparison.OrdinalIgnoreCase)
               || (host.Length > pattern.Length && host.EndsWith(pattern, StringComparison.OrdinalIgnoreCase) && host[host.Length - pattern.Length - 1] == '.');

        /// <summary>A namespace matches itself and its child namespaces.</summary>
        public static bool NamespaceMatches(string ns, string pattern)
            => ns.Equals(pattern, StringComparison.Ordinal)
               || (ns.Length > pattern.Length && ns.StartsWith(pattern, StringComparison.Ordinal) && ns[pattern.Length] == '.');
    }
}
