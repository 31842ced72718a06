using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3002: <c>[Purpose("id")]</c> or <c>Recipient.Purposes</c> names a purpose no <c>[assembly: ProcessingPurpose]</c> declares. The purpose's
    /// legal basis, necessary categories and retention then come from nowhere, and the privacy policy cannot list it.
    /// </summary>
    public sealed class UndeclaredPurposeAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.UndeclaredPurpose,
            title: "Purpose is used but not declared",
            messageFormat: "Purpose '{0}' is not declared by any [assembly: ProcessingPurpose]",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Declare the purpose once per assembly with [assembly: ProcessingPurpose(\"id\", description, legalBasis)], or correct the id.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UndeclaredPurpose));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var declarations = PurposeDeclarations.For(start.Compilation, start.Options);
                if (!declarations.HasAnnotations)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(c =>
                {
                    var attribute = (AttributeSyntax)c.Node;
                    string name = attribute.Name.ToString();
                    if (!name.Contains("Purpose") && !name.Contains("Recipient"))
                    {
                        return;
                    }

                    // [Purpose("id")], and the purposes a recipient receives data for.
                    var type = AttributeArguments.TypeOf(attribute, c.SemanticModel, c.CancellationToken);
                    string? argument;
                    if (SymbolEqualityComparer.Default.Equals(type, declarations.Purpose))
                    {
                        argument = null;
                    }
                    else if (SymbolEqualityComparer.Default.Equals(type, declarations.Recipient))
                    {
                        argument = "Purposes";
                    }
                    else
                    {
                        return;
                    }

                    foreach (var (id, expression) in AttributeArguments.Strings(attribute, c.SemanticModel, argument, c.CancellationToken))
                    {
                        if (!declarations.Purposes.ContainsKey(id))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(), id));
                        }
                    }
                }, SyntaxKind.Attribute);
            });
        }
    }
}
