using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PrivacyByDesign.Analyzers.Collection
{
    /// <summary>One app type of the regulators' necessary-information rules and the categories necessary for its basic function.</summary>
    internal sealed class AppTypePreset
    {
        public AppTypePreset(string id, string nameZh, string nameEn, ImmutableHashSet<string> necessary)
        {
            Id = id;
            NameZh = nameZh;
            NameEn = nameEn;
            Necessary = necessary;
        }

        public string Id { get; }

        public string NameZh { get; }

        public string NameEn { get; }

        /// <summary>Taxonomy ids necessary for the basic function; empty for the types whose basic function needs none.</summary>
        public ImmutableHashSet<string> Necessary { get; }
    }

    /// <summary>
    /// 《常见类型移动互联网应用程序必要个人信息范围规定》 (2021): the necessary personal information of 38 common app types,
    /// mapped to taxonomy ids (regulation-digest-standards §3). Data, not logic: the analyzers and the generator read it.
    /// </summary>
    internal static class AppTypePresets
    {
        // "Registered user's mobile number or other real-identity information" (the recurring registration item), plus
        // the credentials of the account being registered, which registration cannot work without.
        private static readonly string[] Registration =
        {
            "contact.phone", "identity.name", "identity.national_id", "identity.passport", "identity.driver_license",
            "identity.other_id_document", "account.user_id", "account.password",
        };

        private static readonly string[] Consignee = { "identity.name", "contact.address", "contact.phone" };

        private static readonly string[] Payment = { "finance.bank_account", "finance.transaction" };

        private static readonly string[] RealName = { "identity.name", "identity.national_id", "identity.passport", "identity.other_id_document", "identity.document_image" };

        public static ImmutableArray<AppTypePreset> All { get; } = ImmutableArray.Create(
            Preset("map_navigation", "地图导航类", "Map and navigation", "location.precise"),
            Preset("ride_hailing", "网络约车类", "Ride-hailing", Registration, "location.trip", "location.precise", "location.trajectory"),
            Preset("instant_messaging", "即时通信类", "Instant messaging", Registration, "account.user_id", "comm.social_graph"),
            Preset("online_community", "网络社区类", "Online community", Registration),
            Preset("online_payment", "网络支付类", "Online payment", Registration, RealName, "finance.bank_account", "contact.phone"),
            Preset("online_shopping", "网上购物类", "Online shopping", Registration, Consignee, Payment),
            Preset("food_delivery", "餐饮外卖类", "Food delivery", Registration, Consignee, Payment),
            Preset("express_logistics", "快递物流类", "Express and logistics", Consignee),
            Preset("transport_ticketing", "交通票务类", "Transport ticketing", Registration, RealName, "location.trip", Payment),
            Preset("dating", "婚恋相亲类", "Dating and matchmaking", Registration, "basic.gender", "basic.birth_date", "basic.marital_status"),
            Preset("recruitment", "求职招聘类", "Job search and recruitment", Registration, "work_edu.resume"),
            Preset("online_lending", "网络借贷类", "Online lending", Registration, RealName, "finance.bank_account"),
            Preset("real_estate", "房屋租售类", "Housing rental and sale", Registration, "contact.address"),
            Preset("used_car", "二手车交易类", "Used-car trading", Registration, RealName, "vehicle.plate_vin"),
            Preset("medical_appointment", "问诊挂号类", "Medical consultation and appointment", Registration, RealName, "health.medical_record"),
            Preset("travel", "旅游服务类", "Travel services", Registration, "location.trip", RealName),
            Preset("hotel", "酒店服务类", "Hotel booking", Registration, "identity.name", "contact.phone", "location.accommodation"),
            Preset("online_game", "网络游戏类", "Online games", Registration),
            Preset("education", "学习教育类", "Learning and education", Registration),
            Preset("local_life", "本地生活类", "Local services", Registration),
            Preset("womens_health", "女性健康类", "Women's health", Registration, "health.reproductive"),
            Preset("vehicle_services", "用车服务类", "Vehicle services", Registration, RealName, "identity.driver_license"),
            Preset("investment", "投资理财类", "Investment", Registration, RealName, "finance.securities_insurance", "finance.bank_account"),
            Preset("mobile_banking", "手机银行类", "Mobile banking", Registration, RealName, "finance.bank_account", "contact.phone"),
            Preset("mail_cloud", "邮箱云盘类", "E-mail and cloud drive", Registration),
            Preset("remote_meeting", "远程会议类", "Remote meetings", Registration),
            Preset("live_streaming", "网络直播类", "Live streaming"),
            Preset("online_media", "在线影音类", "Online audio and video"),
            Preset("short_video", "短视频类", "Short video"),
            Preset("news", "新闻资讯类", "News"),
            Preset("fitness", "运动健身类", "Sports and fitness"),
            Preset("browser", "浏览器类", "Browser"),
            Preset("input_method", "输入法类", "Input method"),
            Preset("security_tools", "安全管理类", "Security management"),
            Preset("ebook", "电子图书类", "E-books"),
            Preset("camera_beauty", "拍摄美化类", "Photo and beautify"),
            Preset("app_store", "应用商店类", "App store"),
            Preset("utilities", "实用工具类", "Utilities"));

        private static readonly Dictionary<string, AppTypePreset> ById = All.ToDictionary(p => p.Id, StringComparer.Ordinal);

        /// <summary>The preset for an id; <c>online-shopping</c>, <c>Online_Shopping</c> and <c>online_shopping</c> are the same.</summary>
        public static AppTypePreset? Find(string id) => ById.TryGetValue(id.Trim().Replace('-', '_').ToLowerInvariant(), out var preset) ? preset : null;

        private static AppTypePreset Preset(string id, string zh, string en, params object[] parts)
        {
            var set = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (part is string single)
                {
                    set.Add(single);
                }
                else
                {
                    set.UnionWith((string[])part);
                }
            }

            return new AppTypePreset(id, zh, en, set.ToImmutable());
        }
    }
}
