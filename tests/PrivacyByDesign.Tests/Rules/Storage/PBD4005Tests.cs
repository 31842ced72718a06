using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Storage.RetentionNotDeclaredAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Storage;

public class PBD4005Tests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test => test.TestState.AdditionalReferences.AddRange(TestReferences.Frameworks), expected);

    [Fact]
    public async Task Entity_without_retention_is_reported_with_its_personal_members()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;
            public class {|#0:Patient|}
            {
                public int Id { get; set; }
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                public string MobilePhone { get; set; } = "";
                [Retention("P30D")] public string IdCardNo { get; set; } = "";
            }
            public class AuditEntry { public int Id { get; set; } public string Action { get; set; } = ""; }
            public class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
                public DbSet<AuditEntry> Audit => Set<AuditEntry>();
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic("PBD4005").WithLocation(0).WithArguments("Patient", "Email, MobilePhone"));
    }

    [Fact]
    public async Task Retention_on_the_type_a_base_type_members_or_a_purpose_satisfies_the_rule()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;
            [assembly: ProcessingPurpose("care", "Provide care", LegalBasis.Contract, NecessaryCategories = new[] { PiCategory.HealthMedicalRecord }, Retention = "P15Y")]
            [Retention("P3Y", OnExpiry = ExpiryAction.Delete)]
            public abstract class Person { [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = ""; }
            public class Patient : Person { public int Id { get; set; } }
            public class Visit
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord), StoredAs(StorageForm.Encrypted)] public string Notes { get; set; } = "";
                [PersonalInfo(PiCategory.ContactPhone), Retention("P1Y")] public string Phone { get; set; } = "";
            }
            public class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
                public DbSet<Visit> Visits => Set<Visit>();
            }
            """;
        await VerifyAsync(source);
    }
}
