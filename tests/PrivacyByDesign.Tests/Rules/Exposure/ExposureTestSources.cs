using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Exposure.PersonalInfoExposedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Exposure;

/// <summary>Shared model for exposure tests: an annotated patient, an unannotated account whose names imply personal information, and a record.</summary>
internal static class ExposureTestSources
{
    public const string Model = """
        using PrivacyByDesign;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalInfo(PiCategory.IdentityName)] public string Name { get; set; } = "";
            [PersonalInfo(PiCategory.ContactEmail)] public string Email { get; set; } = "";
            [PersonalInfo(PiCategory.ContactPhone)] public string Phone { get; set; } = "";
            [SensitivePersonalInfo(PiCategory.IdentityNationalId)] public string IdCard { get; set; } = "";
            [SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] public string Diagnosis { get; set; } = "";
            public bool IsPhoneVerified { get; set; }
            [NotPersonalInfo("Clinic-internal ward code")] public string WardCode { get; set; } = "";
            public string PasswordHash { get; set; } = "";
            public System.Collections.Generic.List<string> Tags { get; set; } = new();
        }
        public class UserAccount
        {
            public int Id { get; set; }
            public string IdCardNo { get; set; } = "";
            public string Password { get; set; } = "";
            public string MobilePhone { get; set; } = "";
        }
        public record PatientCard(int Id, [property: PersonalInfo(PiCategory.ContactEmail)] string Email);
        """;

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(source, test =>
        {
            test.TestState.Sources.Add(("Model.cs", Model));
            test.TestState.AdditionalReferences.AddRange(TestReferences.Frameworks);
        }, expected);
}
