using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3003: a declared processing purpose that no code, data, consent, withdrawal path or recipient refers to. The
    /// privacy policy generated from the declarations would promise processing the application does not do — or the
    /// code that does it is not annotated.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnusedPurposeAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.UnusedPurpose,
            title: "Declared purpose is never used",
            messageFormat: "Purpose '{0}' is declared but nothing refers to it",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Mark the code and data that serve the purpose with [Purpose(\"id\")], or remove the declaration.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnusedPurpose),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var declarations = PurposeDeclarations.For(start.Compilation, start.Options);
                if (!declarations.HasAnnotations || declarations.Purposes.Count == 0)
                {
                    return;
                }

                var used = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
                start.RegisterSyntaxNodeAction(c =>
                {
                    var attribute = (AttributeSyntax)c.Node;
                    string name = attribute.Name.ToString();
                    if (!(name.Contains("Purpose") || name.Contains("Consent") || name.Contains("Recipient")))
                    {
                        return;
                    }

                    var type = AttributeArguments.TypeOf(attribute, c.SemanticModel, c.CancellationToken);
                    string? named;
                    if (Is(type, declarations.Purpose) || Is(type, declarations.Consent) || Is(type, declarations.ConsentWithdrawal))
                    {
                        named = null;
                    }
                    else if (Is(type, declarations.Recipient))
                    {
                        named = "Purposes";
                    }
                    else
                    {
                        return;
                    }

                    foreach (var (id, _) in AttributeArguments.Strings(attribute, c.SemanticModel, named, c.CancellationToken))
                    {
                        used.TryAdd(id, true);
                    }
                }, SyntaxKind.Attribute);

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var purpose in declarations.Purposes.Values)
                    {
                        if (!used.ContainsKey(purpose.Id))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Rule, purpose.Location, purpose.Id));
                        }
                    }
                });
            });
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
