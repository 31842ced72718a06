using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>The detector's API as the generator uses it: every point of a compilation, its kind, inputs and binding sources (a self-referencing model is walked once).</summary>
public class CollectionPointsApiTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;
        using PrivacyByDesign;

        public class Person { [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = ""; public List<Person> Children { get; set; } = new(); }

        [ApiController, Route("p")]
        public class PeopleController : ControllerBase
        {
            [HttpPost] public IActionResult Create([FromBody] Person person, [FromHeader] string traceId, IFormFile photo) => Ok();
        }

        public class EditModel : PageModel
        {
            [BindProperty] public Person Person { get; set; } = new();
            public void OnPost(int id) { }
        }

        public class NotifyHub : Hub { public void Join(string room) { } }

        public static class Api
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/a", (Person person) => Results.Ok());
                app.MapGet("/b", Lookup);
            }

            private static IResult Lookup([FromQuery] string phoneNumber) => Results.Ok();
        }
        """;

    [Fact]
    public async Task FindAll_returns_every_point_with_its_inputs()
    {
        var compilation = await CompileAsync(Source);
        var points = CollectionPoints.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        Assert.NotNull(points);

        var found = points!.FindAll(compilation, CancellationToken.None)
            .Select(p => $"{p.Kind} {p.DisplayName}: " + string.Join(", ", p.Inputs.Select(i => $"{i.Symbol.Name}={i.Source}[{string.Join(" ", i.Items.Select(x => x.DisplayPath(i.Symbol)))}]")))
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(string.Join("\n", new[]
        {
            "ControllerAction PeopleController.Create: person=Body[person.Name person.Children], traceId=Header[], photo=File[photo]",
            "MinimalApi Api.Lookup: phoneNumber=Query[phoneNumber]",
            "MinimalApi the minimal API handler: person=Inferred[person.Name person.Children]",
            "RazorPageHandler EditModel.OnPost: id=Inferred[], Person=BoundProperty[Person.Name Person.Children]",
            "SignalRHubMethod NotifyHub.Join: room=Message[]",
        }), string.Join("\n", found));
    }

    [Fact]
    public async Task FindAll_skips_by_syntax_only_methods_that_cannot_be_points()
    {
        const string kinds = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.SignalR;
            using PrivacyByDesign;

            namespace Grpc.Core
            {
                public abstract class ServerCallContext { }
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class BindServiceMethodAttribute : System.Attribute { public BindServiceMethodAttribute(System.Type t, string m) { } }
            }

            public class Form { [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = ""; }

            public class ByBase : ControllerBase { public IActionResult A(Form form) => Ok(); }
            [ApiController] public class ByAttribute { public void B(Form form) { } }
            public class OrdersController { public void C(Form form) { } }
            public partial class Split { public void D(Form form) { } }
            public partial class Split : ControllerBase { }
            public class CodeFirst { public Task E(Form form, Grpc.Core.ServerCallContext context) => Task.CompletedTask; }
            [Grpc.Core.BindServiceMethod(typeof(GeneratedBase), "Bind")] public abstract class GeneratedBase { public virtual Task F(Form form, Grpc.Core.ServerCallContext context) => Task.CompletedTask; }
            public class Service : GeneratedBase { public override Task F(Form form, Grpc.Core.ServerCallContext context) => Task.CompletedTask; }
            public class Chat : Hub { public void G(Form form) { } }
            public record RecordController { public void H(Form form) { } }

            public class Plain { public void NotAPoint(Form form) { } }
            public class Helpers : ControllerBase { private void Hidden(Form form) { } public static void Static(Form form) { } }
            public struct Value { public void InStruct(Form form) { } }
            """;
        var compilation = await CompileAsync(kinds);
        var points = CollectionPoints.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;

        var everyMethod = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>()
            .Select(points.FromMethod).Where(p => p != null).Select(p => p!.DisplayName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var found = points.FindAll(compilation, CancellationToken.None).Select(p => p.DisplayName).OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { "ByAttribute.B", "ByBase.A", "Chat.G", "CodeFirst.E", "OrdersController.C", "RecordController.H", "Service.F", "Split.D" }, found);
        Assert.Equal(everyMethod, found);
    }

    /// <summary>
    /// Method bodies are walked only in files whose text can hold a mapping call: "Map" anywhere (here across the
    /// boundaries of the slices the text is scanned in) or a unicode escape that could spell it.
    /// </summary>
    [Theory]
    [InlineData("MapPost", 4093)]
    [InlineData("MapPost", 4094)]
    [InlineData("MapPost", 4095)]
    [InlineData("MapPost", 4096)]
    [InlineData("\\u004DapPost", 4095)]
    public async Task FindAll_finds_a_mapping_call_wherever_its_name_falls_in_the_text(string writtenName, int at)
    {
        const string template = """
            using Microsoft.AspNetCore.Builder;
            using PrivacyByDesign;

            public class Person { [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = ""; }

            public static class Api
            {
                public static void Register(WebApplication app)
                {
                    // PADDING
                    app.NAME("/people", (Person person) => 1);
                }
            }
            """;
        string unpadded = template.Replace("PADDING", string.Empty, StringComparison.Ordinal).Replace("NAME", writtenName, StringComparison.Ordinal);
        int padding = at - unpadded.IndexOf(writtenName, StringComparison.Ordinal);
        string source = template.Replace("PADDING", new string('x', padding), StringComparison.Ordinal).Replace("NAME", writtenName, StringComparison.Ordinal);
        Assert.Equal(at, source.IndexOf(writtenName, StringComparison.Ordinal));

        var compilation = await CompileAsync(source);
        var points = CollectionPoints.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;

        var found = Assert.Single(points.FindAll(compilation, CancellationToken.None));
        Assert.Equal("POST /people", found.Route);
    }

    [Fact]
    public async Task No_inbound_framework_means_no_detector()
    {
        var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText("class C { }") },
            await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
        Assert.Null(CollectionPoints.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None));
    }

    private static async Task<Compilation> CompileAsync(string source)
    {
        var references = (await TestReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.Annotations);
        var compilation = CSharpCompilation.Create("Api", new[] { CSharpSyntaxTree.ParseText(source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
