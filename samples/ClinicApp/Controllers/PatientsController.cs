using ClinicApp.Data;
using ClinicApp.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyByDesign;

namespace ClinicApp.Controllers;

[ApiController]
[Route("api/patients")]
public sealed class PatientsController(ClinicDbContext db, ILogger<PatientsController> logger) : ControllerBase
{
    private static readonly PasswordHasher<Patient> Hasher = new();

    [HttpPost]
    [Purpose("registration")]
    public async Task<IActionResult> Register([FromBody] SignUpForm form, CancellationToken cancellationToken)
    {
        if (!form.AcceptPrivacyPolicy)
        {
            return BadRequest("The privacy policy must be accepted.");
        }

        var patient = new Patient { FullName = form.FullName, Mobile = form.Mobile, BirthDate = form.BirthDate };
        patient.PasswordHash = Hasher.HashPassword(patient, form.Password);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Registered patient {PatientId}", patient.Id);
        return CreatedAtAction(nameof(Export), new { id = patient.Id }, new { patient.Id });
    }

    /// <summary>Access and portability (PIPL Art. 45): everything held about the patient and their children, as JSON.</summary>
    [HttpGet("{id:int}/export")]
    [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability, DataSubjects.Patient)]
    [DataSubjectRightsHandler(DataSubjectRight.Access | DataSubjectRight.Portability, DataSubjects.Child)]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.Include(p => p.Children).Include(p => p.Consultations)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return patient is null ? NotFound() : Ok(patient);
    }

    /// <summary>Deletion (PIPL Art. 47) and account closure; children's profiles go with the guardian's account.</summary>
    [HttpDelete("{id:int}")]
    [DataSubjectRightsHandler(DataSubjectRight.Erasure | DataSubjectRight.AccountDeletion, DataSubjects.Patient)]
    [DataSubjectRightsHandler(DataSubjectRight.Erasure, DataSubjects.Child)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.Include(p => p.Children).Include(p => p.Consultations)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound();
        }

        db.Verifications.RemoveRange(db.Verifications.Where(v => v.PatientId == id));
        db.Patients.Remove(patient);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Erased patient {PatientId}", id);
        return NoContent();
    }

    /// <summary>Withdrawing lab sharing is one call, as easy as giving it (PIPL Art. 15).</summary>
    [HttpPost("{id:int}/consents/lab-tests/withdraw")]
    [ConsentWithdrawal("lab-tests")]
    [DataSubjectRightsHandler(DataSubjectRight.WithdrawConsent, DataSubjects.Patient)]
    public IActionResult WithdrawLabConsent(int id)
    {
        logger.LogInformation("Patient {PatientId} withdrew lab sharing", id);
        return NoContent();
    }

    [HttpPost("{id:int}/consents/face-verification/withdraw")]
    [ConsentWithdrawal("face-verification")]
    public async Task<IActionResult> WithdrawFaceConsent(int id, CancellationToken cancellationToken)
    {
        db.Verifications.RemoveRange(db.Verifications.Where(v => v.PatientId == id));
        await db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }
}
