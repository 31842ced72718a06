using System.Collections.Generic;
using System.Linq;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Analyzers.Documents
{
    /// <summary>
    /// privacy-policy.zh-CN.md and privacy-policy.en.md in the order of GB/T 35273 Annex D. Every item P1–P27 of the
    /// merged checklist is either filled from the code or an explicit TODO naming what the team must supply; the
    /// sensitive, children, cross-border and SDK sections appear only when the code needs them, otherwise the
    /// "does not apply" section says why.
    /// </summary>
    internal static class PrivacyPolicyRenderer
    {
        public static string Render(InventoryFacts facts, bool zh)
        {
            var m = facts.Model;
            var d = new DocBuilder();
            string T(string en, string cn) => zh ? cn : en;
            void Todo(string item, string en, string cn) => d.Line("> **TODO (" + item + ")**: " + T(en, cn)).Line();
            var notApplicable = new List<string>();

            string owner = m.Processor == null ? "TODO" : Escape.Md(zh && m.Processor.NameZh != null ? m.Processor.NameZh : m.Processor.Name);
            d.Line("# " + T("Privacy Policy", "隐私政策") + " — " + owner).Line();
            d.Line(T("Drafted by PrivacyByDesign from the declarations in the code of ", "本草稿由 PrivacyByDesign 根据代码中的声明生成，来源程序集：") + Escape.Code(m.AssemblyName)
                + T(". Review every TODO before publishing.", "。发布前请逐项处理 TODO。")).Line();
            Todo("P25", "State the products and services this policy covers, its effective and last-updated dates, and where it is published (prominently, easy to consult and save; shown at registration and first run).",
                "说明本政策适用的产品或服务、生效日期与最近更新日期，以及公开方式（显著、便于查阅和保存；在注册及首次运行时展示）。");

            d.Line("## 1. " + T("Who we are and how to reach us (P1, P2)", "我们是谁以及如何联系我们（P1、P2）")).Line();
            if (m.Processor == null)
            {
                Todo("P1", "Declare [assembly: PersonalInfoProcessor(name, Contact = ...)] with the processor's name and contact details.", "在代码中声明 [assembly: PersonalInfoProcessor(name, Contact = ...)]，写明个人信息处理者的名称和联系方式。");
            }
            else
            {
                var p = m.Processor;
                d.Line("- " + T("Processor", "个人信息处理者") + ": " + owner);
                d.Line("- " + T("Contact", "联系方式") + ": " + Escape.Md(p.Contact ?? "TODO (P1)"));
                d.Line("- " + T("Address", "地址") + ": " + Escape.Md(p.Address ?? "TODO (P1)"));
                d.Line("- " + T("Personal information protection officer", "个人信息保护负责人") + ": "
                    + Escape.Md((p.ProtectionOfficer ?? "TODO (P2)") + (p.ProtectionOfficerContact == null ? string.Empty : ", " + p.ProtectionOfficerContact)));
                if (p.RepresentativeInChina != null)
                {
                    d.Line("- " + T("Representative in China (PIPL Art. 53)", "境内代表（第五十三条）") + ": " + Escape.Md(p.RepresentativeInChina));
                }

                d.Line();
            }

            Todo("P2", "Name the data-security officer and the main responsible person with their contacts" + (facts.HasChildren ? ", and the person responsible for children's personal information." : "."),
                "写明数据安全负责人和主要负责人的姓名及联系方式" + (facts.HasChildren ? "，以及儿童个人信息保护负责人。" : "。"));

            d.Line("## 2. " + T("What we collect and why, per business function (P3, P4, P5, P6, P9, P27)", "我们如何收集和使用您的个人信息（按业务功能，P3、P4、P5、P6、P9、P27）")).Line();
            if (m.Purposes.Count == 0)
            {
                Todo("P3", "Declare each purpose with [assembly: ProcessingPurpose(id, description, legalBasis)].", "使用 [assembly: ProcessingPurpose(id, description, legalBasis)] 声明每一项处理目的。");
            }

            foreach (var function in facts.Functions)
            {
                d.Line("### " + Escape.Md(function.Key)).Line();
                foreach (var p in function)
                {
                    string description = zh && p.DescriptionZh != null ? p.DescriptionZh : p.Description;
                    d.Line("**" + Escape.Md(description) + "** (" + Escape.Code(p.Id) + ")").Line();
                    d.Line("- " + T("Legal basis", "合法性基础") + ": " + (zh ? InventoryFacts.LegalBasisZh(p.LegalBasis) : InventoryFacts.LegalBasisEn(p.LegalBasis)));
                    d.Line("- " + T("Personal information", "个人信息种类") + ": " + string.Join(T(", ", "、"), facts.CategoriesOf(p).Select(c => Bold(facts.IsSensitiveCategory(c), Escape.Md(facts.CategoryLabel(c, zh))))));
                    d.Line("- " + (p.Essential
                        ? T("Necessary for this function: without it we cannot provide it.", "为实现该功能所必需：拒绝提供将无法使用该功能。")
                        : T("Optional: refusing does not affect the core service (PIPL Art. 16).", "非必需：拒绝提供不影响基本业务功能的使用（第十六条）。")));
                    var stores = facts.ItemsFor(p.Id).SelectMany(i => i.Stores).Select(s => s.Name).Distinct().OrderBy(s => s, System.StringComparer.Ordinal).ToList();
                    d.Line("- " + T("Stored in", "存储位置") + ": " + (stores.Count == 0 ? T("not stored by this application", "本应用不存储") : string.Join(", ", stores.Select(Escape.Code)) + T(" (database)", "（数据库）")));
                    d.Line();
                }
            }

            var purposeless = facts.Items.Where(i => i.Purposes.Count == 0).ToList();
            if (purposeless.Count > 0)
            {
                Todo("P3", "Declare the purpose ([Purpose]) of: " + string.Join(", ", purposeless.Select(i => Escape.Code(i.Where))), "为以下数据声明处理目的（[Purpose]）：" + string.Join("、", purposeless.Select(i => Escape.Code(i.Where))));
            }

            if (m.CollectionPoints.Count > 0)
            {
                d.Line(T("Collected through: ", "收集方式：") + string.Join(", ", m.CollectionPoints.Select(c => Escape.Code(c.Display)))).Line();
            }

            Todo("P4", "Describe how each item is collected (forms, APIs, devices, other sources) and processed.", "说明各项个人信息的收集方式（表单、接口、设备、其他来源）和处理方式。");
            Todo("P6", "Give the frequency or timing of collection per function and the system permissions requested.", "说明各业务功能收集个人信息的频次或时机，以及申请的系统权限。");
            Todo("P7", "Say in which situations collection happens and how the individual can stop it (required for vehicles: AUTO Art. 7(2)).", "说明在何种情形下收集个人信息以及如何停止收集（汽车场景必填）。");
            Todo("P9", "Name the region where each store is located and backed up.", "写明各存储及其备份所在的地域。");

            d.Line("## 3. " + T("How long we keep it (P8)", "保存期限（P8）")).Line();
            d.Header(T("Personal information", "个人信息"), T("Period", "期限"), T("When it ends", "期满处理"), T("Legal requirement", "法定要求"));
            foreach (var group in facts.Items.GroupBy(i => i.Type.TypeName, System.StringComparer.Ordinal))
            {
                foreach (var i in group)
                {
                    d.Row(Escape.Md(facts.CategoryLabel(i.CategoryKey, zh)) + " " + Escape.Code(i.Where),
                        i.Retention == null ? "TODO" : Escape.Md(i.Retention.Period),
                        i.Retention == null ? "TODO" : zh ? InventoryFacts.ExpiryZh(i.Retention.OnExpiry) : InventoryFacts.ExpiryEn(i.Retention.OnExpiry),
                        Escape.Md(i.Retention?.LegalRequirement ?? "—"));
                }
            }

            d.Line();

            if (facts.HasSensitive)
            {
                d.Line("## 4. " + T("Sensitive personal information (P11, P22)", "敏感个人信息（P11、P22）")).Line();
                d.Line(T("We ask for your separate consent before processing the following sensitive personal information (PIPL Art. 29).", "处理下列敏感个人信息前，我们将取得您的单独同意（第二十九条）。")).Line();
                d.Header(T("Category", "类别"), T("Where", "位置"), T("Separate consent", "单独同意"), T("Alternative", "替代方式"));
                foreach (var i in facts.Items.Where(i => i.IsSensitive))
                {
                    var consents = i.SeparateConsents.ToList();
                    d.Row(Escape.Md(facts.CategoryLabel(i.CategoryKey, zh)), Escape.Code(i.Where),
                        consents.Count == 0 ? "TODO" : string.Join(", ", consents.Select(c => Escape.Code(c.ConsentId))),
                        Escape.Md(string.Join("; ", consents.Where(c => c.Alternative != null).Select(c => c.Alternative!))));
                }

                d.Line();
                Todo("P11", "For each sensitive category, state why it is necessary and its impact on the individual's rights (PIPL Art. 30).", "逐项说明处理敏感个人信息的必要性以及对个人权益的影响（第三十条）。");
                if (facts.HasFace)
                {
                    Todo("P22", "Publish the face-processing rules: purpose, method and scope of face recognition, and the alternative offered.", "公开人脸信息处理规则：人脸识别的目的、方式和范围，以及提供的替代方式。");
                }
                else
                {
                    notApplicable.Add(T("P22 face recognition: no facial information (biometric.face) is declared.", "P22 人脸识别：代码未声明人脸信息（biometric.face）。"));
                }
            }
            else
            {
                notApplicable.Add(T("P11 sensitive personal information: none is declared or inferred.", "P11 敏感个人信息：代码未声明或识别出敏感个人信息。"));
                notApplicable.Add(T("P22 face recognition: no facial information is declared.", "P22 人脸识别：代码未声明人脸信息。"));
            }

            d.Line("## 5. " + T("Entrusted processing, sharing, transfer and public disclosure (P12, P14, P15, P24)", "委托处理、共享、转让和公开披露（P12、P14、P15、P24）")).Line();
            RecipientTable(d, facts, zh, facts.Model.Recipients.Where(r => r.Kind != "ThirdPartySdk").ToList());
            if (!facts.OfKind("ThirdParty").Any() && !facts.OfKind("JointProcessor").Any())
            {
                d.Line(T("We do not provide personal information to other processors (P12).", "我们不向其他个人信息处理者提供您的个人信息（P12）。")).Line();
            }
            else
            {
                d.Line(T("We ask for your separate consent before providing your personal information to a third party (PIPL Art. 23).", "向第三方提供您的个人信息前，我们将取得您的单独同意（第二十三条）。")).Line();
            }

            if (facts.OfKind("EntrustedProcessor").Any())
            {
                d.Line(T("Entrusted processors act under contracts that fix the purpose, period, method, categories and protection measures (PIPL Art. 21, P14).", "受托处理者依据约定处理目的、期限、方式、个人信息种类和保护措施的合同处理个人信息（第二十一条，P14）。")).Line();
            }
            else
            {
                notApplicable.Add(T("P14 entrusted processors: none declared.", "P14 委托处理：代码未声明受托处理者。"));
            }

            var disclosures = facts.Facts(CodeFactKinds.PublicDisclosure).ToList();
            if (disclosures.Count == 0 && !m.DataTypes.Any(t => t.PublicDisclosure != null))
            {
                d.Line(T("We do not publicly disclose personal information (P15).", "我们不公开披露您的个人信息（P15）。")).Line();
            }
            else
            {
                foreach (var f in disclosures)
                {
                    d.Line("- " + T("Public disclosure", "公开披露") + ": " + Escape.Code(f.Code) + " — " + Escape.Md(f.Value));
                }

                d.Line();
                Todo("P15", "State what is disclosed and that separate consent is requested (PIPL Art. 25).", "说明公开的个人信息内容，并说明将取得单独同意（第二十五条）。");
            }

            d.Line(T("If we merge, split, are dissolved or declared bankrupt and must transfer personal information, we will tell you the recipient's name and contact details (PIPL Art. 22, P24).",
                "因合并、分立、解散、被宣告破产等原因需要转移个人信息的，我们将向您告知接收方的名称和联系方式（第二十二条，P24）。")).Line();

            if (facts.Sdks.Any())
            {
                d.Line("## 6. " + T("Embedded third-party SDKs (P13)", "第三方SDK（P13）")).Line();
                RecipientTable(d, facts, zh, facts.Sdks.ToList());
                Todo("P13", "For each SDK give the frequency or timing of collection and a link to its own processing rules.", "为每个SDK写明收集频次或时机，并提供其个人信息处理规则的链接。");
            }
            else
            {
                notApplicable.Add(T("P13 SDKs: no RecipientKind.ThirdPartySdk is declared.", "P13 第三方SDK：代码未声明 RecipientKind.ThirdPartySdk。"));
            }

            if (facts.CrossBorder.Any())
            {
                d.Line("## 7. " + T("Cross-border transfers (P16)", "个人信息出境（P16）")).Line();
                d.Line(T("We ask for your separate consent before providing personal information outside the country (PIPL Art. 39).", "向境外提供您的个人信息前，我们将取得您的单独同意（第三十九条）。")).Line();
                d.Header(T("Foreign recipient", "境外接收方"), T("Contact", "联系方式"), T("Country or region", "国家或地区"), T("Purposes", "目的"), T("Categories", "个人信息种类"), T("Condition (Art. 38)", "出境条件（第三十八条）"), T("How to exercise your rights", "行使权利的方式"));
                foreach (var r in facts.CrossBorder)
                {
                    d.Row(Escape.Md(r.Name), Escape.Md(r.Contact ?? "TODO"), Escape.Md(r.Country), Escape.Md(string.Join(", ", r.Purposes.Select(id => facts.Purpose(id) is { } p ? (zh && p.DescriptionZh != null ? p.DescriptionZh : p.Description) : id))),
                        string.Join(", ", r.Categories.Select(c => Escape.Md(facts.CategoryLabel(c, zh)))), r.Mechanism == "None" ? "TODO" : Escape.Md(r.Mechanism), Escape.Md(r.RightsProcedure ?? "TODO"));
                }

                d.Line();
            }
            else
            {
                notApplicable.Add(T("P16 cross-border: every declared recipient is in the processor's country.", "P16 出境：声明的接收方均位于境内。"));
            }

            var decisions = facts.Facts(CodeFactKinds.AutomatedDecision).ToList();
            if (decisions.Count > 0)
            {
                d.Line("## 8. " + T("Automated decision-making (P17)", "自动化决策（P17）")).Line();
                foreach (var f in decisions)
                {
                    d.Line("- " + Escape.Code(f.Code) + (f.Value == "significant" ? T(" — significant effect on you", " — 对个人权益有重大影响") : string.Empty));
                }

                d.Line();
                Todo("P17", "Explain the decision logic, the option not targeted at personal characteristics or how to refuse, and how to ask for an explanation (PIPL Art. 24).", "说明决策逻辑、不针对个人特征的选项或便捷的拒绝方式，以及要求说明的途径（第二十四条）。");
            }
            else
            {
                notApplicable.Add(T("P17 automated decisions: no [AutomatedDecision] is declared.", "P17 自动化决策：代码未声明 [AutomatedDecision]。"));
            }

            d.Line("## 9. " + T("How we protect your personal information (P18)", "我们如何保护您的个人信息（P18）")).Line();
            foreach (var group in facts.Items.Where(i => i.Item.Protection != "None").GroupBy(i => i.Item.Protection, System.StringComparer.Ordinal).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                d.Line("- " + (zh ? InventoryFacts.ProtectionZh(group.Key) : InventoryFacts.ProtectionEn(group.Key)) + ": " + string.Join(T(", ", "、"), group.Select(i => Escape.Md(facts.CategoryLabel(i.CategoryKey, zh))).Distinct()));
            }

            d.Line();
            Todo("P18", "Describe transport encryption, access control and audit, certifications, residual risks and how you notify incidents (PIPL Art. 57).", "说明传输加密、访问控制与审计、获得的认证、剩余风险以及安全事件的告知方式（第五十七条）。");

            d.Line("## 10. " + T("Your rights (P10)", "您的权利（P10）")).Line();
            var handlers = facts.Facts(CodeFactKinds.RightsHandler).ToList();
            var withdrawals = facts.Facts(CodeFactKinds.ConsentWithdrawal).ToList();
            foreach (var f in handlers)
            {
                d.Line("- " + Escape.Md(f.Value.Replace(",", ", ")) + ": " + Escape.Code(f.Code));
            }

            foreach (var f in withdrawals)
            {
                d.Line("- " + T("Withdraw consent ", "撤回同意 ") + Escape.Code(f.Value) + ": " + Escape.Code(f.Code));
            }

            d.Line();
            var served = new HashSet<string>(handlers.SelectMany(h => h.Value.Split(',')), System.StringComparer.Ordinal);
            var missing = new[] { "Access", "Portability", "Correction", "Erasure", "WithdrawConsent", "AccountDeletion" }.Where(r => !served.Contains(r) && !(r == "WithdrawConsent" && withdrawals.Count > 0)).ToList();
            Todo("P10", "Describe the channel and procedure for each right (access, copy, correct, delete, restrict, port, close the account, withdraw consent) and the response time"
                + (missing.Count == 0 ? "." : "; no code declares a handler for: " + string.Join(", ", missing) + "."),
                "说明查阅、复制、更正、删除、限制处理、转移、注销账户和撤回同意的途径、程序及答复时限"
                + (missing.Count == 0 ? "。" : "；代码中尚未声明以下权利的处理入口：" + string.Join("、", missing) + "。"));

            if (facts.HasChildren)
            {
                d.Line("## 11. " + T("Children's personal information (P20)", "儿童个人信息（P20）")).Line();
                d.Line(T("Personal information of children under 14 is processed only with the consent of a parent or guardian, who may refuse (PIPL Art. 31).", "处理不满十四周岁未成年人的个人信息，我们将取得其父母或者其他监护人的同意，监护人可以拒绝（第三十一条）。")).Line();
                foreach (var t in m.DataTypes.Where(t => t.MayBeChild))
                {
                    d.Line("- " + Escape.Code(t.TypeName) + (t.GuardianConsent ? T(": guardian consent required", "：需监护人同意") : T(": TODO declare [RequiresGuardianConsent]", "：TODO 声明 [RequiresGuardianConsent]")));
                }

                d.Line();
                Todo("P20", "Publish dedicated rules for children's personal information (CHILD Art. 8) or a children's section approved by your children's-data officer.", "制定专门的儿童个人信息处理规则（《儿童个人信息网络保护规定》第八条）。");
            }
            else
            {
                notApplicable.Add(T("P20 children: no type declares a data subject under 14 or [RequiresGuardianConsent].", "P20 儿童：代码未声明不满十四周岁的个人信息主体或 [RequiresGuardianConsent]。"));
            }

            d.Line("## 12. " + T("Changes to this policy (P23)", "本政策如何更新（P23）")).Line();
            Todo("P23", "Keep a change log, say how you notify changes, and when you ask for consent again (purpose, method or categories change).", "保留变更记录，说明变更的告知方式，以及在目的、方式或种类变更时重新取得同意。");

            d.Line("## 13. " + T("Complaints and contact (P19)", "投诉与联系（P19）")).Line();
            d.Line(T("Contact: ", "联系方式：") + Escape.Md(m.Processor?.Contact ?? "TODO")).Line();
            Todo("P19", "Give the complaint and reporting channels, the response time and the external dispute-resolution body.", "提供投诉、举报渠道、答复时限以及外部争议解决途径。");

            d.Line("## 14. " + T("Items the team must confirm (P21, P26)", "需要团队确认的事项（P21、P26）")).Line();
            Todo("P21", "If images or identity information are collected in public places, describe the signage and the public-security purpose; otherwise state that none is collected.", "如在公共场所采集图像或身份识别信息，说明提示标识和仅用于维护公共安全的目的；否则删除本项。");
            Todo("P26", "If personal information is authorised to a data exchange or platform, give the grantee, types, scenario and end date; otherwise delete this item.", "如向数据交易平台授权个人信息，写明被授权方、种类、场景和授权期限；否则删除本项。");

            d.Line("## 15. " + T("Items that do not apply", "不适用的事项")).Line();
            foreach (var line in notApplicable)
            {
                d.Line("- " + line);
            }

            if (notApplicable.Count == 0)
            {
                d.Line("- " + T("None: every item applies.", "无：所有事项均适用。"));
            }

            return d.ToString();
        }

        private static void RecipientTable(DocBuilder d, InventoryFacts facts, bool zh, IReadOnlyList<RecipientModel> recipients)
        {
            if (recipients.Count == 0)
            {
                return;
            }

            d.Header(zh ? "接收方" : "Recipient", zh ? "类型" : "Kind", zh ? "联系方式" : "Contact", zh ? "目的" : "Purposes", zh ? "个人信息种类" : "Categories", zh ? "国家或地区" : "Country");
            foreach (var r in recipients)
            {
                d.Row(Escape.Md(r.Name), zh ? InventoryFacts.KindZh(r.Kind) : Escape.Md(r.Kind), Escape.Md(r.Contact ?? "TODO"),
                    Escape.Md(string.Join(", ", r.Purposes.Select(id => facts.Purpose(id) is { } p ? (zh && p.DescriptionZh != null ? p.DescriptionZh : p.Description) : id))),
                    string.Join(", ", r.Categories.Select(c => Escape.Md(facts.CategoryLabel(c, zh)))), Escape.Md(r.Country ?? "TODO"));
            }

            d.Line();
        }

        private static string Bold(bool bold, string text) => bold ? "**" + text + "**" : text;
    }
}
