using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3009: a consent flag that starts out <c>true</c> — a pre-ticked box. Consent must be an explicit, voluntary act
    /// (PIPL Art. 14); silence or a default is not consent.
    /// </summary>
    public sealed class PreTickedConsentAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.PreTickedConsent,
            title: "Consent flag defaults to true",
            messageFormat: "Consent flag '{0}' defaults to true: consent must be given by the person, not pre-ticked",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Remove the initializer so the flag starts false and only the person's own action sets it.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PreTickedConsent));

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

                start.RegisterSyntaxNodeAction(c => Analyze(c, declarations, ((PropertyDeclarationSyntax)c.Node).Initializer), SyntaxKind.PropertyDeclaration);
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (c.Node.Parent?.Parent is FieldDeclarationSyntax)
                        {
                            Analyze(c, declarations, ((VariableDeclaratorSyntax)c.Node).Initializer);
                        }
                    },
                    SyntaxKind.VariableDeclarator);
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        // Only a record's or class's primary-constructor parameter is a model member; method parameters are not.
                        if (c.Node.Parent?.Parent is TypeDeclarationSyntax)
                        {
                            Analyze(c, declarations, ((ParameterSyntax)c.Node).Default);
                        }
                    },
                    SyntaxKind.Parameter);
            });
        }

        /// <summary>
        /// A field, property or primary-constructor parameter whose initial value is the constant <c>true</c>. Locals and
        /// method parameters are left out by syntax and a literal is read without binding: most declarators are locals in
        /// method bodies, and a constant value asked of one binds its initializer a second time.
        /// </summary>
        private static void Analyze(SyntaxNodeAnalysisContext context, PurposeDeclarations declarations, EqualsValueClauseSyntax? initializer)
        {
            if (initializer == null || !StartsTrue(initializer.Value, context))
            {
                return;
            }

            var symbol = context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken);
            if (symbol == null)
            {
                return;
            }

            if (ConsentFlags.ConsentAttribute(symbol, declarations) != null || ConsentFlags.LooksLikeConsentFlag(symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, initializer.Value.GetLocation(), symbol.Name));
            }
        }

        private static bool StartsTrue(ExpressionSyntax value, SyntaxNodeAnalysisContext context) => value switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.TrueLiteralExpression),
            _ => context.SemanticModel.GetConstantValue(value, context.CancellationToken) is { HasValue: true, Value: true },
        };
    }
}
