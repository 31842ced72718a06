using PrivacyByDesign.Analyzers.Rules.Transmission;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.PlaintextEndpointInConfigurationAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2006Tests
{
    [Fact]
    public async Task Plaintext_endpoints_in_appsettings_are_reported_at_the_value()
    {
        const string json = """
            {
              "Services": {
                "Insurer": { "BaseUrl": "http://insurer.example.com/api/" },
                "Push": "ws://push.example.com/feed",
                "Exports": [ "ftp://files.example.com/out" ]
              },
              "RabbitMq": { "Uri": "amqp://guest:guest@broker.example.com:5672" }
            }
            """;
        await TransmissionTestSources.VerifyAsync<PlaintextEndpointInConfigurationAnalyzer>("class C { }",
            test => test.TestState.AdditionalFiles.Add(("/0/appsettings.json", json)),
            Verify.Diagnostic("PBD2006").WithSpan("/0/appsettings.json", 3, 29, 3, 62).WithArguments("BaseUrl", "http://insurer.example.com/api/", "https"),
            Verify.Diagnostic("PBD2006").WithSpan("/0/appsettings.json", 4, 13, 4, 41).WithArguments("Push", "ws://push.example.com/feed", "wss"),
            Verify.Diagnostic("PBD2006").WithSpan("/0/appsettings.json", 5, 18, 5, 47).WithArguments("Exports", "ftp://files.example.com/out", "ftps"),
            Verify.Diagnostic("PBD2006").WithSpan("/0/appsettings.json", 7, 24, 7, 68).WithArguments("Uri", "amqp://guest:guest@broker.example.com:5672", "amqps"));
    }

    [Fact]
    public async Task Secure_loopback_listen_and_namespace_values_are_clean()
    {
        const string json = """
            {
              "$schema": "http://json.schemastore.org/appsettings.json",
              "Services": { "Insurer": "https://insurer.example.com/api/", "Push": "wss://push.example.com" },
              "Seq": { "ServerUrl": "http://localhost:5341" },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:8080" }, "Any": { "Url": "http://*:5000" } } },
              "Soap": { "EnvelopeNamespace": "http://schemas.xmlsoap.org/soap/envelope/" },
              "Help": "See the runbook for the http:// endpoints we retired",
              "Health": "http://127.0.0.1:8081/health"
            }
            """;
        await TransmissionTestSources.VerifyAsync<PlaintextEndpointInConfigurationAnalyzer>("class C { }", test =>
        {
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", json));
            test.TestState.AdditionalFiles.Add(("/0/notes.json", """{ "Url": "http://insurer.example.com" }"""));
        });
    }
}
