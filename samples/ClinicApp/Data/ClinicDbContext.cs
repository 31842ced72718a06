using ClinicApp.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicApp.Data;

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options, IDataProtectionProvider protection) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<ChildProfile> Children => Set<ChildProfile>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<IdentityVerification> Verifications => Set<IdentityVerification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var protector = new ProtectedStringConverter(protection.CreateProtector("ClinicApp.Columns"));
        modelBuilder.Entity<Consultation>().Property(c => c.Diagnosis).HasConversion(protector);
        modelBuilder.Entity<Consultation>().Property(c => c.Allergies).HasConversion(protector);
        modelBuilder.Entity<IdentityVerification>().Property(v => v.IdCardNo).HasConversion(protector);
        modelBuilder.Entity<Patient>().HasMany(p => p.Children).WithOne().HasForeignKey(c => c.GuardianId);
        modelBuilder.Entity<Patient>().HasMany(p => p.Consultations).WithOne().HasForeignKey(c => c.PatientId);
    }
}

/// <summary>Encrypts a column with ASP.NET Core Data Protection.</summary>
public sealed class ProtectedStringConverter(IDataProtector protector)
    : ValueConverter<string, string>(clear => protector.Protect(clear), stored => protector.Unprotect(stored));
