using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;
using PrivacyByDesign.Analyzers.Sharing;
using PrivacyByDesign.Analyzers.Storage;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>The assembly-level declarations: processor, purposes, recipients, assessments.</summary>
    internal sealed record AssemblyDeclarations(
        string AssemblyName,
        ProcessorModel? Processor,
        EquatableArray<PurposeModel> Purposes,
        EquatableArray<RecipientModel> Recipients,
        EquatableArray<AssessmentModel> Assessments);

    /// <summary>The data side: types holding personal information (classified by the shared core) and where they are stored.</summary>
    internal sealed record DataDeclarations(
        EquatableArray<DataTypeModel> DataTypes,
        EquatableArray<StoreModel> Stores,
        EquatableArray<AssessmentModel> TypeAssessments,
        EquatableArray<CollectionPointModel> CollectionPoints);

    /// <summary>
    /// Reads symbols and attributes once and copies what the inventory needs into the value model, for the documents
    /// analyzer and the generator alike. Nothing here keeps a symbol.
    /// </summary>
    internal static class ModelBuilder
    {
        /// <summary>The code-level declarations the inventory lists (<see cref="ReadCodeFacts"/>), by metadata name.</summary>
        public static readonly ImmutableArray<string> CodeAttributes = ImmutableArray.Create(
            "PrivacyByDesign.SharedWithAttribute",
            "PrivacyByDesign.AutomatedDecisionAttribute",
            "PrivacyByDesign.DataSubjectRightsHandlerAttribute",
            "PrivacyByDesign.ConsentWithdrawalAttribute",
            "PrivacyByDesign.PublicDisclosureAttribute",
            "PrivacyByDesign.ConsentAttribute",
            "PrivacyByDesign.GenerateDataSubjectRightsAttribute");

        private static readonly string[] LegalBases = { "Consent", "Contract", "HumanResources", "LegalObligation", "VitalInterests", "PublicInterestReporting", "PubliclyAvailable", "OtherLegalProvision" };
        private static readonly string[] ExpiryActions = { "Delete", "Anonymize", "StopProcessing" };
        private static readonly string[] RecipientKinds = { "ThirdParty", "EntrustedProcessor", "JointProcessor", "ThirdPartySdk" };
        private static readonly string[] Mechanisms = { "None", "SecurityAssessment", "Certification", "StandardContract", "OtherLegalCondition" };
        private static readonly string[] Rights = { "Access", "Portability", "Correction", "Erasure", "WithdrawConsent", "Explanation", "AccountDeletion" };

        public static AssemblyDeclarations ReadAssembly(Compilation compilation, CancellationToken cancellationToken)
        {
            ProcessorModel? processor = null;
            var purposes = new List<PurposeModel>();
            var recipients = new List<RecipientModel>();
            var assessments = new List<AssessmentModel>();
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (NameOf(attribute))
                {
                    case "PersonalInfoProcessorAttribute" when DeclaredProcessor.From(attribute) is { Name: { } name } declared:
                        processor = new ProcessorModel(name, declared.NameZh, declared.Contact, declared.Address, declared.ProtectionOfficer,
                            declared.ProtectionOfficerContact, declared.Country, declared.AppType, declared.RepresentativeInChina);
                        break;
                    case "ProcessingPurposeAttribute" when DeclaredPurpose.From(attribute) is { } purpose:
                        purposes.Add(new PurposeModel(purpose.Id, purpose.Description, purpose.DescriptionZh, EnumName(LegalBases, purpose.LegalBasis),
                            purpose.BusinessFunction, purpose.NecessaryCategoryList.ToEquatableArray(), purpose.Retention,
                            EnumName(ExpiryActions, purpose.OnExpiry), purpose.Essential));
                        break;
                    case "RecipientAttribute" when Arg(attribute, 0) is string:
                        recipients.Add(ToModel(new DeclaredRecipient(attribute)));
                        break;
                    case "ImpactAssessmentAttribute" when Arg(attribute, 0) is string reference:
                        assessments.Add(new AssessmentModel(reference, Named(attribute, "CompletedOn"), "assembly"));
                        break;
                }
            }

            string home = processor?.Country ?? "CN";
            var withBorders = recipients
                .Select(r => r with { CrossBorder = r.Country != null && !string.Equals(r.Country, home, StringComparison.OrdinalIgnoreCase) })
                .OrderBy(r => r.Id, StringComparer.Ordinal);
            return new AssemblyDeclarations(
                compilation.AssemblyName ?? "assembly",
                processor,
                purposes.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableArray(),
                withBorders.ToEquatableArray(),
                assessments.OrderBy(a => a.Reference, StringComparer.Ordinal).ToEquatableArray());
        }

        /// <summary>The sharing rules' reading of a [Recipient], as the inventory's value model.</summary>
        private static RecipientModel ToModel(DeclaredRecipient recipient) => new(
            recipient.Id,
            recipient.Name ?? recipient.Id,
            EnumName(RecipientKinds, recipient.Kind),
            recipient.Contact,
            recipient.Purposes.ToEquatableArray(),
            recipient.Categories.ToEquatableArray(),
            recipient.Country,
            false,
            EnumName(Mechanisms, recipient.Mechanism),
            recipient.RightsProcedure,
            recipient.Hosts.ToEquatableArray(),
            recipient.Namespaces.ToEquatableArray(),
            recipient.ContractReference);

        public static DataDeclarations ReadData(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            // The one classification core: the inventory sees exactly what the analyzers see, and on the analyzers'
            // compilation and options it is their classifier and collection-point model, already filled.
            var classifier = PersonalInfoClassifier.For(compilation, options, cancellationToken);
            var types = new List<DataTypeModel>();
            var assessments = new List<AssessmentModel>();
            foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (NameOf(attribute) == "ImpactAssessmentAttribute" && Arg(attribute, 0) is string reference)
                    {
                        assessments.Add(new AssessmentModel(reference, Named(attribute, "CompletedOn"), Display(type)));
                    }
                }

                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || IsAttributeType(type) || IsPackageOutput(type))
                {
                    continue;
                }

                var members = classifier.GetPersonalMembers(type);
                if (members.IsEmpty)
                {
                    continue;
                }

                types.Add(ReadType(type, members));
            }

            var stores = new List<StoreModel>();
            foreach (var entity in EfCoreModel.For(compilation, cancellationToken).Entities(Enumerable.Empty<INamedTypeSymbol>()))
            {
                if (classifier.GetPersonalMembers(entity.Type).IsEmpty)
                {
                    continue;
                }

                int dot = entity.ReachedFrom.IndexOf('.');
                string context = dot > 0 ? entity.ReachedFrom.Substring(0, dot) : entity.ReachedFrom;
                stores.Add(new StoreModel("EF Core", context, Display(entity.Type), entity.ReachedFrom));
            }

            return new DataDeclarations(
                types.OrderBy(t => t.TypeName, StringComparer.Ordinal).ToEquatableArray(),
                stores.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.EntityType, StringComparer.Ordinal).ToEquatableArray(),
                assessments.OrderBy(a => a.Scope, StringComparer.Ordinal).ThenBy(a => a.Reference, StringComparer.Ordinal).ToEquatableArray(),
                ReadCollectionPoints(compilation, options, cancellationToken));
        }

        /// <summary>
        /// The shared collection-point model's inbound surfaces that receive personal information. Minimal APIs are
        /// named by verb and route ("POST /api/patients"), the rest by type and method; never by source position, so an
        /// edit elsewhere in the file leaves the model equal.
        /// </summary>
        private static EquatableArray<CollectionPointModel> ReadCollectionPoints(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var detector = CollectionPoints.For(compilation, options, cancellationToken);
            if (detector == null)
            {
                return EquatableArray<CollectionPointModel>.Empty;
            }

            var points = new Dictionary<string, CollectionPointModel>(StringComparer.Ordinal);
            foreach (var point in detector.FindAll(compilation, cancellationToken))
            {
                if (!point.HasPersonalInfo)
                {
                    continue;
                }

                string handler = point.Handler.MethodKind == MethodKind.AnonymousFunction ? "lambda" : (point.Owner ?? point.Handler.ContainingType)?.Name + "." + point.Handler.Name;
                string display = point.Route == null ? handler : point.Route + " (" + handler + ")";
                var items = point.Inputs.SelectMany(i => i.Items).ToList();
                var purposes = point.Handler.GetAttributes().Concat(point.Owner?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty);
                points[display] = new CollectionPointModel(
                    display,
                    point.Kind.ToString(),
                    display,
                    items.Select(i => i.Classification.CategoryId ?? "unspecified").Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray(),
                    Strings(purposes, "PurposeAttribute"),
                    items.Where(i => !i.Models.IsEmpty).Select(i => Display(i.Models[0])).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToEquatableArray());
            }

            return points.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableArray();
        }

        private static DataTypeModel ReadType(INamedTypeSymbol type, ImmutableArray<PersonalMember> members)
        {
            var typeAttributes = WithBaseTypes(type);
            var subjectAttribute = typeAttributes.FirstOrDefault(a => NameOf(a) == "DataSubjectAttribute");
            var items = members.Select(m => ReadItem(m)).ToEquatableArray();
            return new DataTypeModel(
                Display(type),
                subjectAttribute == null ? null : Arg(subjectAttribute, 0) as string,
                subjectAttribute == null ? 0 : NamedValue(subjectAttribute, "MinimumAge") as int? ?? 0,
                typeAttributes.Any(a => NameOf(a) == "RequiresGuardianConsentAttribute"),
                Strings(typeAttributes, "PurposeAttribute"),
                Consents(typeAttributes),
                RetentionOf(typeAttributes),
                typeAttributes.Any(a => NameOf(a) == "LocalOnlyAttribute"),
                typeAttributes.Where(a => NameOf(a) == "PublicDisclosureAttribute").Select(a => Arg(a, 0) as string).FirstOrDefault(s => s != null),
                items);
        }

        private static PiItemModel ReadItem(PersonalMember member)
        {
            var c = member.Classification;
            var attributes = member.Member.GetAttributes();
            var storedAs = attributes.FirstOrDefault(a => NameOf(a) == "StoredAsAttribute");
            return new PiItemModel(
                member.Member.Name,
                c.CategoryId,
                c.Category?.NameEn,
                c.Category?.NameZh,
                c.IsSensitive,
                c.Category?.GdprSpecialCategory,
                SourceName(c.Source),
                c.Reason,
                c.Protection.ToString(),
                storedAs == null ? null : Named(storedAs, "Mechanism"),
                c.Subject,
                Strings(attributes, "PurposeAttribute"),
                RetentionOf(attributes),
                attributes.Any(a => NameOf(a) == "LocalOnlyAttribute"),
                Consents(attributes));
        }

        /// <summary>The code-level declarations on one symbol (<see cref="CodeFactCollector"/>); one per attribute instance.</summary>
        public static EquatableArray<CodeFactModel> ReadCodeFacts(ISymbol symbol, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var facts = new List<CodeFactModel>();
            string code = Display(symbol);
            foreach (var attribute in attributes)
            {
                switch (NameOf(attribute))
                {
                    case "SharedWithAttribute" when Arg(attribute, 0) is string recipient:
                        facts.Add(new CodeFactModel(CodeFactKinds.SharedWith, code, recipient, null));
                        break;
                    case "AutomatedDecisionAttribute":
                        facts.Add(new CodeFactModel(CodeFactKinds.AutomatedDecision, code, NamedValue(attribute, "Significant") is true ? "significant" : "not-significant", null));
                        break;
                    case "DataSubjectRightsHandlerAttribute":
                        facts.Add(new CodeFactModel(CodeFactKinds.RightsHandler, code, RightsNames(Arg(attribute, 0)), Arg(attribute, 1) as string));
                        break;
                    case "ConsentWithdrawalAttribute" when Arg(attribute, 0) is string consent:
                        facts.Add(new CodeFactModel(CodeFactKinds.ConsentWithdrawal, code, consent, null));
                        break;
                    case "PublicDisclosureAttribute" when Arg(attribute, 0) is string reason:
                        facts.Add(new CodeFactModel(CodeFactKinds.PublicDisclosure, code, reason, null));
                        break;
                    case "GenerateDataSubjectRightsAttribute":
                        // The rights generator's Export/Erase methods are generated code this generator cannot see; record what they serve.
                        facts.Add(new CodeFactModel(CodeFactKinds.RightsHandler, code + " (generated Export/Erase methods)", "Access,Portability,Erasure", null));
                        break;
                    case "ConsentAttribute":
                        facts.Add(new CodeFactModel(CodeFactKinds.Consent, code, string.Join(",", ArgArray(attribute, 0)), null));
                        break;
                }
            }

            return facts.ToEquatableArray();
        }

        /// <summary>Code-level declarations without duplicates, in a stable order (the model compares by value).</summary>
        public static EquatableArray<CodeFactModel> OrderFacts(IEnumerable<CodeFactModel> facts) => facts
            .Distinct()
            .OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToEquatableArray();

        /// <summary>Puts the pieces together in a stable order (<paramref name="facts"/> as <see cref="OrderFacts"/> returns them).</summary>
        public static InventoryModel Combine(AssemblyDeclarations assembly, DataDeclarations data, EquatableArray<CodeFactModel> facts)
        {
            var assessments = assembly.Assessments.Concat(data.TypeAssessments)
                .OrderBy(a => a.Reference, StringComparer.Ordinal).ThenBy(a => a.Scope, StringComparer.Ordinal)
                .ToEquatableArray();
            return new InventoryModel(assembly.AssemblyName, assembly.Processor, assembly.Purposes, assembly.Recipients, assessments, data.DataTypes, data.Stores, data.CollectionPoints, facts);
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    foreach (var type in SourceTypes(inner, cancellationToken))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol type)
                {
                    foreach (var nested in WithNested(type))
                    {
                        yield return nested;
                    }
                }
            }
        }

        private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
        {
            if (type.IsImplicitlyDeclared || !type.Locations.Any(l => l.IsInSource))
            {
                yield break;
            }

            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                foreach (var inner in WithNested(nested))
                {
                    yield return inner;
                }
            }
        }

        /// <summary>
        /// The in-assembly inventory and the rights methods this package generates describe the data; they hold none.
        /// Both carry [GeneratedCode("PrivacyByDesign", …)].
        /// </summary>
        private static bool IsPackageOutput(INamedTypeSymbol type) => type.GetAttributes().Any(a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" } generated
            && SymbolRelations.IsNamespace(generated.ContainingNamespace, "System.CodeDom.Compiler")
            && Arg(a, 0) is "PrivacyByDesign");

        private static bool IsAttributeType(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == "Attribute" && current.ContainingNamespace?.Name == "System")
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<AttributeData> WithBaseTypes(INamedTypeSymbol type)
        {
            // The vocabulary's type-level attributes are inherited (Inherited = true); the nearest declaration wins.
            var result = ImmutableArray.CreateBuilder<AttributeData>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var found = new HashSet<string>(StringComparer.Ordinal);
                foreach (var attribute in current.GetAttributes())
                {
                    string name = NameOf(attribute);
                    if (name.Length == 0 || name == "ImpactAssessmentAttribute" || (seen.Contains(name) && !found.Contains(name)))
                    {
                        continue;
                    }

                    found.Add(name);
                    result.Add(attribute);
                }

                seen.UnionWith(found);
            }

            return result.ToImmutable();
        }

        private static EquatableArray<string> Strings(IEnumerable<AttributeData> attributes, string attributeName)
            => Distinct(attributes, attributeName, static (_, value) => value);

        private static EquatableArray<ConsentRequirementModel> Consents(IEnumerable<AttributeData> attributes)
            => Distinct(attributes, "RequiresSeparateConsentAttribute", static (attribute, purpose) => new ConsentRequirementModel(purpose, Named(attribute, "Alternative")));

        /// <summary>
        /// What <paramref name="read"/> makes of each attribute named <paramref name="attributeName"/> whose first
        /// argument is a string, once each, in order. Asked for every personal member, most of which carry none of
        /// these attributes: nothing is allocated then.
        /// </summary>
        private static EquatableArray<T> Distinct<T>(IEnumerable<AttributeData> attributes, string attributeName, Func<AttributeData, string, T> read)
            where T : IEquatable<T>
        {
            List<T>? values = null;
            foreach (var attribute in attributes)
            {
                if (NameOf(attribute) == attributeName && Arg(attribute, 0) is string first)
                {
                    var value = read(attribute, first);
                    if (!(values ??= new List<T>()).Contains(value))
                    {
                        values.Add(value);
                    }
                }
            }

            return values == null ? EquatableArray<T>.Empty : values.ToEquatableArray();
        }

        private static RetentionModel? RetentionOf(IEnumerable<AttributeData> attributes)
        {
            var attribute = attributes.FirstOrDefault(a => NameOf(a) == "RetentionAttribute");
            return attribute != null && Arg(attribute, 0) is string period
                ? new RetentionModel(period, EnumName(ExpiryActions, NamedValue(attribute, "OnExpiry")), Named(attribute, "LegalRequirement"))
                : null;
        }

        private static string SourceName(PiSource source) => source switch
        {
            PiSource.Attribute => "attribute",
            PiSource.TypeAttribute => "type-attribute",
            PiSource.IdentityPersonalData => "identity-personal-data",
            PiSource.DataClassification => "data-classification",
            PiSource.NameInference => "name-inference",
            _ => "none",
        };

        private static string RightsNames(object? value)
        {
            int flags = value is int i ? i : 0;
            var names = new List<string>();
            for (int bit = 0; bit < Rights.Length; bit++)
            {
                if ((flags & (1 << bit)) != 0)
                {
                    names.Add(Rights[bit]);
                }
            }

            return names.Count == 0 ? "None" : string.Join(",", names);
        }

        internal static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        private static string NameOf(AttributeData attribute)
        {
            var cls = attribute.AttributeClass;
            return cls != null && cls.TypeKind != TypeKind.Error && SymbolRelations.IsNamespace(cls.ContainingNamespace, PrivacySymbols.Namespace) ? cls.Name : string.Empty;
        }

        private static object? Arg(AttributeData attribute, int index)
            => attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Kind != TypedConstantKind.Array ? attribute.ConstructorArguments[index].Value : null;

        private static IEnumerable<string> ArgArray(AttributeData attribute, int index)
            => attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[index].Values.Select(v => v.Value as string).Where(s => s != null).Select(s => s!)
                : Enumerable.Empty<string>();

        private static object? NamedValue(AttributeData attribute, string name)
            => SymbolRelations.NamedArgument(attribute, name) is { Kind: not TypedConstantKind.Array } value ? value.Value : null;

        private static string? Named(AttributeData attribute, string name) => NamedValue(attribute, name) as string;

        private static string EnumName(string[] names, object? value) => value is int i && i >= 0 && i < names.Length ? names[i] : names[0];
    }
}
