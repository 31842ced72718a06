using Microsoft.CodeAnalysis;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Exposure.PersonalInfoExposedAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Exposure;

public class PBD1001Tests
{
    [Fact]
    public async Task Annotated_member_in_a_log_message_is_reported_with_why()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger<Service> logger, Patient patient)
                {
                    logger.LogInformation("Booked for {Email}", {|#0:patient.Email|});
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            Verify.Diagnostic("PBD1001").WithLocation(0).WithArguments(
                "'Patient.Email' (e-mail address (contact.email); marked [PersonalInfo(\"contact.email\")])",
                "the log (LoggerExtensions.LogInformation)"));
    }

    [Fact]
    public async Task Inferred_member_is_a_warning_whose_message_names_the_inference()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, UserAccount account)
                {
                    logger.LogWarning("Verifying {Id}", {|#0:account.IdCardNo|});
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source, Verify.Diagnostic("PBD1001").WithLocation(0).WithArguments(
            "'UserAccount.IdCardNo' (resident id card number (identity.national_id); inferred from the name `IdCardNo`)", "the log (LoggerExtensions.LogWarning)"));
    }

    [Fact]
    public async Task Interpolation_concatenation_format_and_string_builder_carry_personal_information()
    {
        const string source = """
            using System;
            using System.Text;
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation($"Booked for {{|#0:patient.Phone|}}");
                    logger.LogInformation("Booked for " + {|#1:patient.Name|});
                    logger.LogInformation(string.Format("{0}", {|#2:patient.Email|}));
                    var builder = new StringBuilder();
                    builder.Append("to ").Append(patient.Email);
                    Console.WriteLine({|#3:builder.ToString()|});
                    var text = new StringBuilder().Append(patient.Phone).ToString();
                    Console.WriteLine({|#4:text|});
                    Console.WriteLine($"Patient {{|#5:patient.Name|}} ({{|#6:patient.Phone|}}) #{patient.Id}");
                    Console.WriteLine("Patient " + {|#7:patient.Name|} + " " + {|#8:patient.Email|});
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(3).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(4).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(5).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(6).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(7).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(8).WithMessage(null));
    }

    [Fact]
    public async Task Locals_parameters_collections_and_lambdas_carry_personal_information()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient, List<Patient> patients, string email)
                {
                    var contact = patient.Phone;
                    string copy;
                    copy = contact;
                    logger.LogInformation("Calling {Number}", {|#0:copy|});
                    logger.LogInformation("Mailing {Address}", {|#1:email|});
                    Console.WriteLine(string.Join(", ", patients.Select(p => {|#2:p.Email|})));
                    var phones = new List<string>();
                    phones.Add(patient.Phone);
                    logger.LogInformation("Phones {Phones}", {|#3:phones|});
                    foreach (var p in patients)
                    {
                        logger.LogInformation("Name {Name}", {|#4:p.Name|});
                    }
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(3).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(4).WithMessage(null));
    }

    [Fact]
    public async Task Whole_objects_are_reported_when_the_sink_serialises_or_the_record_prints_them()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Serilog.ILogger serilog, Patient patient, PatientCard card)
                {
                    serilog.Information("Created {@Patient}", {|#0:patient|});
                    serilog.Information("Created {Patient}", patient);
                    logger.LogInformation("Created {Patient}", patient);
                    logger.LogInformation("Card {Card}", {|#1:card|});
                    logger.LogInformation($"Card {{|#2:card|}}");
                    using (logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["phone"] = {|#3:patient.Phone|} })) { }
                    Serilog.Log.ForContext("Patient", {|#4:patient|}, destructureObjects: true).Information("x");
                    Serilog.Log.ForContext("PatientId", patient.Id).Information("x");
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(3).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(4).WithMessage(null));
    }

    [Fact]
    public async Task Every_logging_framework_console_debug_trace_telemetry_and_exceptions_are_sinks()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            class Service
            {
                void Run(NLog.ILogger nlog, NLog.Logger nlogger, log4net.ILog log4, Patient patient, string phone)
                {
                    nlog.Info("Login {Phone}", {|#0:patient.Phone|});
                    nlogger.Warn("Login {0}", {|#1:patient.Email|});
                    log4.InfoFormat("Login {0}", {|#2:patient.Email|});
                    log4.Info("Login " + {|#3:patient.Email|});
                    Serilog.Log.Warning("Login {Email}", {|#4:patient.Email|});
                    Console.Error.WriteLine({|#5:patient.Email|});
                    Debug.WriteLine({|#6:patient.Email|});
                    Trace.TraceInformation("{0}", {|#7:patient.Email|});
                    Activity.Current?.SetTag("patient.email", {|#8:patient.Email|});
                    var tags = new TagList();
                    tags.Add("phone", {|#9:phone|});
                    throw new InvalidOperationException($"No booking for {{|#10:patient.Email|}}");
                }
            }
            """;
        var expected = Enumerable.Range(0, 11).Select(i => Verify.Diagnostic("PBD1001").WithLocation(i).WithMessage(null)).ToArray();
        await ExposureTestSources.VerifyAsync(source, expected);
    }

    [Fact]
    public async Task LoggerMessage_parameters_are_sinks_unless_the_parameter_is_classified_for_redaction()
    {
        const string source = """
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;
            sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Clinic", "Private")) { }
            }
            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Signed in {Email}")]
                public static partial void SignedIn(ILogger logger, string email);
                [LoggerMessage(2, LogLevel.Information, "Signed in {Email}")]
                public static partial void SignedInRedacted(ILogger logger, [PrivateData] string email);
                public static partial void SignedIn(ILogger logger, string email) { }
                public static partial void SignedInRedacted(ILogger logger, string email) { }
            }
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    Log.SignedIn(logger, {|#0:patient.Email|});
                    Log.SignedInRedacted(logger, patient.Email);
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source, Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null));
    }

    [Fact]
    public async Task Sanitisers_are_recognised_by_symbol_not_by_name()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Compliance.Redaction;
            using Microsoft.Extensions.Logging;
            using PrivacyByDesign;
            class Service
            {
                [PersonalInfoSanitizer] static string Tokenize(string value) => "t";
                static string MaskPhone(string value) => value;
                static string Unprotect(string value) => value;

                void Run(ILogger logger, Patient patient, Redactor redactor, IDataProtector protector, byte[] key)
                {
                    logger.LogInformation("{P}", PiMask.Mobile(patient.Phone));
                    logger.LogInformation("{P}", redactor.Redact(patient.Email));
                    logger.LogInformation("{P}", protector.Protect(patient.Email));
                    logger.LogInformation("{P}", Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(patient.Email))));
                    logger.LogInformation("{P}", Tokenize(patient.IdCard));
                    logger.LogInformation("{P}", MaskPhone({|#0:patient.Phone|}));
                    logger.LogInformation("{P}", Unprotect({|#1:patient.Email|}));
                    logger.LogInformation("{P}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes({|#2:patient.Phone|}))));
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source,
            Verify.Diagnostic("PBD1001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD1001").WithLocation(2).WithMessage(null));
    }

    [Fact]
    public async Task Ids_counts_booleans_hashes_constants_and_declared_non_personal_members_are_clean()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            class Service
            {
                const string EmailHeader = "X-Email";
                void Run(ILogger logger, Patient patient, List<Patient> patients, StreamWriter file)
                {
                    logger.LogInformation("Patient {Id}", patient.Id);
                    logger.LogInformation("Length {Length}", patient.Email.Length);
                    logger.LogInformation("Count {Count}", patients.Count);
                    logger.LogInformation("With phone {Count}", patients.Count(p => p.Phone != null));
                    logger.LogInformation("Verified {Verified}", patient.IsPhoneVerified);
                    logger.LogInformation("Has mail {HasMail}", !string.IsNullOrEmpty(patient.Email));
                    logger.LogInformation("Header {Header}", EmailHeader);
                    logger.LogInformation("Field {Field}", nameof(patient.Email));
                    logger.LogInformation("Ward {Ward}", patient.WardCode);
                    logger.LogInformation("Hash {Hash}", patient.PasswordHash);
                    logger.LogInformation("Same {Same}", patient.Email == "a@b.c");
                    logger.LogInformation("Patient {Patient}", patient);
                    file.WriteLine(patient.Email);
                    Console.WriteLine($"Patient {patient.Id} has {patient.Tags.Count} tags");
                    throw new ArgumentNullException(nameof(patient.Email));
                }
            }
            """;
        await ExposureTestSources.VerifyAsync(source);
    }
}
