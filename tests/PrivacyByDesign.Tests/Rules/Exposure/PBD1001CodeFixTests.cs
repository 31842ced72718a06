using PrivacyByDesign.Tests.Verifiers;
using Fix = PrivacyByDesign.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyByDesign.Analyzers.Rules.Exposure.PersonalInfoExposedAnalyzer,
    PrivacyByDesign.CodeFixes.Exposure.MaskPersonalInfoCodeFixProvider>;

namespace PrivacyByDesign.Tests.Rules.Exposure;

public class PBD1001CodeFixTests
{
    private static void WithModel(Fix.Test test)
    {
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("Model.cs", ExposureTestSources.Model));
            state.AdditionalReferences.AddRange(TestReferences.Frameworks);
        }
    }

    [Fact]
    public async Task Masks_with_the_helper_for_the_category_and_adds_the_using()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation("Calling {Phone}", {|PBD1001:patient.Phone|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            using PrivacyByDesign;

            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation("Calling {Phone}", PiMask.Mobile(patient.Phone));
                }
            }
            """;
        await Fix.VerifyFixAsync(source, fixedSource, configure: WithModel);
    }

    [Fact]
    public async Task Removes_an_interpolation_hole()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation($"Booked {{|PBD1001:patient.Email|}}");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            class Service
            {
                void Run(ILogger logger, Patient patient)
                {
                    logger.LogInformation($"Booked ");
                }
            }
            """;
        await Fix.VerifyFixAsync(source, fixedSource, actionIndex: 1, configure: WithModel);
    }

    [Fact]
    public async Task Credentials_get_no_masking_fix()
    {
        const string source = """
            class Service
            {
                void Run(UserAccount account) => System.Console.WriteLine({|PBD1001:account.Password|});
            }
            """;
        await Fix.VerifyFixAsync(source, source, configure: WithModel);
    }
}
