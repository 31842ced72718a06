using System.Globalization;
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
        var columns = protection.CreateProtector("ClinicApp.Columns");
        var protector = new ProtectedStringConverter(columns);
        modelBuilder.Entity<Consultation>().Property(c => c.Diagnosis).HasConversion(protector);
        modelBuilder.Entity<Consultation>().Property(c => c.Allergies).HasConversion(protector);
        modelBuilder.Entity<IdentityVerification>().Property(v => v.IdCardNo).HasConversion(protector);
        modelBuilder.Entity<ChildProfile>().Property(c => c.FullName).HasConversion(protector);
        modelBuilder.Entity<ChildProfile>().Property(c => c.BirthDate).HasConversion(
            new ProtectedValueConverter<DateOnly>(columns, d => d.ToString("O", CultureInfo.InvariantCulture), s => DateOnly.Parse(s, CultureInfo.InvariantCulture)));
        modelBuilder.Entity<Consultation>().Property(c => c.Fee).HasConversion(
            new ProtectedValueConverter<decimal>(columns, d => d.ToString(CultureInfo.InvariantCulture), s => decimal.Parse(s, CultureInfo.InvariantCulture)));
        modelBuilder.Entity<Patient>().HasMany(p => p.Children).WithOne().HasForeignKey(c => c.GuardianId);
        modelBuilder.Entity<Patient>().HasMany(p => p.Consultations).WithOne().HasForeignKey(c => c.PatientId);
    }
}

/// <summary>Encrypts a column with ASP.NET Core Data Protection.</summary>
public sealed class ProtectedStringConverter(IDataProtector protector)
    : ValueConverter<string, string>(clear => protector.Protect(clear), stored => protector.Unprotect(stored));

/// <summary>Encrypts a non-text column (dates, amounts) with ASP.NET Core Data Protection, via its invariant text form.</summary>
public sealed class ProtectedValueConverter<T>(IDataProtector protector, Func<T, string> format, Func<string, T> parse)
    : ValueConverter<T, string>(value => protector.Protect(format(value)), stored => parse(protector.Unprotect(stored)));
