using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PrivacyByDesign.Tests.Verifiers;

namespace PrivacyByDesign.Tests.Rules.Collection;

/// <summary>Runs a collection analyzer over source compiled against ASP.NET Core 8 and the annotations.</summary>
public static class CollectionVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

    public static Task VerifyAsync(string source, Action<CSharpAnalyzerVerifier<TAnalyzer>.Test>? configure, params DiagnosticResult[] expected)
        => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAsync(source, test =>
        {
            test.ReferenceAssemblies = TestReferences.AspNetCore80;
            configure?.Invoke(test);
        }, expected);

    /// <summary>Sets the MSBuild property PrivacyByDesignAppType as the package's CompilerVisibleProperty would.</summary>
    public static Action<CSharpAnalyzerVerifier<TAnalyzer>.Test> AppType(string appType)
        => test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.PrivacyByDesignAppType = {appType}\n"));
}

/// <summary>Declarations the collection tests share: two purposes, so nothing gets an implicit single purpose.</summary>
internal static class CollectionSources
{
    public const string Purposes = """
        [assembly: ProcessingPurpose("registration", "Create an account", LegalBasis.Contract,
            NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone })]
        [assembly: ProcessingPurpose("marketing", "Send offers", LegalBasis.Consent)]

        """;
}
