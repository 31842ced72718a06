using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Configuration;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Classification
{
    /// <summary>A member of a type that holds personal information.</summary>
    internal readonly struct PersonalMember
    {
        public PersonalMember(ISymbol member, PiClassification classification)
        {
            Member = member;
            Classification = classification;
        }

        public ISymbol Member { get; }

        public PiClassification Classification { get; }
    }

    /// <summary>
    /// The one classification core. For any property, field, parameter, local, method return value or type it
    /// answers: is it personal information, which category, how sensitive, how protected, and why. Inputs,
    /// strongest first: our attributes (on the symbol, then on its type); ASP.NET Core Identity
    /// <c>[PersonalData]</c>/<c>[ProtectedPersonalData]</c>; Microsoft.Extensions.Compliance classifications;
    /// <c>[NotPersonalInfo]</c>; name inference. Create one per compilation; it caches per symbol and is thread-safe.
    /// </summary>
    internal sealed class PersonalInfoClassifier
    {
        private static readonly HashSet<string> PersonTypeWords = new(StringComparer.Ordinal)
        {
            "user", "customer", "member", "account", "patient", "driver", "passenger", "employee", "staff", "student",
            "person", "people", "contact", "consignee", "receiver", "recipient", "applicant", "kyc", "profile", "guardian",
            "parent", "child", "children", "citizen", "resident", "buyer", "shopper", "subscriber", "guest", "traveler",
            "traveller", "owner", "holder", "beneficiary", "teacher", "candidate", "order", "doctor", "registration",
            "signup", "identity", "visitor", "family", "spouse", "employer", "tenant", "borrower", "cardholder", "payer",
            "payee", "yonghu", "kehu", "huiyuan", "huanzhe", "siji", "chengke", "yuangong", "xuesheng", "dingdan",
            "shouhuoren", "lianxiren",
        };

        // Configuration and infrastructure types name settings, not people: SmtpOptions.UserName, FeatureConfig.DisplayName.
        private static readonly HashSet<string> ConfigurationTypeSuffixes = new(StringComparer.Ordinal)
        {
            "options", "settings", "setting", "config", "configuration", "constants", "consts", "attribute", "exception",
            "resources", "keys", "names", "defaults", "descriptor", "metadata", "schema",
        };

        private static NameInference? s_builtInInference;

        private readonly ConcurrentDictionary<ISymbol, PiClassification> _cache = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, TypeContext> _typeContexts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<PersonalMember>> _members = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(string Name, ValueShape Shape, bool PersonContext, bool IsMethod), NameVerdict> _verdicts = new();
        private readonly Func<(string Name, ValueShape Shape, bool PersonContext, bool IsMethod), NameVerdict> _inferName;
        // The caches' factories, made once: a lambda over this would be a new delegate on every lookup.
        private readonly Func<ISymbol, PiClassification> _classifyCore;
        private readonly Func<ITypeSymbol, ImmutableArray<PersonalMember>> _findPersonalMembers;
        private readonly Func<ITypeSymbol, TypeContext> _findContextOfType;
        private readonly HashSet<string> _personTypeWords;

        public PersonalInfoClassifier(Compilation compilation, PrivacyConfig config)
        {
            Symbols = new PrivacySymbols(compilation);
            Config = config;
            Inference = ReferenceEquals(config, PrivacyConfig.Empty)
                ? s_builtInInference ??= new NameInference(BuiltInTaxonomy.Categories)
                : new NameInference(config.Taxonomy.Categories, config.NotPersonalNames);
            _inferName = key => Inference.Infer(key.Name, key.Shape, key.PersonContext, key.IsMethod);
            _classifyCore = ClassifyCore;
            _findPersonalMembers = FindPersonalMembers;
            _findContextOfType = FindContextOfType;
            _personTypeWords = config.PersonTypeWords.IsEmpty ? PersonTypeWords : new HashSet<string>(PersonTypeWords.Concat(config.PersonTypeWords), StringComparer.Ordinal);
        }

        public PrivacySymbols Symbols { get; }

        public PrivacyConfig Config { get; }

        public PiTaxonomy Taxonomy => Config.Taxonomy;

        public NameInference Inference { get; }

        /// <summary>Builds the classifier for a compilation from its AdditionalFiles configuration.</summary>
        public static PersonalInfoClassifier Create(Compilation compilation, AnalyzerOptions? options, CancellationToken cancellationToken)
        {
            var config = options == null ? PrivacyConfig.Empty : PrivacyConfig.Load(options.AdditionalFiles, cancellationToken);
            return new PersonalInfoClassifier(compilation, config);
        }

        /// <summary>
        /// The classifier shared by every analyzer running on this compilation with these options (the configuration file
        /// is one of them, and the IDE can change it without a new compilation), so each symbol is classified once.
        /// Keyed weakly on both: nothing outlives them.
        /// </summary>
        public static PersonalInfoClassifier For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            => s_perCompilation.GetOrCreateValue(compilation).GetValue(options, o => Create(compilation, o, cancellationToken));

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerOptions, PersonalInfoClassifier>> s_perCompilation = new();

        /// <summary>Classifies a property, field, parameter, local, method (its return value) or type.</summary>
        public PiClassification Classify(ISymbol symbol)
        {
            if (symbol is IFieldSymbol { AssociatedSymbol: IPropertySymbol backed })
            {
                symbol = backed;
            }

            return _cache.GetOrAdd(symbol, _classifyCore);
        }

        /// <summary>The instance and static properties and fields of a type (and its base types) that hold personal information.</summary>
        public ImmutableArray<PersonalMember> GetPersonalMembers(ITypeSymbol type) => _members.GetOrAdd(type, _findPersonalMembers);

        private ImmutableArray<PersonalMember> FindPersonalMembers(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Object)
            {
                return ImmutableArray<PersonalMember>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<PersonalMember>();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                if (!IsDataMember(member) || !declared.Add(member.Name))
                {
                    continue;
                }

                var classification = Classify(member);
                if (classification.IsPersonal)
                {
                    result.Add(new PersonalMember(member, classification));
                }
            }

            // The base type's members come from its own cached entry: a framework base such as ControllerBase is read
            // once per compilation, not once per derived type. A member declared here hides the base's of that name.
            if (type.BaseType is { } baseType)
            {
                foreach (var inherited in GetPersonalMembers(baseType))
                {
                    if (!declared.Contains(inherited.Member.Name))
                    {
                        result.Add(inherited);
                    }
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Properties and fields a data model declares (not consts, backing fields or enum members).</summary>
        public static bool IsDataMember(ISymbol member) => member switch
        {
            IPropertySymbol p => !p.IsIndexer && !p.IsImplicitlyDeclared || IsRecordPositionalProperty(p),
            IFieldSymbol f => !f.IsConst && !f.IsImplicitlyDeclared && f.AssociatedSymbol == null && f.ContainingType?.TypeKind != TypeKind.Enum,
            _ => false,
        };

        private PiClassification ClassifyCore(ISymbol symbol)
        {
            var attributes = AttributesOf(symbol);

            var declared = FromOwnAttributes(symbol, attributes);
            if (declared != null)
            {
                return declared;
            }

            var valueType = ValueTypeOf(symbol);
            if (valueType != null && symbol is not ITypeSymbol)
            {
                var byType = Classify(valueType);
                if (byType.Source == PiSource.Attribute)
                {
                    return new PiClassification(true, byType.Category, byType.CategoryId, byType.IsSensitive, PiSource.TypeAttribute, byType.Protection,
                        $"its type `{valueType.Name}` is {byType.Reason}", byType.Subject ?? SubjectOf(symbol));
                }

                if (byType.Source == PiSource.NotPersonalInfo)
                {
                    return new PiClassification(false, null, null, false, PiSource.NotPersonalInfo, PiProtection.None, $"its type `{valueType.Name}` is {byType.Reason}", null);
                }
            }

            var external = FromExternalAttributes(symbol, attributes);
            if (external != null)
            {
                return external;
            }

            if (symbol is ITypeSymbol)
            {
                return PiClassification.None;
            }

            if (symbol.ContainingType is { } containing && HasAttribute(containing.GetAttributes(), Symbols.NotPersonalInfo))
            {
                return new PiClassification(false, null, null, false, PiSource.NotPersonalInfo, PiProtection.None, $"`{containing.Name}` is marked [NotPersonalInfo]", null);
            }

            return Infer(symbol, valueType);
        }

        private PiClassification? FromOwnAttributes(ISymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                var cls = attribute.AttributeClass;
                bool sensitive = Is(cls, Symbols.SensitivePersonalInfo);
                if (!sensitive && !Is(cls, Symbols.PersonalInfo))
                {
                    continue;
                }

                string? id = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                var category = Taxonomy.Find(id);
                string? subject = SymbolRelations.NamedArgument(attribute, "Subject")?.Value as string ?? SubjectOf(symbol);
                string name = sensitive ? "SensitivePersonalInfo" : "PersonalInfo";
                return new PiClassification(true, category, id, sensitive || (category?.Sensitive ?? false), PiSource.Attribute, StoredForm(attributes),
                    $"marked [{name}(\"{id}\")]", subject);
            }

            return null;
        }

        private PiClassification? FromExternalAttributes(ISymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                var cls = attribute.AttributeClass;
                if (cls == null)
                {
                    continue;
                }

                bool isProtectedIdentity = Symbols.IdentityProtectedPersonalData.Is(cls);
                if (isProtectedIdentity || Symbols.IdentityPersonalData.Is(cls))
                {
                    return External(symbol, attributes, PiSource.IdentityPersonalData, isProtectedIdentity ? PiProtection.Encrypted : PiProtection.None,
                        $"marked [{Short(cls.Name)}] (ASP.NET Core Identity)");
                }

                if (Symbols.DataClassification != null && InheritsFrom(cls, Symbols.DataClassification))
                {
                    if (Is(cls, Symbols.NoDataClassification))
                    {
                        return new PiClassification(false, null, null, false, PiSource.NotPersonalInfo, PiProtection.None, "marked [NoDataClassification]", null);
                    }

                    return External(symbol, attributes, PiSource.DataClassification, StoredForm(attributes), $"marked [{Short(cls.Name)}] (Microsoft.Extensions.Compliance)");
                }
            }

            foreach (var attribute in attributes)
            {
                if (Is(attribute.AttributeClass, Symbols.NotPersonalInfo))
                {
                    return new PiClassification(false, null, null, false, PiSource.NotPersonalInfo, PiProtection.None, "marked [NotPersonalInfo]", null);
                }
            }

            return null;
        }

        private PiClassification External(ISymbol symbol, ImmutableArray<AttributeData> attributes, PiSource source, PiProtection protection, string reason)
        {
            // These attributes say "personal" but not which category; the name usually does.
            var verdict = InferName(symbol.Name, ShapeOf(ValueTypeOf(symbol)), personContext: true, isMethod: symbol is IMethodSymbol);
            var category = verdict.Category;
            if (protection == PiProtection.None)
            {
                protection = verdict.Protection;
            }

            return new PiClassification(true, category, category?.Id, category?.Sensitive ?? false, source, protection,
                category == null ? reason : $"{reason}; category inferred from the name `{symbol.Name}`", SubjectOf(symbol));
        }

        private PiClassification Infer(ISymbol symbol, ITypeSymbol? valueType)
        {
            if (!Config.InferenceEnabled || !CanBeInferred(symbol))
            {
                return PiClassification.None;
            }

            var context = ContextOf(symbol);
            if (context == TypeContext.Configuration)
            {
                return PiClassification.None;
            }

            var verdict = InferName(symbol.Name, ShapeOf(valueType), context == TypeContext.Person || HasPersonSiblings(symbol), symbol is IMethodSymbol);
            if (!verdict.IsPersonal)
            {
                return PiClassification.None;
            }

            var category = verdict.Category!;
            string reason = string.Equals(symbol.Name, verdict.Detector, StringComparison.OrdinalIgnoreCase)
                ? $"inferred from the name `{symbol.Name}`"
                : $"inferred from the name `{symbol.Name}` (matches `{verdict.Detector}`)";
            return new PiClassification(true, category, category.Id, category.Sensitive, PiSource.NameInference, verdict.Protection, reason, SubjectOf(symbol));
        }

        private static bool CanBeInferred(ISymbol symbol) => symbol switch
        {
            IFieldSymbol f => !f.IsConst && f.ContainingType?.TypeKind != TypeKind.Enum,
            IPropertySymbol p => !p.IsIndexer,
            IParameterSymbol or ILocalSymbol => true,
            IMethodSymbol m => m.MethodKind == MethodKind.Ordinary && !m.ReturnsVoid,
            _ => false,
        };

        private TypeContext ContextOf(ISymbol symbol)
        {
            var containingType = symbol.ContainingType;
            var typeContext = containingType == null ? TypeContext.Neutral : ContextOfType(containingType);
            if (typeContext != TypeContext.Neutral)
            {
                return typeContext;
            }

            // Parameters and locals: a method about a person (RegisterCustomer) is a person context.
            if (symbol is IParameterSymbol or ILocalSymbol && symbol.ContainingSymbol is IMethodSymbol method && HasPersonWord(method.Name))
            {
                return TypeContext.Person;
            }

            return TypeContext.Neutral;
        }

        private TypeContext ContextOfType(ITypeSymbol type) => _typeContexts.GetOrAdd(type, _findContextOfType);

        private TypeContext FindContextOfType(ITypeSymbol type)
        {
            var attributes = type.GetAttributes();
            if (HasAttribute(attributes, Symbols.DataSubject) || HasAttribute(attributes, Symbols.PersonalInfo) || HasAttribute(attributes, Symbols.SensitivePersonalInfo))
            {
                return TypeContext.Person;
            }

            var tokens = IdentifierTokens.Split(type.Name);
            if (tokens.Length > 0 && ConfigurationTypeSuffixes.Contains(tokens[tokens.Length - 1]))
            {
                return TypeContext.Configuration;
            }

            if (tokens.Any(_personTypeWords.Contains))
            {
                return TypeContext.Person;
            }

            // A type with an unmistakable personal field (IdCardNo, Email) describes a person.
            foreach (var member in type.GetMembers())
            {
                if (IsDataMember(member) && (FromOwnAttributes(member, member.GetAttributes()) != null
                    || InferName(member.Name, ShapeOf(ValueTypeOf(member)), personContext: false, isMethod: false).IsPersonal))
                {
                    return TypeContext.Person;
                }
            }

            return TypeContext.Neutral;
        }

        private bool HasPersonSiblings(ISymbol symbol)
        {
            if (symbol is IParameterSymbol parameter && parameter.ContainingSymbol is IMethodSymbol method)
            {
                foreach (var sibling in method.Parameters)
                {
                    if (!SymbolEqualityComparer.Default.Equals(sibling, parameter)
                        && InferName(sibling.Name, ShapeOf(sibling.Type), personContext: false, isMethod: false).IsPersonal)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The name inference's verdict, once per distinct name, shape and context in the compilation: the same member
        /// names recur across a program's types (Id, Name, Phone), and splitting a name into words allocates.
        /// </summary>
        private NameVerdict InferName(string name, ValueShape shape, bool personContext, bool isMethod)
            => _verdicts.GetOrAdd((name, shape, personContext, isMethod), _inferName);

        private bool HasPersonWord(string name) => IdentifierTokens.Split(name).Any(_personTypeWords.Contains);

        private string? SubjectOf(ISymbol symbol)
        {
            for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type != null; type = type.ContainingType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (Is(attribute.AttributeClass, Symbols.DataSubject) && attribute.ConstructorArguments.Length == 1)
                    {
                        return attribute.ConstructorArguments[0].Value as string;
                    }
                }
            }

            return null;
        }

        private PiProtection StoredForm(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (Is(attribute.AttributeClass, Symbols.StoredAs) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int form)
                {
                    // StorageForm.Plain = 0 … Anonymized = 7; PiProtection shares the numbering.
                    return (PiProtection)form;
                }
            }

            return PiProtection.None;
        }

        /// <summary>The symbol's attributes, plus those of a record's positional parameter and of overridden members.</summary>
        private static ImmutableArray<AttributeData> AttributesOf(ISymbol symbol)
        {
            switch (symbol)
            {
                case IPropertySymbol property:
                {
                    var result = property.GetAttributes();
                    var parameter = RecordParameterOf(property);
                    if (parameter != null)
                    {
                        result = result.AddRange(parameter.GetAttributes());
                    }

                    for (var overridden = property.OverriddenProperty; overridden != null; overridden = overridden.OverriddenProperty)
                    {
                        result = result.AddRange(overridden.GetAttributes());
                    }

                    return result;
                }

                case IMethodSymbol method:
                    return method.GetReturnTypeAttributes();
                default:
                    return symbol.GetAttributes();
            }
        }

        private static bool IsRecordPositionalProperty(IPropertySymbol property) => RecordParameterOf(property) != null;

        private static IParameterSymbol? RecordParameterOf(IPropertySymbol property)
        {
            if (property.ContainingType is not { IsRecord: true } record || property.Locations.Length == 0)
            {
                return null;
            }

            var location = property.Locations[0];
            foreach (var ctor in record.InstanceConstructors)
            {
                foreach (var parameter in ctor.Parameters)
                {
                    if (parameter.Name == property.Name && parameter.Locations.Length > 0 && parameter.Locations[0] == location)
                    {
                        return parameter;
                    }
                }
            }

            return null;
        }

        /// <summary>The type of the value a symbol holds, with Nullable, arrays, collections and Task unwrapped.</summary>
        public static ITypeSymbol? ValueTypeOf(ISymbol symbol)
        {
            var type = symbol switch
            {
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                IParameterSymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IMethodSymbol m => m.ReturnType,
                _ => null,
            };
            return type == null ? null : Unwrap(type);
        }

        /// <summary>The element type a value of <paramref name="type"/> carries: Nullable, arrays (not byte[]), collections and Task unwrapped.</summary>
        public static ITypeSymbol UnwrapValueType(ITypeSymbol type) => Unwrap(type);

        private static ITypeSymbol Unwrap(ITypeSymbol type)
        {
            for (int depth = 0; depth < 4; depth++)
            {
                if (type is IArrayTypeSymbol array && array.ElementType.SpecialType != SpecialType.System_Byte)
                {
                    type = array.ElementType;
                    continue;
                }

                if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && type.SpecialType != SpecialType.System_String
                    && (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || IsContainer(named)))
                {
                    type = named.TypeArguments[0];
                    continue;
                }

                break;
            }

            return type;
        }

        private static bool IsContainer(INamedTypeSymbol named)
        {
            if (named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IList_T
                or SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                or SpecialType.System_Collections_Generic_IReadOnlyCollection_T)
            {
                return true;
            }

            var ns = named.ContainingNamespace;
            return SymbolRelations.IsNamespace(ns, "System.Collections.Generic") || SymbolRelations.IsNamespace(ns, "System.Collections.Immutable")
                || SymbolRelations.IsNamespace(ns, "System.Threading.Tasks") || SymbolRelations.IsNamespace(ns, "System.Collections.ObjectModel");
        }

        public static ValueShape ShapeOf(ITypeSymbol? type)
        {
            if (type == null)
            {
                return ValueShape.Other;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                    return ValueShape.Text;
                case SpecialType.System_Boolean:
                    return ValueShape.Boolean;
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    return ValueShape.Number;
                case SpecialType.System_DateTime:
                    return ValueShape.DateTime;
            }

            if (type.ContainingNamespace?.Name == "System" && type.ContainingNamespace.ContainingNamespace?.IsGlobalNamespace == true)
            {
                switch (type.Name)
                {
                    case "DateTimeOffset":
                    case "DateOnly":
                    case "TimeOnly":
                    case "TimeSpan":
                        return ValueShape.DateTime;
                    case "Guid":
                        return ValueShape.Guid;
                }
            }

            return ValueShape.Other;
        }

        private static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
        {
            if (attributeType == null)
            {
                return false;
            }

            foreach (var attribute in attributes)
            {
                if (Is(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Short(string attributeName) => attributeName.EndsWith("Attribute", StringComparison.Ordinal) ? attributeName.Substring(0, attributeName.Length - 9) : attributeName;

        private enum TypeContext
        {
            Neutral,
            Person,
            Configuration,
        }
    }
}
