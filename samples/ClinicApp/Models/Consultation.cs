using PrivacyByDesign;

namespace ClinicApp.Models;

/// <summary>A consultation and its medical record.</summary>
[DataSubject(DataSubjects.Patient)]
[Purpose("consultation")]
[Retention("P15Y", OnExpiry = ExpiryAction.Anonymize, LegalRequirement = "Medical records management rules: outpatient records 15 years")]
public sealed class Consultation
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    [SensitivePersonalInfo(PiCategory.HealthMedicalRecord), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedStringConverter")]
    public string Diagnosis { get; set; } = "";

    [SensitivePersonalInfo(PiCategory.HealthMedicationAllergy), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedStringConverter")]
    public string Allergies { get; set; } = "";

    /// <summary>Tokenised by the payment gateway; the card number never reaches the clinic.</summary>
    [PersonalInfo(PiCategory.FinanceInternalRef), StoredAs(StorageForm.Tokenized)]
    [Purpose("payment")]
    public string PaymentToken { get; set; } = "";

    [SensitivePersonalInfo(PiCategory.FinanceTransaction), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedValueConverter")]
    [Purpose("payment")]
    public decimal Fee { get; set; }
}
