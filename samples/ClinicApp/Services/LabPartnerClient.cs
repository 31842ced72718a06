using ClinicApp.Models;
using PrivacyByDesign;

namespace ClinicApp.Services;

/// <summary>Sends lab orders to the partner laboratory, an entrusted processor declared in PrivacyDeclarations.cs.</summary>
[SharedWith("lab-partner")]
[Purpose("lab-tests")]
public sealed class LabPartnerClient(HttpClient http)
{
    public async Task<bool> OrderTestAsync(Consultation consultation, string patientName, CancellationToken cancellationToken)
    {
        var order = new LabOrder(consultation.Id, patientName, consultation.Diagnosis);
        using var response = await http.PostAsJsonAsync("orders", order, cancellationToken);
        return response.IsSuccessStatusCode;
    }
}

public sealed record LabOrder(
    int ConsultationId,
    [property: PersonalInfo(PiCategory.IdentityName)] string PatientName,
    [property: SensitivePersonalInfo(PiCategory.HealthMedicalRecord)] string Diagnosis);
