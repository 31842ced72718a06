using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyByDesign.Analyzers.Rights;

namespace PrivacyByDesign.Tests.Rights;

/// <summary>
/// Compiles a clinic model with the generated export and erasure methods against the EF Core this test process runs,
/// and exercises them on an in-memory SQLite database with related entities and a second patient who must survive.
/// </summary>
public class GeneratedRightsOnSqliteTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using PrivacyByDesign;

        namespace Clinic.Data;

        [DataSubject(DataSubjects.Patient)]
        public class Patient
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
            public List<Consultation> Consultations { get; set; } = new();
        }

        [DataSubject(DataSubjects.Patient)]
        public class Consultation
        {
            public int Id { get; set; }
            public int PatientId { get; set; }
            [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Diagnosis { get; set; } = "";
        }

        [DataSubject(DataSubjects.Patient)]
        public class Verification
        {
            public int Id { get; set; }
            public int PatientId { get; set; }
            [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCardNo { get; set; } = "";
        }

        [GenerateDataSubjectRights]
        public class ClinicDb(DbContextOptions<ClinicDb> options) : DbContext(options)
        {
            public DbSet<Patient> Patients => Set<Patient>();
            public DbSet<Consultation> Consultations => Set<Consultation>();
            public DbSet<Verification> Verifications => Set<Verification>();
        }

        public static class Scenario
        {
            public static async Task<string> RunAsync()
            {
                using var connection = new SqliteConnection("Data Source=:memory:");
                connection.Open();
                var options = new DbContextOptionsBuilder<ClinicDb>().UseSqlite(connection).Options;
                using (var db = new ClinicDb(options))
                {
                    db.Database.EnsureCreated();
                    db.Patients.Add(new Patient { Id = 1, Phone = "13800000001", Consultations = { new Consultation { Diagnosis = "flu" }, new Consultation { Diagnosis = "cough" } } });
                    db.Patients.Add(new Patient { Id = 2, Phone = "13800000002", Consultations = { new Consultation { Diagnosis = "sprain" } } });
                    db.Verifications.Add(new Verification { PatientId = 1, IdCardNo = "110101199003071234" });
                    await db.SaveChangesAsync();
                }

                using (var db = new ClinicDb(options))
                {
                    var export = await db.ExportPatientAsync(1);
                    string json = JsonSerializer.Serialize(export, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles });
                    int erased = await db.ErasePatientAsync(1);
                    return string.Join(";",
                        "sets=" + string.Join(",", export.Keys),
                        "consultations=" + ((System.Collections.ICollection)export["Consultations"]).Count,
                        "json-has-flu=" + json.Contains("flu"),
                        "erased=" + erased,
                        "left=" + db.Patients.Count() + "/" + db.Consultations.Count() + "/" + db.Verifications.Count(),
                        "survivor=" + db.Patients.Single().Phone);
                }
            }
        }
        """;

    [Fact]
    public async Task Export_returns_every_linked_set_and_erase_deletes_only_that_subject()
    {
        var compilation = CSharpCompilation.Create(
            "ClinicRights",
            new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest)) },
            RuntimeReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new DataSubjectRightsGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var assembly = new AssemblyLoadContext("ClinicRights", isCollectible: true).LoadFromStream(new MemoryStream(image.ToArray()));
        var run = assembly.GetType("Clinic.Data.Scenario")!.GetMethod("RunAsync")!;
        string result = await (Task<string>)run.Invoke(null, null)!;

        Assert.Equal("sets=Consultations,Patients,Verifications;consultations=2;json-has-flu=True;erased=4;left=1/1/0;survivor=13800000002", result);
    }

    /// <summary>What this process runs: the framework plus EF Core, SQLite and the annotations from the test's output folder.</summary>
    private static IEnumerable<MetadataReference> RuntimeReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name == "PrivacyByDesign.dll"));
        return framework.Concat(local).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
