using Verify = PrivacyByDesign.Tests.Rules.Collection.CollectionVerifier<PrivacyByDesign.Analyzers.Rules.Collection.CollectionPointAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>PBD3004, PBD3006, PBD3007, PBD3008: what a collection point may collect for its purposes, and which consents it needs.</summary>
public class CollectionRuleTests
{
    private const string Header = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using PrivacyByDesign;
        [assembly: ProcessingPurpose("registration", "Create an account", LegalBasis.Contract,
            NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone })]
        [assembly: ProcessingPurpose("marketing", "Send offers", LegalBasis.Consent, Essential = false,
            NecessaryCategories = new[] { PiCategory.ContactEmail, PiCategory.HealthMedicalRecord })]
        [assembly: ProcessingPurpose("support", "Answer questions", LegalBasis.Contract)]
        [assembly: ProcessingPurpose("checkout", "Take orders", LegalBasis.Contract)]
        [assembly: ProcessingPurpose("verification", "Verify identity", LegalBasis.Consent)]

        """;

    // Declarations are inherited -----------------------------------------------------------------------------

    [Fact]
    public async Task Declarations_on_a_base_model_a_base_controller_or_an_overridden_action_apply()
    {
        string source = Header + """
            [Purpose("registration")]
            public abstract class RegistrationForm { }

            public class SignUp : RegistrationForm
            {
                [PersonalInfo(PiCategory.IdentityName)] public string FullName { get; set; } = "";
            }

            public class Unexplained
            {
                [PersonalInfo(PiCategory.IdentityName)] public string FullName { get; set; } = "";
            }

            [Purpose("support")]
            public abstract class SupportBase : ControllerBase { }

            public abstract class CheckoutBase : ControllerBase
            {
                [Purpose("checkout")] public virtual IActionResult Pay([PersonalInfo(PiCategory.ContactEmail)] string email) => Ok();
            }

            [ApiController, Route("users")]
            public class UsersController : ControllerBase
            {
                [HttpPost] public IActionResult Create(SignUp form) => Ok();
                [HttpPut] public IActionResult Update(Unexplained {|#0:form|}) => Ok();
            }

            [ApiController, Route("support")]
            public class SupportController : SupportBase
            {
                [HttpPost] public IActionResult Ask([PersonalInfo(PiCategory.ContactEmail)] string email) => Ok();
            }

            [ApiController, Route("checkout")]
            public class CheckoutController : CheckoutBase
            {
                [HttpPost] public override IActionResult Pay(string email) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0).WithArguments("form", "UsersController.Update", "form.FullName (identity.name)"));
    }

    // PBD3004 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task PBD3004_categories_beyond_the_purposes_necessary_list_are_reported()
    {
        string source = Header + """
            [Purpose("registration")]
            public class SignUp
            {
                [PersonalInfo(PiCategory.IdentityName)] public string FullName { get; set; } = "";
                [PersonalInfo(PiCategory.ContactPhone)] public string Mobile { get; set; } = "";
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                [PersonalInfo(PiCategory.ContactEmail), Purpose("marketing")] public string NewsletterEmail { get; set; } = "";
            }

            [ApiController, Route("users")]
            public class UsersController : ControllerBase
            {
                [HttpPost] public IActionResult Create(SignUp {|#0:form|}) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3004").WithLocation(0).WithArguments("form", "UsersController.Create", "form.Email (contact.email)", "purpose 'registration'"));
    }

    [Fact]
    public async Task PBD3004_a_purpose_without_a_list_is_unlimited_unless_the_app_type_gives_one()
    {
        string source = Header + """
            [ApiController, Route("support"), Purpose("support")]
            public class SupportController : ControllerBase
            {
                [HttpPost] public IActionResult Ask([PersonalInfo(PiCategory.ContactEmail)] string {|#0:email|}) => Ok();
            }
            """;
        await Verify.VerifyAsync(source);
        await Verify.VerifyAsync(source, Verify.AppType("online-shopping"),
            Verify.Diagnostic("PBD3004").WithLocation(0).WithArguments("email", "SupportController.Ask", "email (contact.email)", "purpose 'support'"));
    }

    [Fact]
    public async Task PBD3004_app_type_preset_allows_the_regulators_necessary_information()
    {
        string source = Header + """
            public record Order(
                [property: PersonalInfo(PiCategory.IdentityName)] string Consignee,
                [property: PersonalInfo(PiCategory.ContactAddress)] string Address,
                [property: PersonalInfo(PiCategory.ContactPhone)] string Phone);

            public static class Api
            {
                public static void Map(WebApplication app) => app.MapPost("/orders", [Purpose("checkout")] (Order order) => Results.Ok());
            }
            """;
        await Verify.VerifyAsync(source, Verify.AppType("online_shopping"));
    }

    [Fact]
    public async Task PBD3004_app_type_can_come_from_the_processor_declaration()
    {
        string source = Header + """
            [assembly: PersonalInfoProcessor("Acme", AppType = "news")]
            public static class Api
            {
                public static void Map(WebApplication app) => app.MapPost("/subscribe", [Purpose("support")] ([PersonalInfo(PiCategory.ContactPhone)] string {|#0:phone|}) => Results.Ok());
            }
            """;
        await Verify.VerifyAsync(source, Verify.Diagnostic("PBD3004").WithLocation(0));
    }

    // PBD3006 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task PBD3006_sensitive_information_on_consent_needs_separate_consent()
    {
        string source = Header + """
            public class Survey
            {
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Condition { get; set; } = "";
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
            }

            [RequiresSeparateConsent("health-survey")]
            public class ConsentedSurvey
            {
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Condition { get; set; } = "";
            }

            [ApiController, Route("s"), Purpose("marketing")]
            public class SurveyController : ControllerBase
            {
                [HttpPost("1")] public IActionResult Submit(Survey {|#0:survey|}) => Ok();
                [HttpPost("2")] public IActionResult SubmitConsented(ConsentedSurvey survey) => Ok();
                [HttpPost("3"), RequiresSeparateConsent("health-survey")] public IActionResult SubmitOnAction(Survey survey) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3006").WithLocation(0).WithArguments("survey", "SurveyController.Submit", "survey.Condition (health.medical_record)"));
    }

    [Fact]
    public async Task PBD3006_a_non_consent_legal_basis_needs_no_consent_but_no_purpose_does()
    {
        string source = Header + """
            public class Prescription
            {
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCardNo { get; set; } = "";
            }

            public class PrescriptionsModel : PageModel
            {
                [BindProperty, Purpose("checkout")] public Prescription Contract { get; set; } = new();
                [BindProperty] public Prescription {|#0:Unexplained|} { get; set; } = new();
                public void OnPost() { }
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3001").WithLocation(0),
            Verify.Diagnostic("PBD3006").WithLocation(0).WithArguments("Unexplained", "PrescriptionsModel", "Unexplained.IdCardNo (identity.national_id)"));
    }

    // PBD3007 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task PBD3007_children_need_guardian_consent()
    {
        string source = Header + """
            [DataSubject(DataSubjects.Student, MinimumAge = 6)]
            public class Pupil
            {
                [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = "";
                [PersonalInfo(PiCategory.ContactPhone, Subject = DataSubjects.Guardian)] public string ParentPhone { get; set; } = "";
            }

            [DataSubject(DataSubjects.Student, MinimumAge = 14)]
            public class Teenager { [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = ""; }

            [DataSubject(DataSubjects.Child), RequiresGuardianConsent]
            public class ConsentedChild { [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = ""; }

            public class Family
            {
                [PersonalInfo(PiCategory.IdentityName)] public string ParentName { get; set; } = "";
                public List<Pupil> Roster { get; set; } = new();
            }

            [ApiController, Route("c"), Purpose("registration")]
            public class ClassController : ControllerBase
            {
                [HttpPost("1")] public IActionResult Enrol(Pupil {|#0:pupil|}) => Ok();
                [HttpPost("2")] public IActionResult EnrolTeen(Teenager input) => Ok();
                [HttpPost("3")] public IActionResult EnrolConsented(ConsentedChild child) => Ok();
                [HttpPost("4")] public IActionResult EnrolFamily(Family {|#1:family|}) => Ok();
                [HttpPost("5"), RequiresGuardianConsent] public IActionResult EnrolWithConsent(Pupil pupil) => Ok();
                [HttpPost("6")] public IActionResult ByCategory([PersonalInfo(PiCategory.MinorChildUnder14)] string {|#2:childAge|}) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3007").WithLocation(0).WithArguments("pupil", "ClassController.Enrol", "pupil.Name (identity.name)"),
            Verify.Diagnostic("PBD3007").WithLocation(1).WithArguments("family", "ClassController.EnrolFamily", "family.Roster.Name (identity.name)"),
            Verify.Diagnostic("PBD3004").WithLocation(2),
            Verify.Diagnostic("PBD3007").WithLocation(2));
    }

    // PBD3008 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task PBD3008_biometrics_need_separate_consent_and_an_alternative()
    {
        string source = Header + """
            public class FaceCheck { [SensitivePersonalInfo(PiCategory.BiometricFace)] public string Selfie { get; set; } = ""; }

            [RequiresSeparateConsent("face")]
            public class ConsentedFaceCheck { [SensitivePersonalInfo(PiCategory.BiometricFace)] public string Selfie { get; set; } = ""; }

            [RequiresSeparateConsent("face", Alternative = "SMS code")]
            public class CompliantFaceCheck { [SensitivePersonalInfo(PiCategory.BiometricFace)] public string Selfie { get; set; } = ""; }

            [ApiController, Route("v"), Purpose("verification")]
            public class VerifyController : ControllerBase
            {
                [HttpPost("1")] public IActionResult A(FaceCheck {|#0:check|}) => Ok();
                [HttpPost("2")] public IActionResult B(ConsentedFaceCheck {|#1:check|}) => Ok();
                [HttpPost("3")] public IActionResult C(CompliantFaceCheck check) => Ok();
                [HttpPost("4"), RequiresSeparateConsent("face", Alternative = "Video call")] public IActionResult D(FaceCheck check) => Ok();
                [HttpPost("5")] public IActionResult E([SensitivePersonalInfo(PiCategory.BiometricFace), LocalOnly] string deviceTemplate) => Ok();
            }
            """;
        await Verify.VerifyAsync(source,
            Verify.Diagnostic("PBD3008").WithLocation(0).WithArguments("check", "VerifyController.A", "without [RequiresSeparateConsent]", "check.Selfie (biometric.face)"),
            Verify.Diagnostic("PBD3008").WithLocation(1).WithArguments("check", "VerifyController.B", "without an alternative way to verify (RequiresSeparateConsent.Alternative)", "check.Selfie (biometric.face)"));
    }
}
