using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.Tests.Generator;

namespace PrivacyByDesign.Tests.Classification;

/// <summary>Namespace questions the analyzers ask of every member and attribute, answered without building names.</summary>
public class SymbolRelationsTests
{
    private const string Source = """
        namespace My.System.Collections.Generic { public class Lookalike { } }
        namespace Systems.Collections.Generic { public class Plural { } }
        public class Global { }
        """;

    [Theory]
    [InlineData("System.Collections.Generic.List`1", "System.Collections.Generic", true)]
    [InlineData("System.Collections.Generic.List`1", "Collections.Generic", false)]
    [InlineData("System.Collections.Generic.List`1", "System.Collections", false)]
    [InlineData("System.Collections.Generic.List`1", "System.Collections.Generic.List", false)]
    [InlineData("System.Collections.Generic.List`1", "System.CollectionsXGeneric", false)]
    [InlineData("System.Collections.Generic.List`1", "", false)]
    [InlineData("My.System.Collections.Generic.Lookalike", "System.Collections.Generic", false)]
    [InlineData("My.System.Collections.Generic.Lookalike", "My.System.Collections.Generic", true)]
    [InlineData("Systems.Collections.Generic.Plural", "System.Collections.Generic", false)]
    [InlineData("PrivacyByDesign.PersonalInfoAttribute", "PrivacyByDesign", true)]
    [InlineData("Global", "", false)]
    public void IsNamespace_compares_every_part_of_the_written_name(string typeName, string dottedName, bool expected)
    {
        var type = GeneratorHost.Compile(Source).GetTypeByMetadataName(typeName)!;

        Assert.Equal(expected, SymbolRelations.IsNamespace(type.ContainingNamespace, dottedName));
        Assert.Equal(expected, dottedName.Length > 0 && type.ContainingNamespace.ToDisplayString() == dottedName);
    }

    [Theory]
    [InlineData("System.Collections.Generic.List`1", "System", 3)]
    [InlineData("System.String", "System", 1)]
    [InlineData("My.System.Collections.Generic.Lookalike", "My", 4)]
    [InlineData("Global", null, 0)]
    public void RootNamespace_is_the_outermost_one_with_the_depth_below_it(string typeName, string? root, int depth)
    {
        var type = GeneratorHost.Compile(Source).GetTypeByMetadataName(typeName)!;

        var (found, foundDepth) = SymbolRelations.RootNamespace(type.ContainingNamespace);

        Assert.Equal(root, found?.Name);
        Assert.Equal(depth, foundDepth);
    }
}
