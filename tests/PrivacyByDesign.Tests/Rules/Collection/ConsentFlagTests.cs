using PrivacyByDesign.Analyzers.Rules.Collection;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>PBD3009 pre-ticked and PBD3010 bundled consent flags.</summary>
public class ConsentFlagTests
{
    [Fact]
    public async Task PBD3009_consent_flags_defaulting_to_true_are_reported()
    {
        const string source = """
            using PrivacyByDesign;
            public class SignUpForm
            {
                [Consent("marketing")] public bool Marketing { get; set; } = {|#0:true|};
                public bool AgreeToTerms { get; set; } = {|#1:true|};
                public bool AcceptsCookies = {|#2:true|};
                [Consent("lab")] public bool Lab { get; set; }
                public bool AgreeToSms { get; set; } = false;
                public bool RememberMe { get; set; } = true;
            }

            public record OptIn([Consent("news")] bool News = {|#3:true|}, bool OptInPush = {|#4:true|});

            public class FeatureOptions
            {
                public bool AcceptInvalidCertificates { get; set; } = true;
            }

            public class Service
            {
                public void Run(bool acceptAll = true) { }
            }
            """;
        await CollectionVerifier<PreTickedConsentAnalyzer>.VerifyAsync(source,
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(0).WithArguments("Marketing"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(1).WithArguments("AgreeToTerms"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(2).WithArguments("AcceptsCookies"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(3).WithArguments("News"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(4).WithArguments("OptInPush"));
    }

    [Fact]
    public async Task PBD3009_a_constant_true_is_pre_ticked_and_locals_and_method_parameters_are_not_model_members()
    {
        const string source = """
            using PrivacyByDesign;
            public static class Defaults
            {
                public const bool On = true;
                public const bool Off = false;
            }

            public class SignUpForm
            {
                public bool AgreeToTerms { get; set; } = {|#0:Defaults.On|};
                public bool AcceptsCookies = {|#1:!false|};
                [Consent("marketing")] public bool Marketing { get; set; } = Defaults.Off;
                public bool AgreeToSms, AcceptsCalls = {|#2:true|};

                public void Submit(bool acceptAll = true)
                {
                    bool agreeToTerms = true;
                    var acceptsCookies = Defaults.On;
                    System.Func<bool, bool> optIn = (bool agree = true) => agree;
                }
            }
            """;
        await CollectionVerifier<PreTickedConsentAnalyzer>.VerifyAsync(source,
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(0).WithArguments("AgreeToTerms"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(1).WithArguments("AcceptsCookies"),
            CollectionVerifier<PreTickedConsentAnalyzer>.Diagnostic("PBD3009").WithLocation(2).WithArguments("AcceptsCalls"));
    }

    [Fact]
    public async Task PBD3010_one_flag_for_several_purposes_is_bundled()
    {
        const string source = """
            using PrivacyByDesign;
            public class SignUpForm
            {
                [{|#0:Consent("marketing", "profiling")|}] public bool Marketing { get; set; }
                [Consent("lab")] public bool Lab { get; set; }
                [Consent("lab", "lab")] public bool LabTwice { get; set; }
                public bool {|#1:AgreeToEverything|} { get; set; }
                public bool {|#2:AcceptAll|} { get; set; }
                public bool AgreeToTerms { get; set; }
                public bool Allowance { get; set; }
                public bool {|#4:IsAcceptAll|} { get; set; }
                private bool {|#5:__agreeToAll|};
                public bool Is { get; set; }
                public bool IsAll { get; set; }
                public string AgreeToAllText { get; set; } = "";
                public string AcceptAll2 { get; set; } = "";
                public void Sign(bool acceptAll) { }
            }

            public class ConsentOptions
            {
                public bool AcceptAll { get; set; }
            }

            public record Form(bool Terms, [{|#3:Consent("a", "b")|}] bool Both, bool {|#6:OptInToAll|});
            """;
        await CollectionVerifier<BundledConsentAnalyzer>.VerifyAsync(source,
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(0).WithArguments("Marketing", "'marketing', 'profiling'"),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(1).WithArguments("AgreeToEverything", "every purpose by its name"),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(2),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(3).WithArguments("Both", "'a', 'b'"),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(4).WithArguments("IsAcceptAll", "every purpose by its name"),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(5).WithArguments("__agreeToAll", "every purpose by its name"),
            CollectionVerifier<BundledConsentAnalyzer>.Diagnostic("PBD3010").WithLocation(6).WithArguments("OptInToAll", "every purpose by its name"));
    }
}
