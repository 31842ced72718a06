using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyByDesign.Analyzers.Rights
{
    /// <summary>
    /// For a DbContext marked <c>[GenerateDataSubjectRights]</c>, generates per data subject the export and erasure
    /// methods that satisfy PBD6001/PBD6002. Parse → equatable <see cref="ContextRights"/> → emit; no diagnostics.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DataSubjectRightsGenerator : IIncrementalGenerator
    {
        public const string ModelStep = "PrivacyByDesign.Rights.Model";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    "PrivacyByDesign.GenerateDataSubjectRightsAttribute",
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (c, ct) => c.TargetSymbol is INamedTypeSymbol type ? RightsModelBuilder.Build(type, c.SemanticModel.Compilation, ct) : null)
                .WithTrackingName(ModelStep);

            context.RegisterSourceOutput(models, static (spc, model) =>
            {
                if (model != null)
                {
                    spc.AddSource(model.HintName, DataSubjectRightsEmitter.Emit(model));
                }
            });
        }
    }
}
