using PrivacyByDesign;

namespace ClinicApp.Models;

/// <summary>
/// Real-name verification before prescribing. The face check needs separate consent and offers an alternative
/// (face-recognition judicial interpretation); only the comparison template is kept, apart from the patient record.
/// </summary>
[DataSubject(DataSubjects.Patient)]
[Purpose("identity-verification")]
[RequiresSeparateConsent("face-verification", Alternative = "Video call with a pharmacist and ID card check")]
[Retention("P30D", OnExpiry = ExpiryAction.Delete)]
public sealed class IdentityVerification
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    [SensitivePersonalInfo(PiCategory.IdentityNationalId), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedStringConverter")]
    public string IdCardNo { get; set; } = "";

    [SensitivePersonalInfo(PiCategory.BiometricFace), StoredAs(StorageForm.Template)]
    public byte[] FaceTemplate { get; set; } = Array.Empty<byte>();

    public bool Passed { get; set; }
}
