using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.ObsoleteTlsProtocolAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2004Tests
{
    [Fact]
    public async Task Selecting_ssl3_tls10_or_tls11_is_reported()
    {
        const string source = """
            #pragma warning disable SYSLIB0039, CS0618
            using System.Net;
            using System.Net.Http;
            using System.Security.Authentication;
            class Clients
            {
                void Configure()
                {
                    ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Ssl3|} | SecurityProtocolType.Tls12;
                    var handler = new HttpClientHandler { SslProtocols = {|#1:SslProtocols.Tls|} | {|#2:SslProtocols.Tls11|} | SslProtocols.Tls12 };
                    ServicePointManager.SecurityProtocol |= {|#3:SecurityProtocolType.Tls11|};
                }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD2004").WithLocation(0).WithArguments("SecurityProtocolType", "Ssl3"),
            Verify.Diagnostic("PBD2004").WithLocation(1).WithArguments("SslProtocols", "Tls"),
            Verify.Diagnostic("PBD2004").WithLocation(2).WithArguments("SslProtocols", "Tls11"),
            Verify.Diagnostic("PBD2004").WithLocation(3).WithArguments("SecurityProtocolType", "Tls11"));
    }

    [Fact]
    public async Task Modern_protocols_checks_and_removals_are_clean()
    {
        const string source = """
            #pragma warning disable SYSLIB0039, CS0618
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            class Clients
            {
                bool Configure(SslStream stream)
                {
                    var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
                    ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
                    if (stream.SslProtocol == SslProtocols.Tls11)
                    {
                        return false;
                    }

                    switch (stream.SslProtocol)
                    {
                        case SslProtocols.Tls: return false;
                    }

                    return stream.SslProtocol is not SslProtocols.Ssl3 && !ServicePointManager.SecurityProtocol.HasFlag(SecurityProtocolType.Tls);
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
