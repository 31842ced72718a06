namespace PrivacyByDesign.Tests.Generator;

/// <summary>A realistic annotated app: an online clinic with children, biometrics, an SDK, a foreign processor and an automated decision.</summary>
internal static class GeneratorSources
{
    public const string Declarations = """
        using PrivacyByDesign;

        [assembly: PersonalInfoProcessor("Acme Online Clinic Ltd.", NameZh = "艾克美在线诊所有限公司", Contact = "privacy@clinic.example",
            Address = "1 Example Road, Shanghai", ProtectionOfficer = "Li Wei", ProtectionOfficerContact = "dpo@clinic.example")]
        [assembly: ProcessingPurpose("registration", "Create and run a patient account", LegalBasis.Contract,
            DescriptionZh = "创建并维护患者账户", BusinessFunction = "Account",
            NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone, PiCategory.AccountPassword },
            Retention = "P3Y", OnExpiry = ExpiryAction.Delete)]
        [assembly: ProcessingPurpose("consultation", "Hold online consultations", LegalBasis.Contract,
            DescriptionZh = "提供在线问诊", BusinessFunction = "Consultation",
            NecessaryCategories = new[] { PiCategory.HealthMedicalRecord }, Retention = "P15Y", OnExpiry = ExpiryAction.Anonymize)]
        [assembly: ProcessingPurpose("payment", "Take payment", LegalBasis.Contract, DescriptionZh = "收取费用", BusinessFunction = "Payment",
            NecessaryCategories = new[] { PiCategory.FinanceTransaction }, Retention = "P3Y")]
        [assembly: ProcessingPurpose("marketing", "Send health tips the patient asked for", LegalBasis.Consent,
            DescriptionZh = "推送患者订阅的健康资讯", NecessaryCategories = new[] { PiCategory.ContactEmail }, Retention = "P1Y", Essential = false)]
        [assembly: Recipient("lab", "Partner Laboratory Co., Ltd.", RecipientKind.EntrustedProcessor, Contact = "privacy@lab.example",
            Purposes = new[] { "consultation" }, Categories = new[] { PiCategory.IdentityName, PiCategory.HealthMedicalRecord }, Country = "CN",
            ContractReference = "DPA-7")]
        [assembly: Recipient("pay", "Example Pay Pte. Ltd.", RecipientKind.EntrustedProcessor, Contact = "dpo@pay.example",
            Purposes = new[] { "payment" }, Categories = new[] { PiCategory.FinanceTransaction }, Country = "SG",
            Mechanism = CrossBorderMechanism.StandardContract, RightsProcedure = "Email dpo@pay.example", ContractReference = "SCC-2")]
        [assembly: Recipient("push-sdk", "Push SDK Ltd.", RecipientKind.ThirdPartySdk, Contact = "sdk@push.example",
            Purposes = new[] { "marketing" }, Categories = new[] { PiCategory.ContactEmail }, Country = "CN", Namespaces = new[] { "Push.Sdk" })]
        [assembly: ImpactAssessment("PIA-2026-01", CompletedOn = "2026-10-15")]
        """;

    public const string Models = """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using PrivacyByDesign;

        namespace Clinic
        {
            [DataSubject(DataSubjects.Patient)]
            [Purpose("registration")]
            [Retention("P3Y")]
            public sealed class Patient
            {
                public int Id { get; set; }

                [PersonalInfo(PiCategory.IdentityName)]
                public string FullName { get; set; } = "";

                [PersonalInfo(PiCategory.ContactPhone)]
                public string Mobile { get; set; } = "";

                [PersonalInfo(PiCategory.ContactEmail), Purpose("marketing")]
                public string Email { get; set; } = "";

                [SensitivePersonalInfo(PiCategory.AccountPassword), StoredAs(StorageForm.Hashed, Mechanism = "PBKDF2")]
                public string PasswordHash { get; set; } = "";

                [Consent("marketing")]
                public bool AcceptsTips { get; set; }

                public List<ChildProfile> Children { get; set; } = new();
            }

            [DataSubject(DataSubjects.Child, MinimumAge = 0)]
            [RequiresGuardianConsent]
            [Purpose("registration")]
            public sealed class ChildProfile
            {
                public int Id { get; set; }

                [SensitivePersonalInfo(PiCategory.IdentityName), StoredAs(StorageForm.Encrypted, Mechanism = "DataProtection")]
                public string FullName { get; set; } = "";
            }

            [DataSubject(DataSubjects.Patient)]
            [Purpose("consultation")]
            [RequiresSeparateConsent("health-data", Alternative = "In-person visit")]
            public sealed class Consultation
            {
                public int Id { get; set; }

                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord), StoredAs(StorageForm.Encrypted)]
                public string Diagnosis { get; set; } = "";

                [SensitivePersonalInfo(PiCategory.FinanceTransaction), Purpose("payment")]
                [Retention("P5Y", LegalRequirement = "Accounting rules: 5 years")]
                public decimal Fee { get; set; }
            }

            public sealed class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();

                public DbSet<Consultation> Consultations => Set<Consultation>();
            }

            [Purpose("registration")]
            public sealed class SignUpForm
            {
                [PersonalInfo(PiCategory.IdentityName)]
                public string FullName { get; set; } = "";

                [PersonalInfo(PiCategory.ContactPhone)]
                public string Mobile { get; set; } = "";

                [Consent("marketing")]
                public bool AcceptsTips { get; set; }
            }

            [ApiController]
            [Route("api/patients")]
            public sealed class PatientsController : ControllerBase
            {
                [HttpPost]
                [Purpose("registration")]
                public IActionResult Register(SignUpForm form) => Ok();
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/api/consultations", (Consultation consultation) => consultation.Id);
                }
            }

            [SharedWith("lab")]
            public sealed class LabClient
            {
                public void Send(Consultation consultation) { }
            }

            public sealed class Triage
            {
                [AutomatedDecision(Significant = true)]
                public int Score(Consultation consultation) => consultation.Diagnosis.Length;
            }

            public sealed class PrivacyCenter
            {
                [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability, DataSubjects.Patient)]
                public string Export(int patientId) => "";

                [DataSubjectRightsHandler(DataSubjectRight.Erasure | DataSubjectRight.AccountDeletion, DataSubjects.Patient)]
                public void Delete(int patientId) { }

                [ConsentWithdrawal("marketing")]
                public void StopTips(int patientId) { }
            }
        }
        """;

    /// <summary>A member with no purpose, recipient or retention: the minimal app.</summary>
    public const string Minimal = """
        using PrivacyByDesign;

        public sealed class Visitor
        {
            [PersonalInfo(PiCategory.ContactEmail)]
            public string Email { get; set; } = "";
        }
        """;
}
