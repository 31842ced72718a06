namespace PrivacyByDesign.Analyzers.Generator
{
    // The generator's value model: strings, ints, bools and EquatableArrays only — no symbols, syntax or compilation —
    // so equal declarations give equal models and the incremental pipeline stops there. The renderers and the merge
    // tool read only this model.

    /// <summary>Everything the documents are rendered from, for one assembly.</summary>
    internal sealed record InventoryModel(
        string AssemblyName,
        ProcessorModel? Processor,
        EquatableArray<PurposeModel> Purposes,
        EquatableArray<RecipientModel> Recipients,
        EquatableArray<AssessmentModel> Assessments,
        EquatableArray<DataTypeModel> DataTypes,
        EquatableArray<StoreModel> Stores,
        EquatableArray<CollectionPointModel> CollectionPoints,
        EquatableArray<CodeFactModel> CodeFacts)
    {
        /// <summary>Version of data-inventory.json (docs/data-inventory.schema.json); bump on a breaking change.</summary>
        public const string SchemaVersion = "1.0";
    }

    /// <summary>[assembly: PersonalInfoProcessor]: PIPL Art. 17(1), 52; GDPR Art. 30(1)(a).</summary>
    internal sealed record ProcessorModel(
        string Name,
        string? NameZh,
        string? Contact,
        string? Address,
        string? ProtectionOfficer,
        string? ProtectionOfficerContact,
        string Country,
        string? AppType,
        string? RepresentativeInChina);

    /// <summary>[assembly: ProcessingPurpose]: PIPL Art. 6, 13, 17, 19.</summary>
    internal sealed record PurposeModel(
        string Id,
        string Description,
        string? DescriptionZh,
        string LegalBasis,
        string? BusinessFunction,
        EquatableArray<string> NecessaryCategories,
        string? Retention,
        string OnExpiry,
        bool Essential);

    /// <summary>[assembly: Recipient]: PIPL Art. 21, 23, 38, 39.</summary>
    internal sealed record RecipientModel(
        string Id,
        string Name,
        string Kind,
        string? Contact,
        EquatableArray<string> Purposes,
        EquatableArray<string> Categories,
        string? Country,
        bool CrossBorder,
        string Mechanism,
        string? RightsProcedure,
        EquatableArray<string> Hosts,
        EquatableArray<string> Namespaces,
        string? ContractReference);

    /// <summary>[ImpactAssessment] on the assembly or a type: PIPL Art. 55–56.</summary>
    internal sealed record AssessmentModel(string Reference, string? CompletedOn, string Scope);

    /// <summary>A type that holds personal information, with what its declarations say about it.</summary>
    internal sealed record DataTypeModel(
        string TypeName,
        string? Subject,
        int MinimumAge,
        bool GuardianConsent,
        EquatableArray<string> Purposes,
        EquatableArray<ConsentRequirementModel> SeparateConsents,
        RetentionModel? Retention,
        bool LocalOnly,
        string? PublicDisclosure,
        EquatableArray<PiItemModel> Items)
    {
        /// <summary>Whether the type may describe a child under 14 (PIPL Art. 28, 31).</summary>
        public bool MayBeChild => GuardianConsent || (MinimumAge > 0 && MinimumAge < 14) || Subject is "child" || (Subject is "minor" && MinimumAge < 14);
    }

    /// <summary>One personal-information member, as the shared classification core sees it.</summary>
    internal sealed record PiItemModel(
        string Member,
        string? CategoryId,
        string? CategoryNameEn,
        string? CategoryNameZh,
        bool Sensitive,
        string? GdprSpecialCategory,
        string Source,
        string Reason,
        string Protection,
        string? ProtectionMechanism,
        string? Subject,
        EquatableArray<string> Purposes,
        RetentionModel? Retention,
        bool LocalOnly,
        EquatableArray<ConsentRequirementModel> SeparateConsents);

    internal sealed record ConsentRequirementModel(string ConsentId, string? Alternative);

    internal sealed record RetentionModel(string Period, string OnExpiry, string? LegalRequirement);

    /// <summary>Where personal information is persisted: an EF Core entity reached from a DbContext.</summary>
    internal sealed record StoreModel(string Kind, string Name, string EntityType, string ReachedFrom);

    /// <summary>
    /// An inbound surface that receives personal information (controller action, Razor page, minimal API, gRPC,
    /// SignalR), from the shared collection-point model (Collection/CollectionPoints.cs). <paramref name="ReceivedTypes"/>
    /// are the model types whose members it binds, so an item of such a type is tied to the points that receive it.
    /// </summary>
    internal sealed record CollectionPointModel(string Id, string Kind, string Display, EquatableArray<string> Categories, EquatableArray<string> Purposes, EquatableArray<string> ReceivedTypes);

    /// <summary>
    /// A declaration on code: [SharedWith], [AutomatedDecision], [DataSubjectRightsHandler], [ConsentWithdrawal],
    /// [PublicDisclosure], [Consent]. Kind is one of <see cref="CodeFactKinds"/>.
    /// </summary>
    internal sealed record CodeFactModel(string Kind, string Code, string Value, string? Detail);

    internal static class CodeFactKinds
    {
        public const string SharedWith = "shared-with";
        public const string AutomatedDecision = "automated-decision";
        public const string RightsHandler = "rights-handler";
        public const string ConsentWithdrawal = "consent-withdrawal";
        public const string PublicDisclosure = "public-disclosure";
        public const string Consent = "consent";
    }
}
