using PrivacyByDesign.Analyzers.Rules.Collection;
using Verify = PrivacyByDesign.Tests.Rules.Collection.CollectionVerifier<PrivacyByDesign.Analyzers.Rules.Collection.CollectionPointAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>Which inbound surfaces are collection points and which bound values carry personal information (seen through PBD3001).</summary>
public class CollectionPointTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.Logging;
        using PrivacyByDesign;

        """;

    [Fact]
    public async Task Controller_action_parameters_from_every_binding_source_are_collection_points()
    {
        string source = Usings + CollectionSources.Purposes + """
            public class SignUp
            {
                [PersonalInfo(PiCategory.IdentityName)] public string FullName { get; set; } = "";
                public int Plan { get; set; }
            }

            [ApiController, Route("api/users")]
            public class UsersController : ControllerBase
            {
                [HttpPost] public IActionResult Create([FromBody] SignUp {|#0:form|}, CancellationToken cancellationToken) => Ok();
                [HttpGet] public IActionResult Find([FromQuery] string {|#1:email|}, [FromHeader(Name = "X-Mobile")] string {|#2:mobile|}) => Ok();
                [HttpPost("{id}/photo")] public IActionResult Upload([FromRoute] int id, [PersonalInfo(PiCategory.IdentityDocumentImage)] IFormFile {|#3:idCardPhoto|}) => Ok();
                [HttpPost("plain")] public IActionResult Plain([FromForm] int quantity, string comment) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("form", "UsersController.Create", "form.FullName (identity.name)"),
            Verify.Diagnostic("PBD3001").WithLocation(1).WithArguments("email", "UsersController.Find", "email (contact.email)"),
            Verify.Diagnostic("PBD3001").WithLocation(2).WithArguments("mobile", "UsersController.Find", "mobile (contact.phone)"),
            Verify.Diagnostic("PBD3001").WithLocation(3).WithArguments("idCardPhoto", "UsersController.Upload", "idCardPhoto (identity.document_image)"),
            Verify.Diagnostic("PBD3006").WithLocation(3));
    }

    [Fact]
    public async Task Purpose_on_the_action_controller_model_or_member_covers_the_value()
    {
        string source = Usings + CollectionSources.Purposes + """
            [Purpose("registration")]
            public class SignUp
            {
                [PersonalInfo(PiCategory.IdentityName)] public string FullName { get; set; } = "";
            }

            public class Contact
            {
                [PersonalInfo(PiCategory.ContactPhone), Purpose("registration")] public string Mobile { get; set; } = "";
            }

            [ApiController, Route("a")]
            public class AController : ControllerBase
            {
                [HttpPost("1")] public IActionResult ByModel(SignUp form) => Ok();
                [HttpPost("2")] public IActionResult ByMember(Contact contact) => Ok();
                [HttpPost("3"), Purpose("registration")] public IActionResult ByAction(string phone) => Ok();
            }

            [ApiController, Route("b"), Purpose("registration")]
            public class BController : ControllerBase
            {
                [HttpPost] public IActionResult ByController(string phone) => Ok();
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_single_declared_purpose_covers_every_collection_point()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("orders", "Deliver orders", LegalBasis.Contract)]

            [ApiController, Route("o")]
            public class OrdersController : ControllerBase
            {
                [HttpPost] public IActionResult Create(string phone) => Ok();
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Nested_models_and_collections_are_walked()
    {
        string source = Usings + CollectionSources.Purposes + """
            public class Address { [PersonalInfo(PiCategory.ContactAddress)] public string Street { get; set; } = ""; }
            public class Guest { [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = ""; public Address Home { get; set; } = new(); }
            public class Booking
            {
                public int Nights { get; set; }
                public List<Guest> Guests { get; set; } = new();
                public Guest[] Extra { get; set; } = new Guest[0];
            }

            [ApiController, Route("bookings")]
            public class BookingsController : ControllerBase
            {
                [HttpPost] public IActionResult Book(Booking {|#0:booking|}) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("booking", "BookingsController.Book",
                "booking.Guests.Name (identity.name), booking.Guests.Home.Street (contact.address), booking.Extra.Name (identity.name), booking.Extra.Home.Street (contact.address)"));
    }

    [Fact]
    public async Task Services_cancellation_non_actions_and_framework_overrides_are_not_collection_points()
    {
        string source = Usings + CollectionSources.Purposes + """
            public interface IUserService { string Email { get; } }
            public class UserRepository { public string Email { get; set; } = ""; }

            [ApiController, Route("u")]
            public class UsersController : ControllerBase
            {
                [HttpGet] public IActionResult List([FromServices] UserRepository repository, IUserService service, CancellationToken cancellationToken) => Ok();
                [NonAction] public void Notify(string email) { }
                private void Helper(string email) { }
                public static void Factory(string email) { }
            }

            public class UserMailer
            {
                public void Register(string email) { }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task POCO_controllers_follow_the_MVC_naming_convention()
    {
        string source = Usings + CollectionSources.Purposes + """
            public class ProfileController
            {
                public string Update(string {|#0:email|}) => "";
            }

            [NonController]
            public class LegacyController
            {
                public string Update(string email) => "";
            }
            """;
        await Verify.VerifyAsync(source, Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("email", "ProfileController.Update", "email (contact.email)"));
    }

    [Fact]
    public async Task Razor_Pages_handlers_and_bound_properties()
    {
        string source = Usings + CollectionSources.Purposes + """
            public class ContactModel : PageModel
            {
                [BindProperty] public string {|#0:Email|} { get; set; } = "";
                [BindProperty(SupportsGet = true)] public string {|#1:Phone|} { get; set; } = "";
                public string NotBound { get; set; } = "";

                public void OnGet(string {|#2:name|}) { }
                public void OnPost() { }
                public void OnPostDelete() { }
                public void Helper(string email) { }
            }

            [Purpose("registration")]
            public class RegisterModel : PageModel
            {
                [BindProperty] public string Phone { get; set; } = "";
                public void OnPostAsync() { }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("Email", "ContactModel", "Email (contact.email)"),
            Verify.Diagnostic("PBD3001").WithLocation(1).WithArguments("Phone", "ContactModel", "Phone (contact.phone)"),
            Verify.Diagnostic("PBD3001").WithLocation(2).WithArguments("name", "ContactModel.OnGet", "name (identity.name)"));
    }

    [Fact]
    public async Task Minimal_API_lambdas_and_method_groups()
    {
        string source = Usings + CollectionSources.Purposes + """
            public record Feedback([property: PersonalInfo(PiCategory.ContactEmail)] string Email, string Text);

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/feedback", (Feedback {|#0:feedback|}, ILogger<Feedback> logger) => Results.Ok());
                    app.MapGet("/lookup", ([FromQuery] string {|#1:phone|}) => Results.Ok());
                    app.MapPut("/profile", UpdateProfile);
                    app.MapDelete("/ok", [Purpose("registration")] (string mobile) => Results.Ok());
                    app.MapPatch("/ok2", Covered);
                    app.MapMethods("/m", new[] { "POST" }, (HttpContext context) => Results.Ok());
                }

                private static IResult UpdateProfile(string {|#2:fullName|}, CancellationToken cancellationToken) => Results.Ok();

                [Purpose("registration")]
                private static IResult Covered(string mobile) => Results.Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("feedback", "the minimal API handler", "feedback.Email (contact.email)"),
            Verify.Diagnostic("PBD3001").WithLocation(1).WithArguments("phone", "the minimal API handler", "phone (contact.phone)"),
            Verify.Diagnostic("PBD3001").WithLocation(2).WithArguments("fullName", "Endpoints.UpdateProfile", "fullName (identity.name)"));
    }

    [Fact]
    public async Task A_method_group_mapped_on_two_routes_is_one_finding()
    {
        string source = Usings + CollectionSources.Purposes + """
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPut("/profile", UpdateProfile);
                    app.MapPost("/profile/update", UpdateProfile);
                }

                private static IResult UpdateProfile(string {|#0:fullName|}, string {|#1:mobile|}) => Results.Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("fullName", "Endpoints.UpdateProfile", "fullName (identity.name)"),
            Verify.Diagnostic("PBD3001").WithLocation(1).WithArguments("mobile", "Endpoints.UpdateProfile", "mobile (contact.phone)"));
    }

    [Fact]
    public async Task SignalR_hub_methods_are_collection_points()
    {
        string source = Usings + CollectionSources.Purposes + """
            public class ChatHub : Hub
            {
                public Task Send(string {|#0:phone|}, int count) => Task.CompletedTask;
                public override Task OnConnectedAsync() => Task.CompletedTask;
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("phone", "ChatHub.Send", "phone (contact.phone)"));
    }

    [Fact]
    public async Task Grpc_service_methods_are_collection_points()
    {
        string source = Usings + CollectionSources.Purposes + """
            namespace Grpc.Core
            {
                public abstract class ServerCallContext { }
                public interface IAsyncStreamReader<T> { T Current { get; } }
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class BindServiceMethodAttribute : System.Attribute { public BindServiceMethodAttribute(System.Type t, string m) { } }
            }

            public class RegisterRequest { public string PhoneNumber { get; set; } = ""; public string DisplayText { get; set; } = ""; }
            public class Reply { }

            public static partial class Accounts
            {
                [Grpc.Core.BindServiceMethod(typeof(Accounts), "BindService")]
                public abstract class AccountsBase
                {
                    public virtual Task<Reply> Register(RegisterRequest request, Grpc.Core.ServerCallContext context) => Task.FromResult(new Reply());
                    public virtual Task<Reply> Import(Grpc.Core.IAsyncStreamReader<RegisterRequest> stream, Grpc.Core.ServerCallContext context) => Task.FromResult(new Reply());
                }
            }

            public class AccountsService : Accounts.AccountsBase
            {
                public override Task<Reply> Register(RegisterRequest {|#0:request|}, Grpc.Core.ServerCallContext context) => Task.FromResult(new Reply());
                public override Task<Reply> Import(Grpc.Core.IAsyncStreamReader<RegisterRequest> {|#1:stream|}, Grpc.Core.ServerCallContext context) => Task.FromResult(new Reply());
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("request", "AccountsService.Register", "request.PhoneNumber (contact.phone)"),
            Verify.Diagnostic("PBD3001").WithLocation(1).WithArguments("stream", "AccountsService.Import", "stream.PhoneNumber (contact.phone)"));
    }

    [Fact]
    public async Task Nothing_is_reported_without_ASP_NET_Core()
    {
        const string source = """
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("a", "A", LegalBasis.Contract)]
            [assembly: ProcessingPurpose("b", "B", LegalBasis.Contract)]
            public class ControllerBase { }
            public class UsersController : ControllerBase { public void Create(string email) { } }
            """;
        await CollectionVerifier<CollectionPointAnalyzer>.VerifyAsync(source, test => test.ReferenceAssemblies = PrivacyByDesign.Tests.Verifiers.TestReferences.Net80);
    }
}
