using System.Text.Json;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tool;

/// <summary>
/// Reads a data-inventory.json back into the generator's value model, so rendering it again gives the generator's
/// documents byte for byte. Rejects another major schema version.
/// </summary>
internal static class InventoryJsonReader
{
    public static InventoryModel Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string version = Str(root, "schemaVersion") ?? "?";
        if (version.Split('.')[0] != InventoryModel.SchemaVersion.Split('.')[0])
        {
            throw new InvalidDataException($"Inventory schema {version} is not supported; this tool reads {InventoryModel.SchemaVersion}.");
        }

        var c = root.GetProperty("controller");
        var processor = c.GetProperty("declared").GetBoolean()
            ? new ProcessorModel(Str(c, "name") ?? "", Str(c, "nameZh"), Str(c, "contact"), Str(c, "address"), Str(c, "protectionOfficer"),
                Str(c, "protectionOfficerContact"), Str(c, "country") ?? "CN", Str(c, "appType"), Str(c, "representativeInChina"))
            : null;

        var purposes = Array(root, "purposes").Select(p => new PurposeModel(Str(p, "id")!, Str(p, "description") ?? "", Str(p, "descriptionZh"), Str(p, "legalBasis")!,
            Str(p, "businessFunction"), Strings(p, "necessaryCategories"), Str(p, "retention"), Str(p, "onExpiry")!, p.GetProperty("essential").GetBoolean())).ToEquatableArray();

        var recipients = Array(root, "recipients").Select(r => new RecipientModel(Str(r, "id")!, Str(r, "name")!, Str(r, "kind")!, Str(r, "contact"), Strings(r, "purposes"),
            Strings(r, "categories"), Str(r, "country"), r.GetProperty("crossBorder").GetBoolean(), Str(r, "mechanism")!, Str(r, "rightsProcedure"), Strings(r, "hosts"),
            Strings(r, "namespaces"), Str(r, "contractReference"))).ToEquatableArray();

        var items = Array(root, "personalData").ToList();
        var types = Array(root, "dataTypes").Select(t =>
        {
            string name = Str(t, "type")!;
            var typeRetention = Retention(t);
            return new DataTypeModel(name, Str(t, "subject"), t.GetProperty("minimumAge").GetInt32(), t.GetProperty("guardianConsent").GetBoolean(), Strings(t, "purposes"),
                Consents(t), typeRetention, t.GetProperty("localOnly").GetBoolean(), Str(t, "publicDisclosure"),
                items.Where(i => Str(i, "type") == name).Select(i => Item(i)).ToEquatableArray());
        }).ToEquatableArray();

        var stores = Array(root, "stores").Select(s => new StoreModel(Str(s, "kind")!, Str(s, "name")!, Str(s, "entityType")!, Str(s, "reachedFrom")!)).ToEquatableArray();
        var points = Array(root, "collectionPoints").Select(p => new CollectionPointModel(Str(p, "id")!, Str(p, "kind")!, Str(p, "display")!, Strings(p, "categories"), Strings(p, "purposes"), Strings(p, "receivedTypes"))).ToEquatableArray();
        var facts = Array(root, "codeDeclarations").Select(f => new CodeFactModel(Str(f, "kind")!, Str(f, "code")!, Str(f, "value")!, Str(f, "detail"))).ToEquatableArray();
        var assessments = Array(root, "impactAssessments").Select(a => new AssessmentModel(Str(a, "reference")!, Str(a, "completedOn"), Str(a, "scope")!)).ToEquatableArray();
        return new InventoryModel(Str(root, "assembly")!, processor, purposes, recipients, assessments, types, stores, points, facts);
    }

    private static PiItemModel Item(JsonElement i)
    {
        // Only a retention declared on the member itself is the member's; the rest is resolved again from the type and purposes.
        var retention = i.GetProperty("retention");
        RetentionModel? own = retention.ValueKind == JsonValueKind.Object && Str(retention, "declaredOn") == "member" ? Retention(i) : null;
        return new PiItemModel(Str(i, "member")!, Str(i, "category"), Str(i, "categoryName"), Str(i, "categoryNameZh"), i.GetProperty("sensitiveCategory").GetBoolean(),
            Str(i, "gdprSpecialCategory"), Str(i, "classifiedBy")!, Str(i, "reason") ?? "", Str(i, "protection")!, Str(i, "protectionMechanism"), Str(i, "subject"),
            Strings(i, "declaredPurposes"), own, i.GetProperty("localOnly").GetBoolean(), Consents(i));
    }

    private static RetentionModel? Retention(JsonElement owner)
    {
        var r = owner.GetProperty("retention");
        return r.ValueKind == JsonValueKind.Object ? new RetentionModel(Str(r, "period")!, Str(r, "onExpiry")!, Str(r, "legalRequirement")) : null;
    }

    private static EquatableArray<ConsentRequirementModel> Consents(JsonElement owner)
        => Array(owner, "separateConsents").Select(c => new ConsentRequirementModel(Str(c, "id")!, Str(c, "alternative"))).ToEquatableArray();

    private static IEnumerable<JsonElement> Array(JsonElement owner, string name)
        => owner.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : Enumerable.Empty<JsonElement>();

    private static EquatableArray<string> Strings(JsonElement owner, string name) => Array(owner, name).Select(e => e.GetString()!).ToEquatableArray();

    private static string? Str(JsonElement owner, string name)
        => owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
