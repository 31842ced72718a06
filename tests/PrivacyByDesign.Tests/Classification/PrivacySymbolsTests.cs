using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Tests.Generator;

namespace PrivacyByDesign.Tests.Classification;

/// <summary>The one type lookup every analyzer resolves its well-known types with.</summary>
public class PrivacySymbolsTests
{
    private const string Source = """
        namespace ClinicApp
        {
            public class Patient { public class Address { } }
            public class Repository<T> { }
        }

        namespace PrivacyByDesign
        {
            // Also defined by the referenced annotation assembly: the compilation's own definition wins.
            public sealed class PersonalInfoAttribute : System.Attribute { }
        }
        """;

    [Theory]
    [InlineData("System.Net.Http.HttpClient")]
    [InlineData("Microsoft.AspNetCore.SignalR.Hub")]
    [InlineData("Microsoft.AspNetCore.SignalR.Hub`1")]
    [InlineData("System.Collections.Generic.Dictionary`2+Enumerator")]
    [InlineData("System.Environment+SpecialFolder")]
    [InlineData("ClinicApp.Patient+Address")]
    [InlineData("ClinicApp.Repository`1")]
    [InlineData("PrivacyByDesign.PersonalInfoAttribute")]
    [InlineData("PrivacyByDesign.PiCategory")]
    public void Finds_what_GetTypeByMetadataName_finds_for_a_name_declared_once_or_in_the_compilation(string metadataName)
    {
        var compilation = GeneratorHost.Compile(Source);

        var found = PrivacySymbols.Find(compilation, metadataName);

        Assert.NotNull(found);
        Assert.Equal(compilation.GetTypeByMetadataName(metadataName), found, SymbolEqualityComparer.Default);
        Assert.Same(found, PrivacySymbols.Find(compilation, metadataName));
    }

    [Fact]
    public void The_compilation_s_own_definition_wins_over_a_referenced_one()
    {
        var compilation = GeneratorHost.Compile(Source);

        var found = PrivacySymbols.Find(compilation, "PrivacyByDesign.PersonalInfoAttribute");

        Assert.Equal(2, compilation.GetTypesByMetadataName("PrivacyByDesign.PersonalInfoAttribute").Length);
        Assert.Equal(compilation.Assembly, found!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Theory]
    [InlineData("Serilog.NotAType")]
    [InlineData("No.Such.Namespace.Type")]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.Http.HttpClient`1")]
    [InlineData("Microsoft.AspNetCore.SignalR.Hub`x")]
    [InlineData("System.Net.Http.HttpClient+Nested")]
    [InlineData("ClinicApp.Patient+Address+Street")]
    [InlineData("")]
    public void Returns_null_for_a_name_no_assembly_declares(string metadataName)
    {
        var compilation = GeneratorHost.Compile(Source);

        Assert.Null(PrivacySymbols.Find(compilation, metadataName));
        Assert.Null(compilation.GetTypeByMetadataName(metadataName));
    }

    [Fact]
    public void A_type_two_references_declare_resolves_to_one_of_them_where_GetTypeByMetadataName_gives_null()
    {
        var first = Library("First", "namespace Shared { public class Thing { } }");
        var second = Library("Second", "namespace Shared { public class Thing { } }");
        var compilation = GeneratorHost.Compile(Source).AddReferences(first, second);

        var found = PrivacySymbols.Find(compilation, "Shared.Thing");

        Assert.Null(compilation.GetTypeByMetadataName("Shared.Thing"));
        Assert.NotNull(found);
        Assert.Contains(found!.ContainingAssembly.Name, new[] { "First", "Second" });
    }

    private static MetadataReference Library(string name, string source)
    {
        var library = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
