using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Rights;
using PrivacyByDesign.Analyzers.Rules.Rights;
using PrivacyByDesign.Tests.Generator;

namespace PrivacyByDesign.Tests.Rights;

public class DataSubjectRightsGeneratorTests
{
    private const string Clinic = """
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;
        using PrivacyByDesign;

        namespace Clinic.Data;

        [DataSubject(DataSubjects.Patient), Retention("P3Y")]
        public class Patient
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
        }

        [DataSubject(DataSubjects.Patient), Retention("P15Y")]
        public class Consultation
        {
            public int Id { get; set; }
            public int PatientId { get; set; }
            [SensitivePersonalInfo(PiCategory.HealthMedicalRecord), StoredAs(StorageForm.Encrypted)] public string Diagnosis { get; set; } = "";
        }

        [DataSubject(DataSubjects.Patient), Retention("P1Y")]
        public class Feedback
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
        }

        [DataSubject(DataSubjects.Employee), Retention("P5Y")]
        public class Doctor
        {
            public int DoctorId { get; set; }
            [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = "";
        }

        public class Ward { public int Id { get; set; } public string Code { get; set; } = ""; }

        [GenerateDataSubjectRights]
        public class ClinicDb : DbContext
        {
            public DbSet<Patient> Patients => Set<Patient>();
            public DbSet<Consultation> Consultations => Set<Consultation>();
            public DbSet<Feedback> Feedback => Set<Feedback>();
            public DbSet<Doctor> Doctors => Set<Doctor>();
            public DbSet<Ward> Wards => Set<Ward>();
        }
        """;

    private static (Compilation Output, GeneratorDriver Driver) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver ??= CSharpGeneratorDriver.Create(
            new[] { new DataSubjectRightsGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHost.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (output, driver);
    }

    [Fact]
    public void Generates_export_and_erasure_per_subject_that_compile_and_reach_linked_sets()
    {
        var (output, driver) = Run(GeneratorHost.Compile(Clinic));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        string generated = Assert.Single(driver.GetRunResult().GeneratedTrees).ToString();
        Assert.Contains("public static partial class ClinicDbDataSubjectRights", generated);
        Assert.Contains("ExportPatientAsync(this global::Clinic.Data.ClinicDb db, int key", generated);
        Assert.Contains("ErasePatientAsync(this global::Clinic.Data.ClinicDb db, int key", generated);
        Assert.Contains("Where(db.Patients, e => e.Id == key)", generated);
        Assert.Contains("Where(db.Consultations, e => e.PatientId == key)", generated);
        Assert.Contains("ExportEmployeeAsync", generated);
        Assert.Contains("Where(db.Doctors, e => e.DoctorId == key)", generated);
        Assert.Contains("Not reached (no foreign key to the root entity): Feedback.", generated);
        Assert.DoesNotContain("Wards", generated);

        // Linked sets are deleted before the root they point to.
        int consultations = generated.IndexOf("db.Consultations.RemoveRange", StringComparison.Ordinal);
        int patients = generated.IndexOf("db.Patients.RemoveRange", StringComparison.Ordinal);
        Assert.True(consultations >= 0 && consultations < patients, generated);
    }

    [Fact]
    public async Task Generated_methods_are_the_rights_handlers_PBD6001_and_PBD6002_look_for()
    {
        var compilation = GeneratorHost.Compile(Clinic);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RightsNotProvidedAnalyzer());
        var before = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(before, d => d.Id == "PBD6001");

        var (output, _) = Run(compilation);
        var after = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(after.Select(d => d.ToString()));
    }

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHost.Compile(Clinic);
        var (_, driver) = Run(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Answer() => 42; }", GeneratorHost.ParseOptions));
        (_, driver) = Run(edited, driver);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[DataSubjectRightsGenerator.ModelStep];
        Assert.NotEmpty(steps.SelectMany(s => s.Outputs));
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void A_class_that_is_not_a_DbContext_gets_nothing()
    {
        var (_, driver) = Run(GeneratorHost.Compile("""
            [PrivacyByDesign.GenerateDataSubjectRights]
            public class NotAContext { }
            """));
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }
}
