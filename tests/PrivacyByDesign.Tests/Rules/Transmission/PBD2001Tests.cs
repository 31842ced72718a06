using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Analyzers.Rules.Transmission;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.PlaintextEndpointAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2001Tests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => TransmissionTestSources.VerifyAsync<PlaintextEndpointAnalyzer>(source, expected);

    private static DiagnosticResult At(int location) => Verify.Diagnostic("PBD2001").WithLocation(location).WithMessage(null);

    [Fact]
    public async Task Literal_address_is_reported_with_the_api_and_the_secure_scheme()
    {
        const string source = """
            using System.Net.Http;
            class Catalogue
            {
                async System.Threading.Tasks.Task Run(HttpClient client)
                {
                    await client.GetAsync({|#0:"http://api.example.com/products"|});
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic("PBD2001").WithLocation(0).WithArguments("HttpClient.GetAsync", "http://api.example.com/products", "https"));
    }

    [Fact]
    public async Task Every_http_client_method_is_a_network_api()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Catalogue
            {
                async Task Run(HttpClient client, Product product)
                {
                    await client.GetStringAsync({|#0:"http://shop.example.com/a"|});
                    await client.GetByteArrayAsync({|#1:"http://shop.example.com/b"|});
                    await client.PostAsync({|#2:"http://shop.example.com/c"|}, new StringContent("ping"));
                    await client.PutAsync({|#3:"http://shop.example.com/d"|}, new StringContent("ping"));
                    await client.DeleteAsync({|#4:"http://shop.example.com/e"|});
                    await client.PostAsJsonAsync({|#5:"http://shop.example.com/f"|}, product);
                    await client.GetFromJsonAsync<Product>({|#6:"http://shop.example.com/g"|});
                    await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, {|#7:"http://shop.example.com/h"|}));
                }
            }
            """;
        await VerifyAsync(source, At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7));
    }

    [Fact]
    public async Task Constants_concatenations_interpolations_locals_and_uris_are_resolved()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Catalogue
            {
                private const string Base = "http://shop.example.com";
                private static readonly Uri Endpoint = new Uri("http://stock.example.com/api/");
                async Task Run(HttpClient client, string path, int id)
                {
                    await client.GetAsync({|#0:Base|});
                    await client.GetAsync({|#1:Base + "/products/" + path|});
                    await client.GetAsync({|#2:$"http://shop.example.com/products/{id}"|});
                    await client.GetAsync({|#3:$"{Base}/products/{id}"|});
                    var url = "http://shop.example.com/" + path;
                    await client.GetAsync({|#4:url|});
                    await client.GetAsync({|#5:new Uri("http://shop.example.com/x")|});
                    await client.GetAsync({|#6:new Uri(Endpoint, path)|});
                    const string local = "ftp://files.example.com/export.csv";
                    await client.GetAsync({|#7:local|});
                }
            }
            """;
        await VerifyAsync(source, At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7));
    }

    [Fact]
    public async Task Base_addresses_request_messages_and_other_clients_are_reported()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;
            using Grpc.Net.Client;
            using Microsoft.Extensions.DependencyInjection;
            class Wiring
            {
                async Task Run(IServiceCollection services, ClientWebSocket socket)
                {
                    var client = new HttpClient { BaseAddress = {|#0:new Uri("http://inventory.example.com/")|} };
                    client.BaseAddress = {|#1:new Uri("http://inventory.example.com/v2/")|};
                    services.AddHttpClient("inventory", c => c.BaseAddress = {|#2:new Uri("http://inventory.example.com/")|});
                    services.AddHttpClient<Wiring>(c => { c.BaseAddress = {|#8:new Uri("http://typed.example.com/")|}; });
                    var request = new HttpRequestMessage { RequestUri = {|#3:new Uri("http://inventory.example.com/ping")|} };
                    var legacy = WebRequest.Create({|#4:"ftp://files.example.com/daily.csv"|});
                    await socket.ConnectAsync({|#5:new Uri("ws://push.example.com/feed")|}, CancellationToken.None);
                    var channel = GrpcChannel.ForAddress({|#6:"http://grpc.example.com:5000"|});
                    var factory = new RabbitMQ.Client.ConnectionFactory { Uri = {|#7:new Uri("amqp://broker.example.com")|} };
                }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD2001").WithLocation(0).WithArguments("HttpClient.BaseAddress", "http://inventory.example.com/", "https"),
            At(1), At(2), At(3),
            Verify.Diagnostic("PBD2001").WithLocation(4).WithArguments("WebRequest.Create", "ftp://files.example.com/daily.csv", "ftps"),
            Verify.Diagnostic("PBD2001").WithLocation(5).WithArguments("ClientWebSocket.ConnectAsync", "ws://push.example.com/feed", "wss"),
            Verify.Diagnostic("PBD2001").WithLocation(6).WithArguments("GrpcChannel.ForAddress", "http://grpc.example.com:5000", "https"),
            Verify.Diagnostic("PBD2001").WithLocation(7).WithArguments("ConnectionFactory.Uri", "amqp://broker.example.com", "amqps"),
            At(8));
    }

    [Fact]
    public async Task Encrypted_schemes_relative_addresses_and_unknown_addresses_are_clean()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;
            class Catalogue
            {
                async Task Run(HttpClient client, ClientWebSocket socket, string configured, Uri fromOptions)
                {
                    await client.GetAsync("https://shop.example.com/products");
                    await client.GetAsync("products/42");
                    await client.GetAsync("/products/42");
                    await client.GetAsync(configured);
                    await client.GetAsync(fromOptions);
                    client.BaseAddress = new Uri("https://shop.example.com/");
                    await socket.ConnectAsync(new Uri("wss://push.example.com/feed"), CancellationToken.None);
                    await client.GetAsync("HTTPS://SHOP.EXAMPLE.COM/");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Loopback_and_listen_addresses_are_not_remote_endpoints()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class LocalTools
            {
                async Task Run(HttpClient client, int port)
                {
                    await client.GetAsync("http://localhost/health");
                    await client.GetAsync("http://localhost:5000/health");
                    await client.GetAsync("http://127.0.0.1:8080/metrics");
                    await client.GetAsync("http://[::1]:8080/metrics");
                    await client.GetAsync("http://api.localhost/ping");
                    await client.GetAsync($"http://localhost:{port}/health");
                    await client.GetAsync("http://local" + "host/");
                    client.BaseAddress = new Uri("http://user:secret@localhost:9200/");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Plaintext_looking_strings_that_never_reach_a_network_api_are_clean()
    {
        const string source = """
            using System;
            using System.Xml.Linq;
            using System.Xml.Serialization;
            [XmlRoot("Envelope", Namespace = "http://schemas.xmlsoap.org/soap/envelope/")]
            public class Envelope
            {
                [XmlElement(Namespace = "http://tempuri.org/")] public string Body { get; set; } = "";
            }
            class Documents
            {
                private const string Help = "http://docs.example.com/help";
                private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
                void Run()
                {
                    var ns = new XmlSerializerNamespaces();
                    ns.Add("soap", "http://schemas.xmlsoap.org/soap/envelope/");
                    var element = new XElement(XNamespace.Get("http://example.com/ns") + "root");
                    Console.WriteLine("Docs live at http://docs.example.com/help");
                    Console.WriteLine(Help);
                    var unused = new Uri("http://example.com/not-called");
                    var text = unused.ToString();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Namespace_hosts_passed_to_http_apis_are_exempt_but_lookalikes_are_not()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            class Schemas
            {
                async Task Run(HttpClient client)
                {
                    await client.GetAsync("http://www.w3.org/2001/XMLSchema.xsd");
                    await client.GetAsync({|#0:"http://www.w3.org.evil.example/collect"|});
                    await client.GetAsync({|#1:"http://localhost.evil.example/collect"|});
                }
            }
            """;
        await VerifyAsync(source, At(0), At(1));
    }
}
