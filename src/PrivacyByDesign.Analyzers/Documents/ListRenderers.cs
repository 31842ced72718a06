using System.Collections.Generic;
using System.Linq;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>
    /// 个人信息收集清单 (the list of personal information collected) and 第三方共享个人信息清单 (the list shared with
    /// third parties), as CSV and Markdown. Both list the same rows in the same order.
    /// </summary>
    internal static class ListRenderers
    {
        private static readonly string[] CollectionColumns =
        {
            "业务功能 Business function", "使用目的 Purpose", "个人信息 Personal information", "类别 Category", "敏感 Sensitive",
            "代码位置 Where in code", "收集方式 Collected at", "合法性基础 Legal basis", "保存期限 Retention", "保护措施 Protection", "存储 Stored in",
        };

        private static readonly string[] SharingColumns =
        {
            "接收方 Recipient", "类型 Kind", "联系方式 Contact", "国家或地区 Country", "出境 Cross-border", "出境条件 Mechanism",
            "目的 Purposes", "个人信息种类 Categories", "行使权利 Rights procedure", "合同 Contract", "代码 Shared by",
        };

        public static string CollectionCsv(InventoryFacts facts) => Csv(CollectionColumns, CollectionRows(facts));

        public static string CollectionMarkdown(InventoryFacts facts)
            => Markdown("个人信息收集清单 / Personal information collected", "PIPL Art. 17; GB/T 35273 Annex D; NDSR Art. 20(1).", CollectionColumns, CollectionRows(facts));

        public static string SharingCsv(InventoryFacts facts) => Csv(SharingColumns, SharingRows(facts));

        public static string SharingMarkdown(InventoryFacts facts)
            => Markdown("第三方共享个人信息清单 / Personal information shared with third parties", "PIPL Art. 21, 23, 39; NDSR Art. 20(4)–(5).", SharingColumns, SharingRows(facts));

        private static IEnumerable<string[]> CollectionRows(InventoryFacts facts)
        {
            foreach (var i in facts.Items)
            {
                var purposes = i.Purposes.Select(facts.Purpose).Where(p => p != null).ToList();
                string function = purposes.Count == 0 ? "TODO" : string.Join("; ", purposes.Select(p => p!.BusinessFunction ?? p.Id).Distinct());
                string purpose = purposes.Count == 0 ? "TODO: declare [Purpose]" : string.Join("; ", purposes.Select(p => p!.Description));
                string basis = purposes.Count == 0 ? "TODO" : string.Join("; ", purposes.Select(p => p!.LegalBasis).Distinct());
                var points = i.CollectedAt.Select(c => c.Display).ToList();
                yield return new[]
                {
                    function,
                    purpose,
                    i.Item.CategoryNameZh == null ? i.CategoryKey : i.Item.CategoryNameZh + " / " + i.Item.CategoryNameEn,
                    i.CategoryKey,
                    i.IsSensitive ? "是 yes" : "否 no",
                    i.Where,
                    points.Count == 0 ? "TODO" : string.Join("; ", points),
                    basis,
                    i.Retention == null ? "TODO" : i.Retention.Period + " → " + i.Retention.OnExpiry,
                    i.Item.Protection + (i.Item.ProtectionMechanism == null ? string.Empty : " (" + i.Item.ProtectionMechanism + ")"),
                    i.Stores.Count == 0 ? "—" : string.Join("; ", i.Stores.Select(s => s.ReachedFrom)),
                };
            }
        }

        private static IEnumerable<string[]> SharingRows(InventoryFacts facts)
        {
            foreach (var r in facts.Model.Recipients)
            {
                var purposes = r.Purposes.Select(id => facts.Purpose(id)?.Description ?? id);
                yield return new[]
                {
                    r.Name,
                    r.Kind,
                    r.Contact ?? "TODO",
                    r.Country ?? "TODO",
                    r.CrossBorder ? "是 yes" : "否 no",
                    r.CrossBorder ? r.Mechanism : "—",
                    string.Join("; ", purposes),
                    string.Join("; ", r.Categories),
                    r.RightsProcedure ?? (r.CrossBorder ? "TODO" : "—"),
                    r.ContractReference ?? "—",
                    string.Join("; ", facts.Facts(CodeFactKinds.SharedWith).Where(f => f.Value == r.Id).Select(f => f.Code)),
                };
            }
        }

        private static string Csv(string[] columns, IEnumerable<string[]> rows)
        {
            // A byte-order mark: Excel and WPS read a CSV without one in the local code page and garble the Chinese headers.
            var d = new DocBuilder();
            d.Line("\uFEFF" + string.Join(",", columns.Select(Escape.Csv)));
            foreach (var row in rows)
            {
                d.Line(string.Join(",", row.Select(Escape.Csv)));
            }

            return d.ToString();
        }

        private static string Markdown(string title, string sources, string[] columns, IEnumerable<string[]> rows)
        {
            var d = new DocBuilder();
            d.Line("# " + title).Line().Line("Generated from the code's declarations. Sources: " + sources).Line();
            var list = rows.ToList();
            if (list.Count == 0)
            {
                return d.Line("None declared.").ToString();
            }

            d.Header(columns);
            foreach (var row in list)
            {
                d.Row(row.Select(Escape.Md).ToArray());
            }

            return d.ToString();
        }
    }
}
