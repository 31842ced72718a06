using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.InvalidConfigurationAnalyzer>;

namespace PrivacyByDesign.Tests.Rules;

public class PBD0003Tests
{
    [Fact]
    public async Task Problems_are_reported_in_the_configuration_file()
    {
        const string json = """
            {
              "names": { "contact.mail": ["Mail2"] },
              "inference": "yes"
            }
            """;
        await Verify.VerifyAsync("public class C { }",
            test => test.TestState.AdditionalFiles.Add(("/0/privacybydesign.json", json)),
            Verify.Diagnostic("PBD0003").WithSpan("/0/privacybydesign.json", 2, 14, 2, 28).WithArguments("unknown category 'contact.mail'"),
            Verify.Diagnostic("PBD0003").WithSpan("/0/privacybydesign.json", 3, 16, 3, 21).WithArguments("'inference' must be true or false"));
    }

    [Fact]
    public async Task Third_parties_need_an_id_a_name_a_country_and_a_host_or_namespace()
    {
        const string json = """
            { "thirdParties": [
              { "id": "crm", "name": "Acme CRM", "hosts": ["crm.acme.example"] },
              { "id": "bi", "name": "BI", "country": "US" },
              { "id": "ok", "name": "Fine", "country": "SG", "namespaces": ["Acme.Sdk"] }
            ] }
            """;
        await Verify.VerifyAsync("public class C { }",
            test => test.TestState.AdditionalFiles.Add(("/0/privacybydesign.json", json)),
            Verify.Diagnostic("PBD0003").WithSpan("/0/privacybydesign.json", 2, 3, 2, 69).WithArguments("a third party needs 'id', 'name' and 'country' (ISO 3166-1 alpha-2, e.g. \"US\")"),
            Verify.Diagnostic("PBD0003").WithSpan("/0/privacybydesign.json", 3, 3, 3, 48).WithArguments("third party 'bi' needs 'hosts' or 'namespaces' to be recognised"));
    }

    [Fact]
    public async Task A_valid_file_or_no_file_is_clean()
    {
        await Verify.VerifyAsync("public class C { }");
        await Verify.VerifyAsync("public class C { }",
            test => test.TestState.AdditionalFiles.Add(("/0/privacybydesign.json", """{ "notPersonal": ["ProductName"], "inference": true }""")));
    }

    [Fact]
    public async Task Other_additional_files_are_ignored()
    {
        await Verify.VerifyAsync("public class C { }", test => test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ not json")));
    }
}
