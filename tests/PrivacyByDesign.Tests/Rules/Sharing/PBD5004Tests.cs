using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Sharing.PublicEndpointDisclosureAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Sharing;

public class PBD5004Tests
{
    private const string Model = """
        using PrivacyByDesign;
        public class Doctor
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = "";
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
        }
        public class DoctorCard
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.IdentityName), PublicDisclosure("Doctors' names are shown to patients choosing a doctor")] public string Name { get; set; } = "";
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test =>
        {
            test.ReferenceAssemblies = TestReferences.AspNetCore80;
            test.TestState.Sources.Add(("Model.cs", Model));
        }, expected);

    [Fact]
    public async Task Anonymous_actions_and_minimal_apis_returning_personal_information_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            [ApiController, Route("doctors"), AllowAnonymous]
            public class DoctorsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id) => {|#0:Ok(new Doctor())|};

                [HttpGet("{id}/phone")]
                public string Phone(int id) { var d = new Doctor(); return {|#1:d.Phone|}; }

                // The controller's [AllowAnonymous] wins over the action's [Authorize] at run time.
                [HttpGet("{id}/private"), Authorize]
                public IActionResult Private(int id) => {|#3:Ok(new Doctor())|};

                [HttpGet("count")]
                public int Count() => 3;
            }
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/doctors/{id}", (int id) => {|#2:Results.Ok(new Doctor())|}).AllowAnonymous();
                    app.MapGet("/staff/{id}", (int id) => Results.Ok(new Doctor()));
                }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD5004").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(1).WithArguments("Phone", "'Doctor.Phone' (mobile phone number (contact.phone); marked [PersonalInfo(\"contact.phone\")])"),
            Verify.Diagnostic("PBD5004").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(3).WithMessage(null));
    }

    [Fact]
    public async Task Endpoints_of_route_groups_opened_to_anonymous_callers_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    var open = app.MapGroup("/public").AllowAnonymous();
                    open.MapGet("/doctors/{id}", (int id) => {|#0:Results.Ok(new Doctor())|});

                    // Nested in an anonymous group.
                    var v1 = open.MapGroup("/v1");
                    v1.MapGet("/doctors/{id}", (int id) => {|#1:Results.Ok(new Doctor())|});

                    // Chained, and opened by a statement of its own.
                    app.MapGroup("/chained").AllowAnonymous().MapGet("/doctors/{id}", (int id) => {|#2:Results.Ok(new Doctor())|});
                    var later = app.MapGroup("/later");
                    later.AllowAnonymous();
                    later.MapGet("/doctors/{id}", (int id) => {|#3:Results.Ok(new Doctor())|});

                    // The group's [AllowAnonymous] metadata wins over the endpoint's own requirement at run time.
                    open.MapGet("/staff/{id}", (int id) => {|#4:Results.Ok(new Doctor())|}).RequireAuthorization();
                }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD5004").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(3).WithMessage(null),
            Verify.Diagnostic("PBD5004").WithLocation(4).WithMessage(null));
    }

    [Fact]
    public async Task Route_groups_that_are_not_anonymous_are_clean()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    var admin = app.MapGroup("/admin").RequireAuthorization();
                    admin.MapGet("/doctors/{id}", (int id) => Results.Ok(new Doctor()));

                    var plain = app.MapGroup("/plain").WithTags("doctors");
                    plain.MapGet("/doctors/{id}", (int id) => Results.Ok(new Doctor()));

                    // An anonymous group elsewhere does not open this one.
                    var open = app.MapGroup("/public").AllowAnonymous();
                    open.MapGet("/cards/{id}", (int id) => Results.Ok(new DoctorCard()));
                    admin.MapGet("/staff/{id}", (int id) => Results.Ok(new Doctor()));
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Declared_disclosures_and_authorized_endpoints_are_clean()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using PrivacyByDesign;
            [ApiController, Route("doctors")]
            public class DoctorsController : ControllerBase
            {
                [HttpGet("{id}"), AllowAnonymous]
                public IActionResult Card(int id) => Ok(new DoctorCard());

                [HttpGet("{id}/full"), AllowAnonymous, PublicDisclosure("Published with the doctors' separate consent")]
                public IActionResult Full(int id) => Ok(new Doctor());

                [HttpGet("{id}/phone")]
                public IActionResult Phone(int id) => Ok(new Doctor());
            }
            """;
        await VerifyAsync(source);
    }
}
