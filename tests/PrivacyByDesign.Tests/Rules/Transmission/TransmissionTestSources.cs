using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Rules.Transmission;

/// <summary>
/// Shared model for transmission tests: an annotated patient, an account whose names imply personal information,
/// a product without any, and stand-ins for packages the test compilations do not reference (gRPC, the HttpClient
/// factory, RabbitMQ, SqlClient, StackExchange.Redis); the rules match those by metadata name.
/// </summary>
internal static class TransmissionTestSources
{
    public const string Model = """
        using PrivacyByDesign;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = "";
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
            [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Diagnosis { get; set; } = "";
        }
        public class UserAccount
        {
            public int Id { get; set; }
            public string IdCardNo { get; set; } = "";
        }
        public class Product
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
            public decimal Price { get; set; }
        }
        """;

    public const string Stubs = """
        namespace Grpc.Net.Client
        {
            public sealed class GrpcChannel
            {
                public static GrpcChannel ForAddress(string address) => new GrpcChannel();
                public static GrpcChannel ForAddress(System.Uri address) => new GrpcChannel();
            }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IHttpClientBuilder { }
            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, System.Action<System.Net.Http.HttpClient> configureClient) => null!;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, System.Action<System.Net.Http.HttpClient> configureClient) where TClient : class => null!;
            }
        }
        namespace RabbitMQ.Client
        {
            public class ConnectionFactory { public System.Uri Uri { get; set; } = null!; }
        }
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnectionStringBuilder
            {
                public bool Encrypt { get; set; }
                public bool TrustServerCertificate { get; set; }
                public string DataSource { get; set; } = "";
            }
        }
        namespace StackExchange.Redis
        {
            public sealed class ConfigurationOptions { public bool Ssl { get; set; } public string Password { get; set; } = ""; }
        }
        """;

    public static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, null, expected);

    public static Task VerifyAsync<TAnalyzer>(string source, Action<CSharpAnalyzerVerifier<TAnalyzer>.Test>? configure, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAsync(source, test =>
        {
            test.TestState.Sources.Add(("Model.cs", Model));
            test.TestState.Sources.Add(("Stubs.cs", Stubs));
            configure?.Invoke(test);
        }, expected);
}
