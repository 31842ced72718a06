using PrivacyByDesign;

namespace ClinicApp.Models;

/// <summary>An adult patient's account.</summary>
[DataSubject(DataSubjects.Patient)]
[Purpose("registration")]
[Retention("P3Y", OnExpiry = ExpiryAction.Delete)]
public sealed class Patient
{
    public int Id { get; set; }

    [PersonalInfo(PiCategory.IdentityName)]
    public string FullName { get; set; } = "";

    [PersonalInfo(PiCategory.ContactPhone)]
    public string Mobile { get; set; } = "";

    [PersonalInfo(PiCategory.BasicBirthDate)]
    public DateOnly BirthDate { get; set; }

    /// <summary>Salted hash only; the password itself never reaches storage.</summary>
    [SensitivePersonalInfo(PiCategory.AccountPassword), StoredAs(StorageForm.Hashed, Mechanism = "PBKDF2 via PasswordHasher")]
    public string PasswordHash { get; set; } = "";

    public bool IsPhoneVerified { get; set; }

    public List<ChildProfile> Children { get; set; } = new();

    public List<Consultation> Consultations { get; set; } = new();
}

/// <summary>A child under 14 registered by a parent: guardian consent is required (PIPL Art. 31).</summary>
[DataSubject(DataSubjects.Child, MinimumAge = 0)]
[RequiresGuardianConsent]
[Purpose("registration")]
[Retention("P3Y", OnExpiry = ExpiryAction.Delete)]
public sealed class ChildProfile
{
    public int Id { get; set; }

    /// <summary>The guardian's patient account.</summary>
    [PersonalInfo(PiCategory.AccountUserId)]
    public int GuardianId { get; set; }

    [SensitivePersonalInfo(PiCategory.IdentityName), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedStringConverter")]
    public string FullName { get; set; } = "";

    [SensitivePersonalInfo(PiCategory.BasicBirthDate), StoredAs(StorageForm.Encrypted, Mechanism = "ProtectedValueConverter")]
    public DateOnly BirthDate { get; set; }
}
