using System.Collections.Generic;
using System.IO;

namespace PrivacyByDesign.DocGen;

public sealed record GeneratedFile(string RelativePath, string Content);

public static class GeneratedFiles
{
    public const string TaxonomyPath = "src/taxonomy/taxonomy.json";

    public const string ThirdPartiesPath = "src/thirdparties/third-parties.json";

    public static IEnumerable<GeneratedFile> All(string root)
    {
        var taxonomy = TaxonomyFile.Load(Path.Combine(root, TaxonomyPath));
        yield return new GeneratedFile("src/PrivacyByDesign/PiCategory.g.cs", TaxonomyEmitter.PiCategoryConstants(taxonomy));
        yield return new GeneratedFile("src/PrivacyByDesign.Analyzers/Taxonomy/TaxonomyData.g.cs", TaxonomyEmitter.AnalyzerTable(taxonomy));
        yield return new GeneratedFile("docs/taxonomy.md", TaxonomyEmitter.Markdown(taxonomy));
        yield return new GeneratedFile("docs/rules/README.md", RuleCatalog.RulesIndexMarkdown());
        var thirdParties = ThirdPartyFile.Load(Path.Combine(root, ThirdPartiesPath));
        yield return new GeneratedFile("src/PrivacyByDesign.Analyzers/Sharing/ThirdPartyData.g.cs", thirdParties.AnalyzerTable());
        yield return new GeneratedFile("docs/third-parties.md", thirdParties.Markdown());
        yield return new GeneratedFile("src/PrivacyByDesign/build/PrivacyByDesign.ViolationsAsErrors.globalconfig", RuleCatalog.ViolationsAsErrorsGlobalConfig());
    }
}
