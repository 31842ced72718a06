using PrivacyByDesign;

namespace ClinicApp.Models;

/// <summary>What a patient submits to register: one unticked consent per purpose, none bundled.</summary>
[Purpose("registration")]
public sealed class SignUpForm
{
    [PersonalInfo(PiCategory.IdentityName)]
    public string FullName { get; set; } = "";

    [PersonalInfo(PiCategory.ContactPhone)]
    public string Mobile { get; set; } = "";

    [PersonalInfo(PiCategory.BasicBirthDate)]
    public DateOnly BirthDate { get; set; }

    [SensitivePersonalInfo(PiCategory.AccountPassword)]
    public string Password { get; set; } = "";

    [Consent("registration")]
    public bool AcceptPrivacyPolicy { get; set; }

    [Consent("lab-tests")]
    public bool AgreeToLabSharing { get; set; }
}

/// <summary>What the face-verification step submits.</summary>
[Purpose("identity-verification")]
[RequiresSeparateConsent("face-verification", Alternative = "Video call with a pharmacist and ID card check")]
public sealed class VerificationRequest
{
    [SensitivePersonalInfo(PiCategory.IdentityNationalId)]
    public string IdCardNo { get; set; } = "";

    [SensitivePersonalInfo(PiCategory.BiometricFace)]
    public string FaceImageBase64 { get; set; } = "";

    [Consent("face-verification")]
    public bool AgreeToFaceVerification { get; set; }
}
