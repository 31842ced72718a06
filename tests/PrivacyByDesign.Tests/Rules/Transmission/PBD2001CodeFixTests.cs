using Microsoft.CodeAnalysis.Testing;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyByDesign.Analyzers.Rules.Transmission.PlaintextEndpointAnalyzer,
    PrivacyByDesign.CodeFixes.Transmission.PlaintextEndpointCodeFixProvider>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2001CodeFixTests
{
    [Fact]
    public async Task Literal_http_becomes_https()
    {
        await Verify.VerifyFixAsync(
            """
            using System.Net.Http;
            class C
            {
                void Run(HttpClient client) => client.GetAsync({|PBD2001:"http://api.example.com/products"|});
            }
            """,
            """
            using System.Net.Http;
            class C
            {
                void Run(HttpClient client) => client.GetAsync("https://api.example.com/products");
            }
            """);
    }

    [Fact]
    public async Task Constant_used_elsewhere_and_interpolated_text_are_rewritten_at_their_declaration()
    {
        await Verify.VerifyFixAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            class C
            {
                private const string Base = "http://api.example.com";
                void Run(HttpClient client, ClientWebSocket socket, int id)
                {
                    client.GetAsync({|PBD2001:Base + "/products"|});
                    client.GetAsync({|PBD2001:$"http://api.example.com/products/{id}"|});
                    socket.ConnectAsync({|PBD2001:new Uri(@"ws://push.example.com/feed")|}, CancellationToken.None);
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            class C
            {
                private const string Base = "https://api.example.com";
                void Run(HttpClient client, ClientWebSocket socket, int id)
                {
                    client.GetAsync(Base + "/products");
                    client.GetAsync($"https://api.example.com/products/{id}");
                    socket.ConnectAsync(new Uri(@"wss://push.example.com/feed"), CancellationToken.None);
                }
            }
            """);
    }

    [Fact]
    public async Task Only_the_http_literal_is_rewritten_and_ftp_keeps_its_diagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;
            class C
            {
                void Run(HttpClient client, string host)
                {
                    WebRequest.Create({|PBD2001:"ftp://files.example.com/a.csv"|});
                    client.GetAsync({|PBD2001:"http://" + host + "/a"|});
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Net.Http;
            class C
            {
                void Run(HttpClient client, string host)
                {
                    WebRequest.Create({|PBD2001:"ftp://files.example.com/a.csv"|});
                    client.GetAsync("https://" + host + "/a");
                }
            }
            """;
        await Verify.VerifyFixAsync(source, fixedSource, configure: test => test.FixedState.MarkupHandling = MarkupMode.Allow);
    }
}
