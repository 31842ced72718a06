using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PrivacyByDesign.Benchmarks;

/// <summary>
/// Generates compilations of N files of realistic personal-data code: models with personal, protected and
/// non-personal members, services that log, throw, print, tag telemetry and call HTTP endpoints, and controllers
/// that collect models. Each file has code that must be reported and code that must not.
/// </summary>
public static class CodeCorpus
{
    /// <summary>PBD_PERSONAL_EVERY=10 puts personal data in one file in ten, as build-overhead.sh does; every file by default.</summary>
    private static readonly int PersonalEvery = int.TryParse(Environment.GetEnvironmentVariable("PBD_PERSONAL_EVERY"), out int every) && every > 0 ? every : 1;

    public static CSharpCompilation Create(int files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(
            (i + 1) % PersonalEvery == 0 ? File(i) : PlainFile(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), parseOptions, path: $"/corpus/File{i}.cs"));
        return CSharpCompilation.Create("Corpus", trees, References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static string File(int i) => File(i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One corpus file; <paramref name="id"/> makes its type names unique.</summary>
    public static string File(string id) => $$"""
        using System;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        using PrivacyByDesign;

        namespace Corpus.N{{id}}
        {
            public sealed class Customer{{id}}
            {
                public int Id { get; set; }
                public string FullName { get; set; } = "";
                public string IdCardNo { get; set; } = "";
                public long PhoneNum { get; set; }
                [PersonalInfo(PiCategory.ContactEmail)] public string Contact { get; set; } = "";
                public string PasswordHash { get; set; } = "";
                public bool IsPhoneVerified { get; set; }
                public string ProductName { get; set; } = "";
                public DateTime CreatedAt { get; set; }
            }

            public sealed class Customer{{id}}Service
            {
                private readonly ILogger<Customer{{id}}Service> _logger;
                private readonly HttpClient _http;

                public Customer{{id}}Service(ILogger<Customer{{id}}Service> logger, HttpClient http)
                {
                    _logger = logger;
                    _http = http;
                }

                public async Task RegisterAsync(Customer{{id}} customer)
                {
                    _logger.LogInformation("Registered {Id} at {At}", customer.Id, customer.CreatedAt);
                    _logger.LogInformation("Customer {Name}", customer.FullName);
                    var phone = customer.PhoneNum;
                    Console.WriteLine($"phone {phone} verified {customer.IsPhoneVerified}");
                    if (customer.IdCardNo.Length != 18)
                    {
                        throw new ArgumentException("bad id card " + customer.IdCardNo);
                    }

                    await _http.PostAsJsonAsync("https://api.partner.example/customers", customer);
                    await _http.GetAsync("http://api.partner.example/ping?product=" + customer.ProductName);
                    Activity.Current?.SetTag("customer.id", customer.Id);
                }
            }

            [ApiController]
            [Route("customers{{id}}")]
            public sealed class Customer{{id}}Controller : ControllerBase
            {
                [HttpPost]
                public IActionResult Post([FromBody] Customer{{id}} customer) => Ok(customer.Id);
            }
        }
        """;

    /// <summary>
    /// The same shapes without personal data (an order model, its service and controller), for corpora where only some
    /// files hold personal data, as in most projects. Name traps stay: <c>ProductName</c>, <c>IsShipped</c>.
    /// </summary>
    public static string PlainFile(string id) => $$"""
        using System;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Corpus.N{{id}}
        {
            public sealed class Order{{id}}
            {
                public int Id { get; set; }
                public string ProductName { get; set; } = "";
                public int Quantity { get; set; }
                public decimal UnitPrice { get; set; }
                public bool IsShipped { get; set; }
                public string WarehouseCode { get; set; } = "";
                public DateTime CreatedAt { get; set; }
            }

            public sealed class Order{{id}}Service
            {
                private readonly ILogger<Order{{id}}Service> _logger;
                private readonly HttpClient _http;

                public Order{{id}}Service(ILogger<Order{{id}}Service> logger, HttpClient http)
                {
                    _logger = logger;
                    _http = http;
                }

                public async Task PlaceAsync(Order{{id}} order)
                {
                    _logger.LogInformation("Placed {Id} at {At}", order.Id, order.CreatedAt);
                    _logger.LogInformation("Product {Name} x{Quantity}", order.ProductName, order.Quantity);
                    var total = order.UnitPrice * order.Quantity;
                    Console.WriteLine($"total {total} shipped {order.IsShipped}");
                    if (order.Quantity <= 0)
                    {
                        throw new ArgumentException("bad quantity " + order.Quantity);
                    }

                    await _http.PostAsJsonAsync("https://api.partner.example/orders", order);
                    await _http.GetAsync("https://api.partner.example/stock?product=" + order.ProductName);
                    Activity.Current?.SetTag("order.id", order.Id);
                }
            }

            [ApiController]
            [Route("orders{{id}}")]
            public sealed class Order{{id}}Controller : ControllerBase
            {
                [HttpPost]
                public IActionResult Post([FromBody] Order{{id}} order) => Ok(order.Id);
            }
        }
        """;

    /// <summary>The running .NET and ASP.NET Core shared frameworks (logging, HTTP, MVC) plus the annotations.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string core = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string aspnet = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(core)!)!, "Microsoft.AspNetCore.App", Path.GetFileName(core));
        return Directory.GetFiles(core, "*.dll")
            .Concat(Directory.Exists(aspnet) ? Directory.GetFiles(aspnet, "*.dll") : Array.Empty<string>())
            .Append(typeof(PersonalInfoAttribute).Assembly.Location)
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
