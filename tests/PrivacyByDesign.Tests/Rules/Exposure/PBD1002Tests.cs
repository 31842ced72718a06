using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Exposure.PersonalInfoExposedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Exposure;

public class PBD1002Tests
{
    [Fact]
    public async Task Annotated_sensitive_information_is_an_error()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation("Checked {Id}", {|#0:patient.IdCard|});
                    logger.LogError($"Diagnosis {{|#1:patient.Diagnosis|}}");
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PBD1002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments(
                "'Patient.IdCard' (resident id card number (identity.national_id); marked [SensitivePersonalInfo(\"identity.national_id\")])", "the log (LoggerExtensions.LogInformation)"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PBD1002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithMessage(null));
    }

    [Fact]
    public async Task Encryption_at_rest_does_not_protect_a_logged_value_but_a_stored_hash_does()
    {
        const string source = """
            using PrivacyByDesign;
            public class Applicant
            {
                [SensitivePersonalInfo(PiCategory.IdentityPassport), StoredAs(StorageForm.Encrypted)] public string Passport { get; set; } = "";
                [SensitivePersonalInfo(PiCategory.IdentityNationalId), StoredAs(StorageForm.Hashed)] public string IdDigest { get; set; } = "";
            }
            class Service
            {
                void Run(Applicant applicant)
                {
                    System.Console.WriteLine({|#0:applicant.Passport|});
                    System.Console.WriteLine(applicant.IdDigest);
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source, new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PBD1002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithMessage(null));
    }

    [Fact]
    public async Task Inferred_sensitive_information_stays_a_warning()
    {
        const string source = """
            class Service
            {
                void Run(UserAccount account)
                {
                    System.Console.WriteLine({|#0:account.Password|});
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source, Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null));
    }
}
