using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Rules;
using PrivacyByDesign.Tests.Robustness;

namespace PrivacyByDesign.Tests.Classification;

/// <summary>Library types the rules resolve only when the code shows a type of the same name.</summary>
public class KnownTypeTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.SignalR;

        namespace Shop
        {
            public interface IChatClient { }
            public sealed class KeyedHash : HMACSHA256 { }
            public sealed class Protector : IDataProtector
            {
                public IDataProtector CreateProtector(string purpose) => this;
                public byte[] Protect(byte[] plaintext) => plaintext;
                public byte[] Unprotect(byte[] protectedData) => protectedData;
            }
            public class ChatHub : Hub { }
            public class TypedHub : Hub<IChatClient> { }
            public class Outer { public class Inner { } public class Repository<T> { } }
            public class HMAC { }
            [Obsolete] public class Old : List<int>, IDisposable { public void Dispose() { } }
        }
        """;

    private static readonly string[] MetadataNames =
    {
        "System.Security.Cryptography.HMAC",
        "Microsoft.AspNetCore.DataProtection.IDataProtector",
        "Microsoft.AspNetCore.SignalR.Hub",
        "Microsoft.AspNetCore.SignalR.Hub`1",
        "Shop.Outer+Inner",
        "Shop.Outer+Repository`1",
        "System.ObsoleteAttribute",
        "System.IDisposable",
        "No.Such.Type",
    };

    [Theory]
    [InlineData("System.Security.Cryptography.HMAC", "HMAC")]
    [InlineData("Microsoft.AspNetCore.SignalR.Hub`1", "Hub")]
    [InlineData("Shop.Outer+Repository`1", "Repository")]
    [InlineData("Shop.Outer+Inner", "Inner")]
    [InlineData("Global", "Global")]
    public void Its_name_is_the_one_the_symbol_gives(string metadataName, string name)
        => Assert.Equal(name, new KnownType(Compile(), metadataName).Name);

    [Fact]
    public void Every_answer_is_the_one_the_resolved_type_gives()
    {
        var compilation = Compile();
        var symbols = SymbolsOf(compilation);
        foreach (string metadataName in MetadataNames)
        {
            var known = new KnownType(compilation, metadataName);
            var resolved = PrivacySymbols.Find(compilation, metadataName);
            // Each library type is met at least once, so every comparison is made both ways.
            Assert.True(resolved == null || symbols.Any(s => known.IsOrIsBaseOf(s as ITypeSymbol) || known.IsOrIsImplementedBy(s as ITypeSymbol) || known.IsOn(s)), metadataName);
            foreach (var symbol in symbols)
            {
                var type = symbol as ITypeSymbol;
                string where = metadataName + " / " + symbol.ToDisplayString();
                Assert.True(SymbolRelations.Same(symbol, resolved) == known.Is(symbol), where);
                Assert.True(SymbolRelations.IsOrDerivesFrom(type, resolved) == known.IsOrIsBaseOf(type), where);
                Assert.True(IsOrImplements(type, resolved) == known.IsOrIsImplementedBy(type), where);
                Assert.True(SymbolRelations.HasAttribute(symbol, resolved) == known.IsOn(symbol), where);
            }
        }
    }

    [Fact]
    public void A_type_is_resolved_only_when_a_type_of_its_name_is_met()
    {
        var compilation = Compile();
        const string Name = "System.Security.Cryptography.HMAC";
        var hmac = new KnownType(compilation, Name);

        var protector = compilation.GetTypeByMetadataName("Shop.Protector");
        Assert.False(hmac.Is(compilation.GetSpecialType(SpecialType.System_String)));
        Assert.False(hmac.IsOrIsBaseOf(protector));
        Assert.False(hmac.IsOrIsImplementedBy(protector));
        Assert.False(hmac.IsOn(compilation.GetTypeByMetadataName("Shop.Old")!));
        Assert.False(PrivacySymbols.HasResolved(compilation, Name));

        // The source's own Shop.HMAC has the name: the library type is resolved to tell them apart.
        Assert.False(hmac.Is(compilation.GetTypeByMetadataName("Shop.HMAC")));
        Assert.True(PrivacySymbols.HasResolved(compilation, Name));
        Assert.True(hmac.IsOrIsBaseOf(compilation.GetTypeByMetadataName("Shop.KeyedHash")));
    }

    [Fact]
    public async Task The_rules_leave_the_libraries_a_project_does_not_name_unloaded()
    {
        const string Project = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;
            using PrivacyByDesign;

            namespace Shop
            {
                public sealed class Customer
                {
                    public int Id { get; set; }
                    [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                    public string FullName { get; set; } = "";
                }

                public sealed class CustomerService(ILogger<CustomerService> logger, HttpClient http)
                {
                    public async Task RegisterAsync(Customer customer)
                    {
                        logger.LogInformation("Registered {Email}", customer.Email);
                        Console.WriteLine($"name {customer.FullName}");
                        await http.PostAsync("http://partner.example/customers", new StringContent(customer.Email));
                    }
                }

                [ApiController]
                [Route("customers")]
                public sealed class CustomersController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Post([FromBody] Customer customer) => Ok(customer.Id);
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Shop", new[] { CSharpSyntaxTree.ParseText(Project, path: "Shop.cs") }, RobustnessTests.FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var probe = new CompilationProbe();
        var found = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyRulesAnalyzer(), probe)).GetAnalyzerDiagnosticsAsync())
            .Select(d => d.Id).ToHashSet();
        var analyzed = probe.Seen!;

        Assert.Contains(RuleIdentifiers.PersonalInfoExposed, found);
        Assert.Contains(RuleIdentifiers.PersonalInfoOverPlaintext, found);
        var unused = new[]
        {
            "System.Security.Cryptography.HMAC", "System.Data.Common.DbParameter", "System.Data.Common.DbParameterCollection",
            "System.IO.File", "System.Text.StringBuilder", "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
            "Microsoft.AspNetCore.Identity.PersonalDataAttribute", "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute",
            "Microsoft.AspNetCore.Authorization.IAllowAnonymous", "Microsoft.AspNetCore.DataProtection.IDataProtector",
            "Microsoft.AspNetCore.SignalR.Hub", "Microsoft.AspNetCore.Http.IFormFile", "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions",
            "System.Net.Security.RemoteCertificateValidationCallback", "System.Security.Authentication.SslProtocols",
            "System.Net.WebSockets.ClientWebSocket", "System.Diagnostics.Metrics.Instrument",
        };
        Assert.DoesNotContain(unused, name => PrivacySymbols.HasResolved(analyzed, name));
        Assert.True(PrivacySymbols.HasResolved(analyzed, "Microsoft.Extensions.Logging.LoggerExtensions"));
    }

    /// <summary>Records the compilation the analyzers run on (the driver's copy of the one given).</summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026 // a test probe
    private sealed class CompilationProbe : DiagnosticAnalyzer
    {
        // A compiler skips an analyzer without an enabled diagnostic.
        private static readonly DiagnosticDescriptor Rule = new("KNOWNTYPEPROBE", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public Compilation? Seen { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context) => context.RegisterCompilationStartAction(start => Seen = start.Compilation);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026

    private static CSharpCompilation Compile() => CSharpCompilation.Create(
        "Shop", new[] { CSharpSyntaxTree.ParseText(Source) }, RobustnessTests.FrameworkReferences.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The answer the rules gave before, from the resolved type: the type itself or one of its interfaces.</summary>
    private static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? @interface)
        => type != null && (SymbolRelations.Same(type, @interface) || type.AllInterfaces.Any(candidate => SymbolRelations.Same(candidate, @interface)));

    /// <summary>The source's types and members, their base types, interfaces and attribute classes, and the library types they name.</summary>
    private static List<ISymbol> SymbolsOf(Compilation compilation)
    {
        var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        void AddType(ITypeSymbol? type)
        {
            for (var current = type; current != null && symbols.Add(current); current = current.BaseType)
            {
                foreach (var @interface in current.AllInterfaces)
                {
                    symbols.Add(@interface);
                    symbols.Add(@interface.OriginalDefinition);
                }

                symbols.Add(current.OriginalDefinition);
            }
        }

        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.TypeAndMember).ToList())
        {
            symbols.Add(type);
            AddType(type as ITypeSymbol ?? type.ContainingType);
            foreach (var attribute in type.GetAttributes())
            {
                AddType(attribute.AttributeClass);
            }
        }

        foreach (string metadataName in MetadataNames)
        {
            AddType(PrivacySymbols.Find(compilation, metadataName));
        }

        return symbols.ToList();
    }
}
