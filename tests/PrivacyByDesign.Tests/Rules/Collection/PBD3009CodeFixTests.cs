using Verify = PrivacyByDesign.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyByDesign.Analyzers.Rules.Collection.PreTickedConsentAnalyzer,
    PrivacyByDesign.CodeFixes.Collection.UntickConsentCodeFixProvider>;

namespace PrivacyByDesign.Tests.Rules.Collection;

public class PBD3009CodeFixTests
{
    [Fact]
    public async Task Property_field_and_parameter_flags_start_unticked()
    {
        const string source = """
            using PrivacyByDesign;
            public class SignUpForm
            {
                [Consent("marketing")] public bool Marketing { get; set; } = {|PBD3009:true|}; // keep this comment
                public bool AcceptsCookies = {|PBD3009:true|};
            }

            public record OptIn(bool OptInPush = {|PBD3009:true|});
            """;
        const string fixedSource = """
            using PrivacyByDesign;
            public class SignUpForm
            {
                [Consent("marketing")] public bool Marketing { get; set; } // keep this comment
                public bool AcceptsCookies;
            }

            public record OptIn(bool OptInPush = false);
            """;
        await Verify.VerifyFixAsync(source, fixedSource);
    }
}
