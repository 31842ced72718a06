using PrivacyByDesign.Analyzers.Rules.Transmission;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.CertificateValidationDisabledAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2003Tests
{
    [Fact]
    public async Task Accept_all_callbacks_are_reported_in_every_shape()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            class Clients
            {
                static bool AcceptEverything(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

                void Configure(SocketsHttpHandler sockets, System.IO.Stream stream)
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|};
                    handler.ServerCertificateCustomValidationCallback = {|#1:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    var other = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|#2:delegate { return true; }|} };
                    ServicePointManager.ServerCertificateValidationCallback += {|#3:(sender, certificate, chain, errors) => { return true; }|};
                    sockets.SslOptions.RemoteCertificateValidationCallback = {|#4:AcceptEverything|};
                    var ssl = new SslStream(stream, false, {|#5:(sender, certificate, chain, errors) => true|});
                }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD2003").WithLocation(0).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback"),
            Verify.Diagnostic("PBD2003").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD2003").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD2003").WithLocation(3).WithArguments("ServicePointManager.ServerCertificateValidationCallback"),
            Verify.Diagnostic("PBD2003").WithLocation(4).WithArguments("SslClientAuthenticationOptions.RemoteCertificateValidationCallback"),
            Verify.Diagnostic("PBD2003").WithLocation(5).WithArguments("The callback passed as 'userCertificateValidationCallback'"));
    }

    [Fact]
    public async Task Callbacks_that_validate_or_pin_are_clean()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            class Clients
            {
                private const string PinnedThumbprint = "A1B2C3";

                static bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    return certificate?.GetCertHashString() == PinnedThumbprint;
                }

                void Configure(SocketsHttpHandler sockets)
                {
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None;
                    handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => certificate?.Thumbprint == PinnedThumbprint;
                    sockets.SslOptions.RemoteCertificateValidationCallback = Pinned;
                    System.Func<bool> unrelated = () => true;
                }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
