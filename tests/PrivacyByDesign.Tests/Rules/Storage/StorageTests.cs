using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Storage.PersonalInfoStorageAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Storage;

public class StorageTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test => test.TestState.AdditionalReferences.AddRange(TestReferences.Frameworks), expected);

    private static DiagnosticResult Error(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location).WithMessage(null);

    private static DiagnosticResult Warning(string id, int location) => Verify.Diagnostic(id).WithLocation(location).WithMessage(null);

    [Fact]
    public async Task Entity_members_break_the_rule_of_their_category()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;
            public class Patient
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string {|#0:IdCard|} { get; set; } = "";
                public string {|#1:Password|} { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.FinanceCardAuthData)] public string {|#2:Cvv2|} { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.BiometricFace)] public byte[] {|#3:FacePhoto|} { get; set; } = new byte[0];
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                public string Display => IdCard;
            }
            public class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
            }
            """;
        await VerifyAsync(source,
            new DiagnosticResult("PBD4001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "'Patient.IdCard' (resident id card number (identity.national_id); marked [SensitivePersonalInfo(\"identity.national_id\")])",
                "in EF Core entity 'Patient' (ClinicDb.Patients)"),
            Error("PBD4003", 1),
            Error("PBD4002", 2),
            Warning("PBD4004", 3));
    }

    [Fact]
    public async Task Declared_or_configured_protection_satisfies_the_rules()
    {
        const string source = """
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            using PrivacyByDesign;
            public class Patient
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.IdentityNationalId), StoredAs(StorageForm.Encrypted)] public string IdCard { get; set; } = "";
                public string PasswordHash { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.AccountPassword), StoredAs(StorageForm.Hashed)] public string Secret { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.FinanceCardAuthData), StoredAs(StorageForm.Tokenized)] public string CardToken { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.BiometricFace), StoredAs(StorageForm.Template)] public byte[] FaceTemplate { get; set; } = new byte[0];
                [ProtectedPersonalData] public string Passport { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Diagnosis { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.HealthMedicationAllergy)] public string Allergies { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.FinanceBankAccount)] public string BankAccount { get; set; } = "";
            }
            public sealed class ProtectedConverter(IDataProtector protector)
                : ValueConverter<string, string>(clear => protector.Protect(clear), stored => protector.Unprotect(stored));
            [StoredAs(StorageForm.Encrypted)]
            public sealed class VaultConverter() : ValueConverter<string, string>(v => v, v => v);
            public class ClinicDb(IDataProtector protector) : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Patient>().Property(p => p.Diagnosis).HasConversion(new ProtectedConverter(protector));
                    modelBuilder.Entity<Patient>().Property(p => p.Allergies).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
                    modelBuilder.Entity<Patient>().Property(p => p.BankAccount).HasConversion<VaultConverter>();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_converter_that_does_not_protect_does_not_count()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;
            public class Patient
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string {|#0:Diagnosis|} { get; set; } = "";
            }
            public class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                    => modelBuilder.Entity<Patient>().Property(p => p.Diagnosis).HasConversion(v => v.Trim(), v => v);
            }
            """;
        await VerifyAsync(source, Warning("PBD4001", 0));
    }

    [Fact]
    public async Task Owned_types_navigations_collections_and_base_classes_are_entities_too()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;
            using PrivacyByDesign;
            public abstract class Person
            {
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string {|#0:IdCard|} { get; set; } = "";
            }
            public class Patient : Person
            {
                public int Id { get; set; }
                public Address Home { get; set; } = new();
                public List<Visit> Visits { get; set; } = new();
            }
            public class Address
            {
                [SensitivePersonalInfo(PiCategory.LocationPrecise)] public string {|#1:Coordinates|} { get; set; } = "";
            }
            public class Visit
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string {|#2:Notes|} { get; set; } = "";
            }
            public class Unrelated
            {
                [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Notes { get; set; } = "";
            }
            public class ClinicDb : DbContext
            {
                public DbSet<Patient> Patients => Set<Patient>();
            }
            """;
        await VerifyAsync(source, Warning("PBD4001", 0), Warning("PBD4001", 1), Warning("PBD4001", 2));
    }

    [Fact]
    public async Task Dapper_ADO_cache_and_file_writes_of_sensitive_values_are_reported()
    {
        const string source = """
            using System.Data;
            using System.Data.Common;
            using System.IO;
            using Dapper;
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Caching.Distributed;
            using PrivacyByDesign;
            public class Patient
            {
                public int Id { get; set; }
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCard { get; set; } = "";
                [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
                public string Password { get; set; } = "";
            }
            class Store
            {
                void Save(IDbConnection db, DbCommand command, IDistributedCache cache, IDataProtector protector, Patient patient)
                {
                    db.Execute("insert into p values (@IdCard)", new { {|#0:patient.IdCard|} });
                    db.Execute("insert into p values (@Email)", new { patient.Email });
                    db.Execute("insert into p values (@IdCard)", new { IdCard = protector.Protect(patient.IdCard) });
                    var parameter = command.CreateParameter();
                    parameter.Value = {|#1:patient.Password|};
                    parameter.Value = patient.Id;
                    cache.SetString("patient", {|#2:patient.IdCard|});
                    File.WriteAllText("patient.txt", {|#3:patient.IdCard|});
                    File.WriteAllText("ids.txt", patient.Id.ToString());
                }
            }
            """;
        await VerifyAsync(source, Warning("PBD4001", 0), Error("PBD4003", 1), Warning("PBD4001", 2), Warning("PBD4001", 3));
    }

    [Fact]
    public async Task Without_EF_Core_entities_are_not_guessed()
    {
        const string source = """
            using PrivacyByDesign;
            public class Patient
            {
                [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCard { get; set; } = "";
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
