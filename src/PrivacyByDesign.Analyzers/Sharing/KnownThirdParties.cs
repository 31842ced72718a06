using System.Collections.Immutable;

namespace PrivacyByDesign.Analyzers.Sharing
{
    /// <summary>The third parties a compilation recognises: the project's own (privacybydesign.json) first, then the built-in list.</summary>
    internal sealed class KnownThirdParties
    {
        private readonly ImmutableArray<ThirdParty> _all;

        public KnownThirdParties(ImmutableArray<ThirdParty> custom)
        {
            _all = custom.AddRange(ThirdPartyCatalog.BuiltIn);
        }

        public ThirdParty? ForHost(string host)
        {
            foreach (var party in _all)
            {
                foreach (string pattern in party.Hosts)
                {
                    if (ThirdParty.HostMatches(host, pattern))
                    {
                        return party;
                    }
                }
            }

            return null;
        }

        public ThirdParty? ForNamespace(string ns)
        {
            foreach (var party in _all)
            {
                foreach (string pattern in party.Namespaces)
                {
                    if (ThirdParty.NamespaceMatches(ns, pattern))
                    {
                        return party;
                    }
                }
            }

            return null;
        }
    }
}
