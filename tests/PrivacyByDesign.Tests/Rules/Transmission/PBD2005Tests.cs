using PrivacyByDesign.Analyzers.Rules.Transmission;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.EncryptionDisabledAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2005Tests
{
    [Fact]
    public async Task Connection_strings_in_code_that_turn_encryption_off_are_reported()
    {
        // Verbatim, escaped and raw spellings too: the rule reads the literal's value, not its text.
        const string source = """"
            class Connections
            {
                private const string Sql = {|#0:"Server=db.example.com;Database=Clinic;Encrypt=False"|};
                string[] All() => new[]
                {
                    {|#1:"Data Source=db.example.com;Initial Catalog=Clinic;TrustServerCertificate=True"|},
                    {|#2:"Host=pg.example.com;Database=clinic;SSL Mode=Disable"|},
                    {|#3:"Server=mysql.example.com;Database=clinic;SslMode=None"|},
                    {|#4:"cache.example.com:6380,ssl=false,password=secret"|},
                    {|#5:"mongodb://mongo.example.com:27017/clinic?tls=false"|},
                    {|#6:@"Server=db.example.com;Encrypt=""False"""|},
                    {|#7:"Server=db.example.com;Encrypt\u003DFalse"|},
                    {|#8:"""Server=db.example.com;TrustServerCertificate=True"""|},
                };
            }
            """";
        await TransmissionTestSources.VerifyAsync<EncryptionDisabledAnalyzer>(source,
            Verify.Diagnostic("PBD2005").WithLocation(0).WithArguments("The connection string setting 'Encrypt=False'"),
            Verify.Diagnostic("PBD2005").WithLocation(1).WithArguments("The connection string setting 'TrustServerCertificate=True'"),
            Verify.Diagnostic("PBD2005").WithLocation(2).WithArguments("The connection string setting 'SSL Mode=Disable'"),
            Verify.Diagnostic("PBD2005").WithLocation(3).WithArguments("The connection string setting 'SslMode=None'"),
            Verify.Diagnostic("PBD2005").WithLocation(4).WithArguments("The connection string setting 'ssl=false'"),
            Verify.Diagnostic("PBD2005").WithLocation(5).WithArguments("The connection string setting 'tls=false'"),
            Verify.Diagnostic("PBD2005").WithLocation(6).WithArguments("The connection string setting 'Encrypt=\"False\"'"),
            Verify.Diagnostic("PBD2005").WithLocation(7).WithArguments("The connection string setting 'Encrypt=False'"),
            Verify.Diagnostic("PBD2005").WithLocation(8).WithArguments("The connection string setting 'TrustServerCertificate=True'"));
    }

    [Fact]
    public async Task Client_settings_that_turn_encryption_off_are_reported()
    {
        const string source = """
            using System.Net.Mail;
            class Clients
            {
                void Configure()
                {
                    var smtp = new SmtpClient("mail.example.com") { {|#0:EnableSsl = false|} };
                    {|#1:smtp.EnableSsl = false|};
                    var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { {|#2:Encrypt = false|}, {|#3:TrustServerCertificate = true|} };
                    var redis = new StackExchange.Redis.ConfigurationOptions { {|#4:Ssl = false|} };
                }
            }
            """;
        await TransmissionTestSources.VerifyAsync<EncryptionDisabledAnalyzer>(source,
            Verify.Diagnostic("PBD2005").WithLocation(0).WithArguments("SmtpClient.EnableSsl"),
            Verify.Diagnostic("PBD2005").WithLocation(1).WithArguments("SmtpClient.EnableSsl"),
            Verify.Diagnostic("PBD2005").WithLocation(2).WithArguments("SqlConnectionStringBuilder.Encrypt"),
            Verify.Diagnostic("PBD2005").WithLocation(3).WithArguments("SqlConnectionStringBuilder.TrustServerCertificate"),
            Verify.Diagnostic("PBD2005").WithLocation(4).WithArguments("ConfigurationOptions.Ssl"));
    }

    [Fact]
    public async Task Encrypted_settings_prose_and_unrelated_types_are_clean()
    {
        const string source = """
            using System;
            using System.Net.Mail;
            class Settings { public bool Ssl { get; set; } public bool Encrypt { get; set; } }
            class Clients
            {
                void Configure(bool fromConfig)
                {
                    var smtp = new SmtpClient("mail.example.com") { EnableSsl = true };
                    smtp.EnableSsl = fromConfig;
                    var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { Encrypt = true, TrustServerCertificate = false };
                    var mine = new Settings { Ssl = false, Encrypt = false };
                    const string ok = "Server=db.example.com;Database=Clinic;Encrypt=True;TrustServerCertificate=False";
                    const string pg = "Host=pg.example.com;SSL Mode=VerifyFull";
                    Console.WriteLine("Connecting with ssl=false is not allowed");
                    Console.WriteLine("Setting Encrypt=False breaks compliance");
                    Console.WriteLine("Encrypt=False is rejected by policy");
                }
            }
            """;
        await TransmissionTestSources.VerifyAsync<EncryptionDisabledAnalyzer>(source);
    }

    [Fact]
    public async Task Appsettings_values_are_reported_at_their_json_location()
    {
        const string json = """
            {
              "ConnectionStrings": {
                "Clinic": "Server=db.example.com;Database=Clinic;Encrypt=False",
                "Cache": "cache.example.com:6380,ssl=false"
              },
              "Smtp": { "Host": "mail.example.com", "EnableSsl": false },
              "Database": { "TrustServerCertificate": true }
            }
            """;
        await TransmissionTestSources.VerifyAsync<EncryptionDisabledAnalyzer>("class C { }",
            test => test.TestState.AdditionalFiles.Add(("/0/appsettings.Production.json", json)),
            Verify.Diagnostic("PBD2005").WithSpan("/0/appsettings.Production.json", 3, 15, 3, 68).WithArguments("The connection string setting 'Encrypt=False'"),
            Verify.Diagnostic("PBD2005").WithSpan("/0/appsettings.Production.json", 4, 14, 4, 48).WithArguments("The connection string setting 'ssl=false'"),
            Verify.Diagnostic("PBD2005").WithSpan("/0/appsettings.Production.json", 6, 54, 6, 59).WithArguments("The setting 'EnableSsl: false'"),
            Verify.Diagnostic("PBD2005").WithSpan("/0/appsettings.Production.json", 7, 43, 7, 47).WithArguments("The setting 'TrustServerCertificate: true'"));
    }

    [Fact]
    public async Task Encrypted_appsettings_other_json_files_and_broken_json_are_clean()
    {
        const string secure = """
            {
              // comments and trailing commas are allowed in appsettings
              "ConnectionStrings": { "Clinic": "Server=db.example.com;Encrypt=True;" },
              "Smtp": { "EnableSsl": true },
            }
            """;
        await TransmissionTestSources.VerifyAsync<EncryptionDisabledAnalyzer>("class C { }", test =>
        {
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", secure));
            test.TestState.AdditionalFiles.Add(("/0/seed-data.json", """{ "EnableSsl": false, "c": "Server=x;Encrypt=False" }"""));
            test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", "{ not json"));
        });
    }
}
