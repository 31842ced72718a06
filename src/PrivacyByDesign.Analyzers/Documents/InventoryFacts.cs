using System;
using System.Collections.Generic;
using System.Linq;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>One personal-information item with its declarations resolved: purposes, retention and stores.</summary>
    internal sealed class ResolvedItem
    {
        public ResolvedItem(DataTypeModel type, PiItemModel item, string subject, IReadOnlyList<string> purposes, RetentionModel? retention, string retentionFrom, IReadOnlyList<StoreModel> stores, IReadOnlyList<CollectionPointModel> collectedAt)
        {
            CollectedAt = collectedAt;
            Type = type;
            Item = item;
            Subject = subject;
            Purposes = purposes;
            Retention = retention;
            RetentionFrom = retentionFrom;
            Stores = stores;
        }

        public DataTypeModel Type { get; }

        public PiItemModel Item { get; }

        public string Subject { get; }

        public IReadOnlyList<string> Purposes { get; }

        public RetentionModel? Retention { get; }

        /// <summary>"member", "type", "purpose:&lt;id&gt;" or "" when nothing declares it.</summary>
        public string RetentionFrom { get; }

        public IReadOnlyList<StoreModel> Stores { get; }

        /// <summary>
        /// The collection points that bind this item's type; when none does (an entity filled from a DTO), the points
        /// that receive its category.
        /// </summary>
        public IReadOnlyList<CollectionPointModel> CollectedAt { get; }

        public string Where => Type.TypeName + "." + Item.Member;

        public string CategoryKey => Item.CategoryId ?? "unspecified";

        public bool IsChild => Type.MayBeChild;

        public bool IsSensitive => Item.Sensitive || Type.MayBeChild;

        public IEnumerable<ConsentRequirementModel> SeparateConsents => Item.SeparateConsents.Concat(Type.SeparateConsents).Distinct();
    }

    /// <summary>
    /// Views over <see cref="InventoryModel"/> that several documents share: resolved items, data subjects,
    /// recipient groups and the PIPL Art. 55 triggers. Orders are ordinal and stable. Lookups are built once here, so
    /// rendering stays linear in the size of the inventory.
    /// </summary>
    internal sealed class InventoryFacts
    {
        private readonly Dictionary<string, PurposeModel> _purposes;
        private readonly Dictionary<string, ResolvedItem> _firstItemOfCategory = new(StringComparer.Ordinal);
        private readonly HashSet<string> _sensitiveCategories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ResolvedItem>> _itemsByPurpose = new(StringComparer.Ordinal);

        public InventoryFacts(InventoryModel model)
        {
            Model = model;
            _purposes = new Dictionary<string, PurposeModel>(StringComparer.Ordinal);
            foreach (var purpose in model.Purposes)
            {
                _purposes[purpose.Id] = purpose;
            }

            var storesByType = model.Stores.ToLookup(s => s.EntityType, StringComparer.Ordinal);
            var pointsByType = model.CollectionPoints.SelectMany(c => c.ReceivedTypes.Select(t => (Type: t, Point: c))).ToLookup(p => p.Type, p => p.Point, StringComparer.Ordinal);
            var pointsByCategory = model.CollectionPoints.SelectMany(c => c.Categories.Select(k => (Category: k, Point: c))).ToLookup(p => p.Category, p => p.Point, StringComparer.Ordinal);
            var items = new List<ResolvedItem>();
            foreach (var type in model.DataTypes)
            {
                var stores = storesByType[type.TypeName].ToList();
                var typePoints = pointsByType[type.TypeName].ToList();
                foreach (var item in type.Items)
                {
                    var purposes = item.Purposes.Count > 0 ? item.Purposes.ToList()
                        : type.Purposes.Count > 0 ? type.Purposes.ToList()
                        : model.Purposes.Where(p => item.CategoryId != null && p.NecessaryCategories.Contains(item.CategoryId)).Select(p => p.Id).ToList();
                    RetentionModel? retention = item.Retention;
                    string from = "member";

                    // A member that names its own purpose is kept as long as that purpose says, not as long as its type.
                    var ownPurpose = item.Purposes.Select(Purpose).FirstOrDefault(p => p?.Retention != null);
                    if (retention == null && ownPurpose != null)
                    {
                        retention = new RetentionModel(ownPurpose.Retention!, ownPurpose.OnExpiry, null);
                        from = "purpose:" + ownPurpose.Id;
                    }

                    if (retention == null && type.Retention != null)
                    {
                        retention = type.Retention;
                        from = "type";
                    }

                    if (retention == null)
                    {
                        var purpose = purposes.Select(Purpose).FirstOrDefault(p => p?.Retention != null);
                        retention = purpose == null ? null : new RetentionModel(purpose.Retention!, purpose.OnExpiry, null);
                        from = purpose == null ? string.Empty : "purpose:" + purpose.Id;
                    }

                    var collectedAt = typePoints.Count > 0 ? typePoints : pointsByCategory[item.CategoryId ?? "unspecified"].ToList();
                    items.Add(new ResolvedItem(type, item, item.Subject ?? type.Subject ?? "unspecified", purposes, retention, from, stores, collectedAt));
                }
            }

            foreach (var item in items)
            {
                if (!_firstItemOfCategory.ContainsKey(item.CategoryKey))
                {
                    _firstItemOfCategory[item.CategoryKey] = item;
                }

                if (item.Item.Sensitive)
                {
                    _sensitiveCategories.Add(item.CategoryKey);
                }

                foreach (var purpose in item.Purposes.Distinct(StringComparer.Ordinal))
                {
                    if (!_itemsByPurpose.TryGetValue(purpose, out var list))
                    {
                        _itemsByPurpose[purpose] = list = new List<ResolvedItem>();
                    }

                    list.Add(item);
                }
            }

            Items = items;
            Subjects = items.Select(i => i.Subject).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        public InventoryModel Model { get; }

        public IReadOnlyList<ResolvedItem> Items { get; }

        public IReadOnlyList<string> Subjects { get; }

        public bool HasSensitive => Items.Any(i => i.IsSensitive);

        public bool HasChildren => Model.DataTypes.Any(t => t.MayBeChild);

        public bool HasFace => Items.Any(i => i.Item.CategoryId == "biometric.face");

        public IEnumerable<RecipientModel> CrossBorder => Model.Recipients.Where(r => r.CrossBorder);

        public IEnumerable<RecipientModel> Sdks => Model.Recipients.Where(r => r.Kind == "ThirdPartySdk");

        public IEnumerable<RecipientModel> OfKind(string kind) => Model.Recipients.Where(r => r.Kind == kind);

        public IEnumerable<CodeFactModel> Facts(string kind) => Model.CodeFacts.Where(f => f.Kind == kind);

        public PurposeModel? Purpose(string id) => _purposes.TryGetValue(id, out var p) ? p : null;

        /// <summary>Business functions in first-seen order of the (id-ordered) purposes; a purpose without one is its own function.</summary>
        public IEnumerable<IGrouping<string, PurposeModel>> Functions => Model.Purposes.GroupBy(p => p.BusinessFunction ?? p.Id, StringComparer.Ordinal);

        /// <summary>Items whose resolved purposes include <paramref name="purposeId"/>.</summary>
        public IEnumerable<ResolvedItem> ItemsFor(string purposeId) => _itemsByPurpose.TryGetValue(purposeId, out var items) ? items : Enumerable.Empty<ResolvedItem>();

        /// <summary>Category ids of a purpose: declared as necessary plus found in code, ordinal.</summary>
        public IReadOnlyList<string> CategoriesOf(PurposeModel purpose)
            => purpose.NecessaryCategories.Concat(ItemsFor(purpose.Id).Select(i => i.CategoryKey)).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();

        public bool IsSensitiveCategory(string categoryId) => _sensitiveCategories.Contains(categoryId);

        /// <summary>A readable category label: the taxonomy name when the code uses the category, else the id.</summary>
        public string CategoryLabel(string categoryId, bool zh)
        {
            _firstItemOfCategory.TryGetValue(categoryId, out var item);
            string? name = zh ? item?.Item.CategoryNameZh : item?.Item.CategoryNameEn;
            return name == null ? categoryId : name + " (" + categoryId + ")";
        }

        /// <summary>PIPL Art. 55 triggers found in the code, each as (item, English, Chinese).</summary>
        public IReadOnlyList<(string Item, string En, string Zh)> PiaTriggers
        {
            get
            {
                var triggers = new List<(string, string, string)>();
                var sensitive = Items.Where(i => i.IsSensitive).Select(i => i.CategoryKey).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
                if (sensitive.Count > 0)
                {
                    triggers.Add(("55(1)", "Processing sensitive personal information: " + string.Join(", ", sensitive), "处理敏感个人信息：" + string.Join("、", sensitive)));
                }

                var decisions = Facts(CodeFactKinds.AutomatedDecision).Select(f => f.Code).ToList();
                if (decisions.Count > 0)
                {
                    triggers.Add(("55(2)", "Automated decision-making: " + string.Join(", ", decisions), "利用个人信息进行自动化决策：" + string.Join("、", decisions)));
                }

                var disclosures = Facts(CodeFactKinds.PublicDisclosure).Select(f => f.Code)
                    .Concat(Model.DataTypes.Where(t => t.PublicDisclosure != null).Select(t => t.TypeName)).ToList();
                if (disclosures.Count > 0 || Model.Recipients.Count > 0)
                {
                    var parts = Model.Recipients.Select(r => r.Name + " (" + r.Kind + ")").Concat(disclosures.Select(d => "public disclosure: " + d));
                    var partsZh = Model.Recipients.Select(r => r.Name + "（" + KindZh(r.Kind) + "）").Concat(disclosures.Select(d => "公开：" + d));
                    triggers.Add(("55(3)", "Entrusted processing, provision to other processors or public disclosure: " + string.Join(", ", parts), "委托处理个人信息、向其他个人信息处理者提供个人信息、公开个人信息：" + string.Join("、", partsZh)));
                }

                var foreign = CrossBorder.Select(r => r.Name + " (" + r.Country + ")").ToList();
                if (foreign.Count > 0)
                {
                    triggers.Add(("55(4)", "Providing personal information abroad: " + string.Join(", ", foreign), "向境外提供个人信息：" + string.Join("、", foreign)));
                }

                return triggers;
            }
        }

        public static string KindZh(string kind) => kind switch
        {
            "ThirdParty" => "第三方",
            "EntrustedProcessor" => "受托处理者",
            "JointProcessor" => "共同处理者",
            "ThirdPartySdk" => "第三方SDK",
            _ => kind,
        };

        public static string LegalBasisEn(string basis) => basis switch
        {
            "Consent" => "Consent (PIPL Art. 13(1))",
            "Contract" => "Necessary to conclude or perform a contract with you (PIPL Art. 13(2))",
            "HumanResources" => "Necessary for human-resources management (PIPL Art. 13(2))",
            "LegalObligation" => "Necessary to perform statutory duties or obligations (PIPL Art. 13(3))",
            "VitalInterests" => "Public-health emergency or protection of life, health and property (PIPL Art. 13(4))",
            "PublicInterestReporting" => "News reporting and supervision by public opinion (PIPL Art. 13(5))",
            "PubliclyAvailable" => "Information already lawfully disclosed (PIPL Art. 13(6))",
            _ => "Other cases set by laws and administrative regulations (PIPL Art. 13(7))",
        };

        public static string LegalBasisZh(string basis) => basis switch
        {
            "Consent" => "取得您的同意（《个人信息保护法》第十三条第一款第一项）",
            "Contract" => "为订立、履行您作为一方当事人的合同所必需（第十三条第一款第二项）",
            "HumanResources" => "为实施人力资源管理所必需（第十三条第一款第二项）",
            "LegalObligation" => "为履行法定职责或者法定义务所必需（第十三条第一款第三项）",
            "VitalInterests" => "为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需（第十三条第一款第四项）",
            "PublicInterestReporting" => "为公共利益实施新闻报道、舆论监督等行为（第十三条第一款第五项）",
            "PubliclyAvailable" => "处理已经合法公开的个人信息（第十三条第一款第六项）",
            _ => "法律、行政法规规定的其他情形（第十三条第一款第七项）",
        };

        public static string ExpiryEn(string action) => action switch
        {
            "Anonymize" => "anonymised",
            "StopProcessing" => "kept with all processing stopped except storage and security measures (PIPL Art. 47 ¶2)",
            _ => "deleted",
        };

        public static string ExpiryZh(string action) => action switch
        {
            "Anonymize" => "匿名化处理",
            "StopProcessing" => "停止除存储和采取必要的安全保护措施之外的处理（第四十七条第二款）",
            _ => "删除",
        };

        public static string ProtectionEn(string protection) => protection switch
        {
            "None" => "plain",
            "DeIdentified" => "de-identified",
            _ => protection.ToLowerInvariant(),
        };

        public static string ProtectionZh(string protection) => protection switch
        {
            "Encrypted" => "加密",
            "Hashed" => "哈希",
            "Masked" => "掩码",
            "Tokenized" => "令牌化",
            "Template" => "生物特征模板",
            "DeIdentified" => "去标识化",
            "Anonymized" => "匿名化",
            _ => "明文",
        };
    }
}
