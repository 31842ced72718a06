using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Collection
{
    /// <summary>One <c>[assembly: ProcessingPurpose]</c> declaration.</summary>
    internal sealed class DeclaredPurpose
    {
        private DeclaredPurpose(string id, int legalBasis, ImmutableArray<string>? necessaryCategories, bool essential, AttributeData attribute)
        {
            Id = id;
            LegalBasis = legalBasis;
            NecessaryCategoryList = necessaryCategories ?? ImmutableArray<string>.Empty;
            NecessaryCategories = necessaryCategories?.ToImmutableHashSet(StringComparer.Ordinal);
            Essential = essential;
            Attribute = attribute;
            Description = attribute.ConstructorArguments[1].Value as string ?? string.Empty;
            DescriptionZh = NamedArgument(attribute, "DescriptionZh")?.Value as string;
            BusinessFunction = NamedArgument(attribute, "BusinessFunction")?.Value as string;
            Retention = NamedArgument(attribute, "Retention")?.Value as string;
            OnExpiry = NamedArgument(attribute, "OnExpiry")?.Value is int expiry ? expiry : 0;
        }

        /// <summary>Reads one <c>[ProcessingPurpose(id, description, legalBasis)]</c>; null when it is malformed (half-typed code).</summary>
        public static DeclaredPurpose? From(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 3 || attribute.ConstructorArguments[0].Value is not string id)
            {
                return null;
            }

            int basis = attribute.ConstructorArguments[2].Value is int b ? b : 0;
            var necessary = NamedArgument(attribute, "NecessaryCategories") is { Kind: TypedConstantKind.Array, IsNull: false } array
                ? array.Values.Select(v => v.Value as string).Where(v => v != null).Select(v => v!).ToImmutableArray()
                : (ImmutableArray<string>?)null;
            bool essential = NamedArgument(attribute, "Essential") is not { Value: false };
            return new DeclaredPurpose(id, basis, necessary, essential, attribute);
        }

        public string Description { get; }

        public string? DescriptionZh { get; }

        public string? BusinessFunction { get; }

        /// <summary>ISO 8601 duration, when the purpose declares how long its data is kept.</summary>
        public string? Retention { get; }

        /// <summary><c>ExpiryAction</c>: 0 delete, 1 anonymize, 2 stop processing.</summary>
        public int OnExpiry { get; }

        /// <summary>The necessary categories in declaration order (empty when none are declared).</summary>
        public ImmutableArray<string> NecessaryCategoryList { get; }

        public string Id { get; }

        /// <summary>The <c>PrivacyByDesign.LegalBasis</c> value; 0 is consent (PIPL Art. 13(1)).</summary>
        public int LegalBasis { get; }

        public bool IsConsentBased => LegalBasis == 0;

        /// <summary>The declared necessary categories, or null when the purpose does not say.</summary>
        public ImmutableHashSet<string>? NecessaryCategories { get; }

        public bool Essential { get; }

        public AttributeData Attribute { get; }

        public Location Location => Attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
    }

    /// <summary>
    /// The purpose and consent declarations of one compilation, and how the collection rules read them on data and code:
    /// the same model the generator renders into the privacy policy's per-function table. Resolved once per compilation.
    /// </summary>
    internal sealed class PurposeDeclarations
    {
        public const string AppTypeProperty = "build_property.PrivacyByDesignAppType";

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, PurposeDeclarations> s_perCompilation = new();

        private PurposeDeclarations(Compilation compilation, AnalyzerOptions options)
        {
            ProcessingPurpose = PrivacySymbols.Find(compilation, "PrivacyByDesign.ProcessingPurposeAttribute");
            Purpose = PrivacySymbols.Find(compilation, "PrivacyByDesign.PurposeAttribute");
            RequiresSeparateConsent = PrivacySymbols.Find(compilation, "PrivacyByDesign.RequiresSeparateConsentAttribute");
            RequiresGuardianConsent = PrivacySymbols.Find(compilation, "PrivacyByDesign.RequiresGuardianConsentAttribute");
            Consent = PrivacySymbols.Find(compilation, "PrivacyByDesign.ConsentAttribute");
            ConsentWithdrawal = PrivacySymbols.Find(compilation, "PrivacyByDesign.ConsentWithdrawalAttribute");
            DataSubject = PrivacySymbols.Find(compilation, "PrivacyByDesign.DataSubjectAttribute");
            LocalOnly = PrivacySymbols.Find(compilation, "PrivacyByDesign.LocalOnlyAttribute");
            Recipient = PrivacySymbols.Find(compilation, "PrivacyByDesign.RecipientAttribute");
            var processor = PersonalInfoProcessor = PrivacySymbols.Find(compilation, "PrivacyByDesign.PersonalInfoProcessorAttribute");

            var purposes = new Dictionary<string, DeclaredPurpose>(StringComparer.Ordinal);
            string? appType = null;
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (Is(attribute, ProcessingPurpose) && DeclaredPurpose.From(attribute) is { } purpose)
                {
                    if (!purposes.ContainsKey(purpose.Id))
                    {
                        purposes.Add(purpose.Id, purpose);
                    }
                }
                else if (Is(attribute, processor) && DeclaredProcessor.From(attribute).AppType is { } declaredAppType)
                {
                    appType = declaredAppType;
                }
            }

            Purposes = purposes;
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AppTypeProperty, out string? property) && !string.IsNullOrWhiteSpace(property))
            {
                appType = property;
                AppTypeFromProperty = property.Trim();
            }

            AppType = string.IsNullOrWhiteSpace(appType) ? null : appType!.Trim();
            AppTypePreset = AppType == null ? null : AppTypePresets.Find(AppType);
        }

        public INamedTypeSymbol? ProcessingPurpose { get; }

        public INamedTypeSymbol? Purpose { get; }

        public INamedTypeSymbol? RequiresSeparateConsent { get; }

        public INamedTypeSymbol? RequiresGuardianConsent { get; }

        public INamedTypeSymbol? Consent { get; }

        public INamedTypeSymbol? ConsentWithdrawal { get; }

        public INamedTypeSymbol? DataSubject { get; }

        public INamedTypeSymbol? LocalOnly { get; }

        public INamedTypeSymbol? Recipient { get; }

        /// <summary>Declared purposes by id.</summary>
        public IReadOnlyDictionary<string, DeclaredPurpose> Purposes { get; }

        /// <summary>The app type of the regulators' necessary-information rules (MSBuild <c>PrivacyByDesignAppType</c>, else <c>PersonalInfoProcessor.AppType</c>).</summary>
        public string? AppType { get; }

        /// <summary>The MSBuild <c>PrivacyByDesignAppType</c> value, when set.</summary>
        public string? AppTypeFromProperty { get; }

        public INamedTypeSymbol? PersonalInfoProcessor { get; }

        /// <summary>The necessary categories of <see cref="AppType"/>, or null when it is unset or not one of the 38 types.</summary>
        public AppTypePreset? AppTypePreset { get; }

        /// <summary>Whether the annotation library is referenced at all; without it nothing can be declared.</summary>
        public bool HasAnnotations => Purpose != null && ProcessingPurpose != null;

        public static PurposeDeclarations For(Compilation compilation, AnalyzerOptions options)
            => s_perCompilation.GetValue(compilation, c => new PurposeDeclarations(c, options));

        /// <summary>
        /// The purposes a collected value serves: the nearest level of <paramref name="chain"/> (member first, controller
        /// last) that names any, else the single declared purpose of a single-purpose assembly, else none.
        /// </summary>
        public ImmutableArray<string> PurposesOf(IEnumerable<ISymbol> chain)
        {
            // Asked for every collected value of every collection point: a plain loop, no query allocations.
            foreach (var symbol in chain)
            {
                ImmutableArray<string>.Builder? ids = null;
                foreach (var attribute in AttributesOf(symbol, Purpose))
                {
                    if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string id)
                    {
                        (ids ??= ImmutableArray.CreateBuilder<string>()).Add(id);
                    }
                }

                if (ids != null)
                {
                    return ids.ToImmutable();
                }
            }

            return Purposes.Count == 1 ? ImmutableArray.Create(Purposes.Keys.First()) : ImmutableArray<string>.Empty;
        }

        /// <summary>The <c>[RequiresSeparateConsent]</c> declarations anywhere on the chain.</summary>
        public ImmutableArray<AttributeData> SeparateConsentsOf(IEnumerable<ISymbol> chain)
        {
            ImmutableArray<AttributeData>.Builder? consents = null;
            foreach (var symbol in chain)
            {
                foreach (var attribute in AttributesOf(symbol, RequiresSeparateConsent))
                {
                    (consents ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
                }
            }

            return consents?.ToImmutable() ?? ImmutableArray<AttributeData>.Empty;
        }

        public bool HasGuardianConsent(IEnumerable<ISymbol> chain)
        {
            foreach (var symbol in chain)
            {
                if (AttributesOf(symbol, RequiresGuardianConsent).Any())
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsLocalOnly(ISymbol member) => AttributesOf(member, LocalOnly).Any();

        /// <summary>
        /// The data subject of a type that describes children under 14 — <c>[DataSubject(MinimumAge = n)]</c> with n &lt; 14,
        /// or the <c>child</c> subject — else null.
        /// </summary>
        public string? ChildSubjectOf(INamedTypeSymbol type)
        {
            foreach (var attribute in AttributesOf(type, DataSubject))
            {
                string subject = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
                if (subject == "child" || (NamedArgument(attribute, "MinimumAge")?.Value is int age && age < 14))
                {
                    return subject;
                }
            }

            return null;
        }

        /// <summary>A symbol's attributes of one type, including those inherited from base types and overridden members.</summary>
        public static InheritedAttributes AttributesOf(ISymbol symbol, INamedTypeSymbol? attributeType) => new(symbol, attributeType);

        internal static bool Is(AttributeData attribute, INamedTypeSymbol? type) => type != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }

    /// <summary>
    /// A symbol's attributes of one type, its base types' and overridden members' included. A struct enumerable: the
    /// collection rules ask this for every declaration a collected value can carry, on every symbol from the member up
    /// to the controller, and an iterator object per question was a quarter of what those rules allocated.
    /// </summary>
    internal readonly struct InheritedAttributes
    {
        private readonly ISymbol _symbol;
        private readonly INamedTypeSymbol? _attributeType;

        public InheritedAttributes(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            _symbol = symbol;
            _attributeType = attributeType;
        }

        public Enumerator GetEnumerator() => new(_symbol, _attributeType);

        public bool Any() => GetEnumerator().MoveNext();

        public AttributeData? FirstOrDefault()
        {
            var enumerator = GetEnumerator();
            return enumerator.MoveNext() ? enumerator.Current : null;
        }

        public struct Enumerator
        {
            private readonly INamedTypeSymbol? _attributeType;
            private ISymbol? _next;
            private ImmutableArray<AttributeData> _attributes;
            private int _index;

            public Enumerator(ISymbol symbol, INamedTypeSymbol? attributeType)
            {
                _attributeType = attributeType;
                // Without the attribute type (not referenced) nothing can match: no symbol is read.
                _next = attributeType == null ? null : symbol;
                _attributes = ImmutableArray<AttributeData>.Empty;
                _index = -1;
                Current = null!;
            }

            public AttributeData Current { get; private set; }

            public bool MoveNext()
            {
                while (true)
                {
                    while (++_index < _attributes.Length)
                    {
                        if (PurposeDeclarations.Is(_attributes[_index], _attributeType))
                        {
                            Current = _attributes[_index];
                            return true;
                        }
                    }

                    if (_next == null)
                    {
                        return false;
                    }

                    _attributes = _next.GetAttributes();
                    _index = -1;
                    _next = Inherited(_next);
                }
            }

            private static ISymbol? Inherited(ISymbol symbol) => symbol switch
            {
                INamedTypeSymbol { BaseType: { SpecialType: not SpecialType.System_Object } baseType } => baseType,
                IMethodSymbol { OverriddenMethod: { } overridden } => overridden,
                IPropertySymbol { OverriddenProperty: { } overridden } => overridden,
                _ => null,
            };
        }
    }
}
