using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3005: an essential purpose (one the basic service cannot run without) lists a category that the regulators'
    /// necessary-information rules do not count as necessary for the declared app type. Such information may only be
    /// collected for an optional purpose that a person can refuse and still use the basic function.
    /// </summary>
    public sealed class EssentialPurposeBeyondAppTypeAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.EssentialPurposeBeyondAppType,
            title: "Essential purpose needs more than the app type's necessary information",
            messageFormat: "'{0}' is not necessary information for a {1} app ({2}); purpose '{3}' is essential, so it must not require it",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Move the category to a purpose declared with Essential = false (collected only when the person agrees, and the basic function works without it), or remove it.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.EssentialPurposeBeyondAppType));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var declarations = PurposeDeclarations.For(start.Compilation, start.Options);
                var preset = declarations.AppTypePreset;
                if (!declarations.HasAnnotations || preset == null)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(c =>
                {
                    var attribute = (AttributeSyntax)c.Node;
                    if (!attribute.Name.ToString().Contains("ProcessingPurpose")
                        || !SymbolEqualityComparer.Default.Equals(AttributeArguments.TypeOf(attribute, c.SemanticModel, c.CancellationToken), declarations.ProcessingPurpose))
                    {
                        return;
                    }

                    string? id = null;
                    foreach (var (value, _) in AttributeArguments.Strings(attribute, c.SemanticModel, null, c.CancellationToken))
                    {
                        id = value;
                        break;
                    }

                    if (id == null || !declarations.Purposes.TryGetValue(id, out var purpose) || !purpose.Essential)
                    {
                        return;
                    }

                    foreach (var (category, expression) in AttributeArguments.Strings(attribute, c.SemanticModel, "NecessaryCategories", c.CancellationToken))
                    {
                        if (!preset.Necessary.Contains(category))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(), category, preset.NameEn.ToLowerInvariant(), preset.NameZh, id));
                        }
                    }
                }, SyntaxKind.Attribute);
            });
        }
    }
}
