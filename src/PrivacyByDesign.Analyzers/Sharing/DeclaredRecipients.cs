using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Sharing
{
    /// <summary>One <c>[assembly: Recipient(...)]</c> declaration, read into plain values.</summary>
    internal sealed class DeclaredRecipient
    {
        public DeclaredRecipient(AttributeData attribute)
        {
            Attribute = attribute;
            Id = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            Name = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
            Kind = attribute.ConstructorArguments.Length > 2 && attribute.ConstructorArguments[2].Value is int kind ? kind : 0;
            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            Contact = Text(named, "Contact");
            Country = Text(named, "Country")?.ToUpperInvariant();
            RightsProcedure = Text(named, "RightsProcedure");
            ContractReference = Text(named, "ContractReference");
            Mechanism = named.TryGetValue("Mechanism", out var mechanism) && mechanism.Value is int m ? m : 0;
            Purposes = Texts(named, "Purposes");
            Categories = Texts(named, "Categories");
            Hosts = Texts(named, "Hosts");
            Namespaces = Texts(named, "Namespaces");
        }

        public AttributeData Attribute { get; }

        public string Id { get; }

        public string? Name { get; }

        /// <summary><c>RecipientKind</c>: 0 third party, 1 entrusted processor, 2 joint processor, 3 third-party SDK.</summary>
        public int Kind { get; }

        public string? Contact { get; }

        public string? Country { get; }

        public string? RightsProcedure { get; }

        public string? ContractReference { get; }

        /// <summary><c>CrossBorderMechanism</c>; 0 is none.</summary>
        public int Mechanism { get; }

        public ImmutableArray<string> Purposes { get; }

        public ImmutableArray<string> Categories { get; }

        public ImmutableArray<string> Hosts { get; }

        public ImmutableArray<string> Namespaces { get; }

        private static string? Text(Dictionary<string, TypedConstant> named, string name)
            => named.TryGetValue(name, out var value) && value.Value is string { Length: > 0 } text ? text : null;

        private static ImmutableArray<string> Texts(Dictionary<string, TypedConstant> named, string name)
            => named.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Array && !value.IsNull
                ? value.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToImmutableArray()
                : ImmutableArray<string>.Empty;
    }

    /// <summary>
    /// The processor's declared recipients and its own country (<c>[assembly: PersonalInfoProcessor(Country = ...)]</c>,
    /// "CN" when undeclared), read once per compilation.
    /// </summary>
    internal sealed class DeclaredRecipients
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, DeclaredRecipients> s_perCompilation = new();

        private DeclaredRecipients(Compilation compilation)
        {
            var recipient = PrivacySymbols.Find(compilation, "PrivacyByDesign.RecipientAttribute");
            var processor = PrivacySymbols.Find(compilation, "PrivacyByDesign.PersonalInfoProcessorAttribute");
            var all = ImmutableArray.CreateBuilder<DeclaredRecipient>();
            string country = "CN";
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (recipient != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, recipient))
                {
                    all.Add(new DeclaredRecipient(attribute));
                }
                else if (processor != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, processor))
                {
                    country = DeclaredProcessor.From(attribute).Country;
                }
            }

            All = all.ToImmutable();
            ProcessorCountry = country;
        }

        public ImmutableArray<DeclaredRecipient> All { get; }

        /// <summary>Read once per compilation, for the sharing rules that check calls and declarations alike.</summary>
        public static DeclaredRecipients For(Compilation compilation) => s_perCompilation.GetValue(compilation, c => new DeclaredRecipients(c));

        public string ProcessorCountry { get; }

        public DeclaredRecipient? ById(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

        public DeclaredRecipient? ForHost(string host) => All.FirstOrDefault(r => r.Hosts.Any(h => ThirdParty.HostMatches(host, h)));

        public DeclaredRecipient? ForNamespace(string ns) => All.FirstOrDefault(r => r.Namespaces.Any(n => ThirdParty.NamespaceMatches(ns, n)));
    }
}
