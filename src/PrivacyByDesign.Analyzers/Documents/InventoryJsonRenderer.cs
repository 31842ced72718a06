using System.Linq;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>
    /// data-inventory.json, shaped by docs/data-inventory.schema.json: the record of processing (PIPL Art. 55–56)
    /// with the GDPR Art. 30(1) fields (a) controller, (b) purposes, (c) subjects and data, (d) recipients,
    /// (e) transfers, (f) erasure time limits, (g) security measures.
    /// </summary>
    internal static class InventoryJsonRenderer
    {
        public static string Render(InventoryFacts facts) => Write(facts, new JsonWriter()).ToString();

        private static System.Text.StringBuilder Write(InventoryFacts facts, JsonWriter w)
        {
            var m = facts.Model;
            w.BeginObject();
            w.Prop("$schema", "https://github.com/privacybydesign/privacybydesign/blob/main/docs/data-inventory.schema.json");
            w.Prop("schemaVersion", InventoryModel.SchemaVersion);
            w.Prop("generator", "PrivacyByDesign");
            w.Prop("assembly", m.AssemblyName);

            w.BeginObject("controller");
            var p = m.Processor;
            w.Prop("declared", p != null).Prop("name", p?.Name).Prop("nameZh", p?.NameZh).Prop("contact", p?.Contact).Prop("address", p?.Address)
                .Prop("country", p?.Country ?? "CN").Prop("appType", p?.AppType).Prop("representativeInChina", p?.RepresentativeInChina)
                .Prop("protectionOfficer", p?.ProtectionOfficer).Prop("protectionOfficerContact", p?.ProtectionOfficerContact);
            w.EndObject();

            w.BeginArray("purposes");
            foreach (var purpose in m.Purposes)
            {
                w.BeginObject().Prop("id", purpose.Id).Prop("description", purpose.Description).Prop("descriptionZh", purpose.DescriptionZh)
                    .Prop("legalBasis", purpose.LegalBasis).Prop("businessFunction", purpose.BusinessFunction).Prop("essential", purpose.Essential)
                    .Strings("necessaryCategories", purpose.NecessaryCategories).Strings("categoriesInCode", facts.ItemsFor(purpose.Id).Select(i => i.CategoryKey).Distinct().OrderBy(c => c, System.StringComparer.Ordinal))
                    .Prop("retention", purpose.Retention).Prop("onExpiry", purpose.OnExpiry).EndObject();
            }

            w.EndArray();
            w.Strings("dataSubjects", facts.Subjects);

            w.BeginArray("personalData");
            foreach (var item in facts.Items)
            {
                var i = item.Item;
                w.BeginObject().Prop("type", item.Type.TypeName).Prop("member", i.Member).Prop("category", i.CategoryId).Prop("categoryName", i.CategoryNameEn)
                    .Prop("categoryNameZh", i.CategoryNameZh).Prop("sensitive", item.IsSensitive).Prop("sensitiveCategory", i.Sensitive).Prop("gdprSpecialCategory", i.GdprSpecialCategory)
                    .Prop("subject", item.Subject).Prop("child", item.IsChild).Prop("classifiedBy", i.Source).Prop("reason", i.Reason)
                    .Prop("protection", i.Protection).Prop("protectionMechanism", i.ProtectionMechanism).Prop("localOnly", i.LocalOnly || item.Type.LocalOnly)
                    .Strings("purposes", item.Purposes).Strings("declaredPurposes", i.Purposes);
                WriteRetention(w, item);
                w.BeginArray("separateConsents");
                foreach (var consent in item.SeparateConsents)
                {
                    w.BeginObject().Prop("id", consent.ConsentId).Prop("alternative", consent.Alternative).EndObject();
                }

                w.EndArray().Strings("stores", item.Stores.Select(s => s.ReachedFrom)).EndObject();
            }

            w.EndArray();

            w.BeginArray("dataTypes");
            foreach (var type in m.DataTypes)
            {
                w.BeginObject().Prop("type", type.TypeName).Prop("subject", type.Subject).Prop("minimumAge", type.MinimumAge).Prop("guardianConsent", type.GuardianConsent)
                    .Strings("purposes", type.Purposes).Prop("localOnly", type.LocalOnly).Prop("publicDisclosure", type.PublicDisclosure);
                if (type.Retention == null)
                {
                    w.Prop("retention", null);
                }
                else
                {
                    w.BeginObject("retention").Prop("period", type.Retention.Period).Prop("onExpiry", type.Retention.OnExpiry).Prop("legalRequirement", type.Retention.LegalRequirement).EndObject();
                }

                w.BeginArray("separateConsents");
                foreach (var consent in type.SeparateConsents)
                {
                    w.BeginObject().Prop("id", consent.ConsentId).Prop("alternative", consent.Alternative).EndObject();
                }

                w.EndArray().EndObject();
            }

            w.EndArray();

            w.BeginArray("collectionPoints");
            foreach (var point in m.CollectionPoints)
            {
                w.BeginObject().Prop("id", point.Id).Prop("kind", point.Kind).Prop("display", point.Display).Strings("categories", point.Categories).Strings("purposes", point.Purposes)
                    .Strings("receivedTypes", point.ReceivedTypes).EndObject();
            }

            w.EndArray();

            w.BeginArray("stores");
            foreach (var store in m.Stores)
            {
                w.BeginObject().Prop("kind", store.Kind).Prop("name", store.Name).Prop("entityType", store.EntityType).Prop("reachedFrom", store.ReachedFrom).EndObject();
            }

            w.EndArray();

            w.BeginArray("recipients");
            foreach (var r in m.Recipients)
            {
                w.BeginObject().Prop("id", r.Id).Prop("name", r.Name).Prop("kind", r.Kind).Prop("contact", r.Contact).Prop("country", r.Country)
                    .Prop("crossBorder", r.CrossBorder).Prop("mechanism", r.Mechanism).Strings("purposes", r.Purposes).Strings("categories", r.Categories)
                    .Prop("rightsProcedure", r.RightsProcedure).Strings("hosts", r.Hosts).Strings("namespaces", r.Namespaces).Prop("contractReference", r.ContractReference)
                    .Strings("sharedBy", facts.Facts(CodeFactKinds.SharedWith).Where(f => f.Value == r.Id).Select(f => f.Code)).EndObject();
            }

            w.EndArray();

            w.BeginArray("transfers");
            foreach (var r in facts.CrossBorder)
            {
                w.BeginObject().Prop("recipient", r.Id).Prop("country", r.Country).Prop("mechanism", r.Mechanism).EndObject();
            }

            w.EndArray();

            w.BeginArray("erasureTimeLimits");
            foreach (var group in facts.Items.Where(i => i.Retention != null).GroupBy(i => i.Type.TypeName + "|" + i.Retention!.Period + "|" + i.Retention.OnExpiry, System.StringComparer.Ordinal))
            {
                var first = group.First();
                w.BeginObject().Prop("type", first.Type.TypeName).Prop("period", first.Retention!.Period).Prop("onExpiry", first.Retention.OnExpiry)
                    .Strings("members", group.Select(i => i.Item.Member)).EndObject();
            }

            w.EndArray();

            w.BeginArray("securityMeasures");
            foreach (var item in facts.Items.Where(i => i.Item.Protection != "None"))
            {
                w.BeginObject().Prop("type", item.Type.TypeName).Prop("member", item.Item.Member).Prop("protection", item.Item.Protection)
                    .Prop("mechanism", item.Item.ProtectionMechanism).EndObject();
            }

            w.EndArray();

            w.BeginArray("codeDeclarations");
            foreach (var fact in m.CodeFacts)
            {
                w.BeginObject().Prop("kind", fact.Kind).Prop("code", fact.Code).Prop("value", fact.Value).Prop("detail", fact.Detail).EndObject();
            }

            w.EndArray();

            w.BeginArray("impactAssessments");
            foreach (var a in m.Assessments)
            {
                w.BeginObject().Prop("reference", a.Reference).Prop("completedOn", a.CompletedOn).Prop("scope", a.Scope).EndObject();
            }

            w.EndArray();

            w.BeginArray("impactAssessmentTriggers");
            foreach (var t in facts.PiaTriggers)
            {
                w.BeginObject().Prop("piplArticle", t.Item).Prop("description", t.En).EndObject();
            }

            w.EndArray();
            return w.EndObject().Finish();
        }

        private static void WriteRetention(JsonWriter w, ResolvedItem item)
        {
            if (item.Retention == null)
            {
                w.Prop("retention", null);
                return;
            }

            w.BeginObject("retention").Prop("period", item.Retention.Period).Prop("onExpiry", item.Retention.OnExpiry)
                .Prop("legalRequirement", item.Retention.LegalRequirement).Prop("declaredOn", item.RetentionFrom).EndObject();
        }
    }
}
