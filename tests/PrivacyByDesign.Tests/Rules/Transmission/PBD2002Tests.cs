using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Analyzers.Rules.Transmission;
using Verify = PrivacyByDesign.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyByDesign.Analyzers.Rules.Transmission.PlaintextEndpointAnalyzer>;

namespace PrivacyByDesign.Tests.Rules.Transmission;

public class PBD2002Tests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => TransmissionTestSources.VerifyAsync<PlaintextEndpointAnalyzer>(source, expected);

    private static DiagnosticResult Personal(int location) => Verify.Diagnostic("PBD2002").WithSeverity(DiagnosticSeverity.Error).WithLocation(location).WithMessage(null);

    [Fact]
    public async Task Json_body_with_personal_members_is_an_error_naming_the_member()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Referrals
            {
                async Task Send(HttpClient client, Patient patient)
                {
                    await client.PostAsJsonAsync({|#0:"http://partner.example.com/referrals"|}, patient);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic("PBD2002").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithArguments(
            "'Patient.Name' (personal (legal) name (identity.name); marked [PersonalInfo(\"identity.name\")]) is serialised with the whole 'Patient' object",
            "HttpClientJsonExtensions.PostAsJsonAsync",
            "http://partner.example.com/referrals",
            "https"));
    }

    [Fact]
    public async Task Query_strings_content_objects_serialisers_and_form_values_carry_personal_information()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json;
            using System.Threading.Tasks;
            class Referrals
            {
                private const string Partner = "http://partner.example.com";
                async Task Send(HttpClient client, Patient patient, UserAccount account)
                {
                    await client.GetAsync({|#0:$"{Partner}/lookup?phone={patient.Phone}"|});
                    await client.GetAsync({|#1:Partner + "/verify?id=" + account.IdCardNo|});
                    await client.PostAsync({|#2:Partner + "/a"|}, new StringContent(JsonSerializer.Serialize(patient)));
                    var json = JsonSerializer.Serialize(account);
                    await client.PutAsync({|#3:Partner + "/b"|}, new StringContent(json));
                    await client.PostAsync({|#4:Partner + "/c"|}, JsonContent.Create(patient));
                    var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = patient.Name });
                    await client.PostAsync({|#5:Partner + "/d"|}, form);
                }
            }
            """;
        await VerifyAsync(source, Personal(0), Personal(1), Personal(2), Personal(3), Personal(4), Personal(5));
    }

    [Fact]
    public async Task Request_messages_filled_in_later_carry_their_content_and_headers()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Referrals
            {
                async Task Send(HttpClient client, Patient patient)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, {|#0:"http://partner.example.com/a"|});
                    request.Content = JsonContent.Create(patient);
                    await client.SendAsync(request);

                    var lookup = new HttpRequestMessage(HttpMethod.Get, {|#1:"http://partner.example.com/b"|});
                    lookup.Headers.Add("X-Phone", patient.Phone);
                    await client.SendAsync(lookup);

                    var inline = new HttpRequestMessage(HttpMethod.Post, {|#2:"http://partner.example.com/c"|}) { Content = new StringContent(patient.Diagnosis) };
                    await client.SendAsync(inline);
                }
            }
            """;
        await VerifyAsync(source, Personal(0), Personal(1), Personal(2));
    }

    [Fact]
    public async Task Non_personal_payloads_stay_warnings_and_encrypted_channels_stay_clean()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using PrivacyByDesign;
            class Referrals
            {
                async Task Send(HttpClient client, Patient patient, Product product)
                {
                    await client.PostAsJsonAsync({|#0:"http://shop.example.com/products"|}, product);
                    await client.GetAsync({|#1:$"http://shop.example.com/lookup?id={patient.Id}"|});
                    await client.GetAsync({|#2:$"http://shop.example.com/lookup?n={patient.Name.Length}"|});
                    await client.PostAsJsonAsync("https://partner.example.com/referrals", patient);
                    await client.GetAsync($"https://partner.example.com/lookup?phone={patient.Phone}");
                    await client.PostAsJsonAsync("http://localhost:5000/referrals", patient);
                    await client.GetAsync({|#3:$"http://shop.example.com/lookup?phone={PiMask.Mobile(patient.Phone)}"|});
                }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD2001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD2001").WithLocation(1).WithMessage(null),
            Verify.Diagnostic("PBD2001").WithLocation(2).WithMessage(null),
            Verify.Diagnostic("PBD2001").WithLocation(3).WithMessage(null));
    }

    [Fact]
    public async Task Relative_requests_through_a_client_with_a_plaintext_base_address_are_errors_only_with_personal_data()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class Referrals
            {
                async Task Send(Patient patient, Product product, string absolute)
                {
                    var client = new HttpClient { BaseAddress = {|#0:new Uri("http://partner.example.com/")|} };
                    await client.PostAsJsonAsync({|#1:"referrals"|}, patient);
                    await client.GetAsync({|#2:$"lookup?phone={patient.Phone}"|});
                    await client.PostAsJsonAsync("products", product);
                    await client.PostAsJsonAsync(absolute, patient);

                    var secure = new HttpClient();
                    secure.BaseAddress = new Uri("https://partner.example.com/");
                    await secure.PostAsJsonAsync("referrals", patient);

                    var other = new HttpClient();
                    other.BaseAddress = {|#3:new Uri("http://partner.example.com/")|};
                    await other.PostAsync({|#4:"referrals"|}, JsonContent.Create(patient));
                }
            }
            """;
        await VerifyAsync(source,
            Verify.Diagnostic("PBD2001").WithLocation(0).WithMessage(null),
            Verify.Diagnostic("PBD2002").WithSeverity(DiagnosticSeverity.Error).WithLocation(1).WithArguments(
                "'Patient.Name' (personal (legal) name (identity.name); marked [PersonalInfo(\"identity.name\")]) is serialised with the whole 'Patient' object",
                "HttpClientJsonExtensions.PostAsJsonAsync",
                "http://partner.example.com/",
                "https"),
            Personal(2),
            Verify.Diagnostic("PBD2001").WithLocation(3).WithMessage(null),
            Personal(4));
    }

    [Fact]
    public async Task WebClient_uploads_carry_their_data()
    {
        const string source = """
            #pragma warning disable SYSLIB0014
            using System.Net;
            class Legacy
            {
                void Send(Patient patient, Product product)
                {
                    using var web = new WebClient();
                    web.UploadString({|#0:"http://legacy.example.com/patients"|}, patient.Phone);
                    web.UploadString({|#1:"http://legacy.example.com/products"|}, product.Title);
                    web.UploadString("https://legacy.example.com/patients", patient.Phone);
                }
            }
            """;
        await VerifyAsync(source, Personal(0), Verify.Diagnostic("PBD2001").WithLocation(1).WithMessage(null));
    }

    [Fact]
    public async Task A_client_field_with_a_plaintext_base_address_carries_the_finding_to_its_requests()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            class LabClient
            {
                private readonly HttpClient _http = new HttpClient { BaseAddress = {|#0:new Uri("http://lab.example.com/")|} };
                private readonly HttpClient _secure = new HttpClient { BaseAddress = new Uri("https://lab.example.com/") };

                async Task Send(Patient patient, Product product)
                {
                    await _http.PostAsJsonAsync({|#1:"results"|}, patient);
                    await _http.PostAsJsonAsync("catalogue", product);
                    await _secure.PostAsJsonAsync("results", patient);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic("PBD2001").WithLocation(0).WithMessage(null), Personal(1));
    }
}
