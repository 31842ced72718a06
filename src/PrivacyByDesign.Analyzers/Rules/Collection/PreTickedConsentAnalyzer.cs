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
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
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
                start.RegisterSyntaxNodeAction(c => Analyze(c, declarations, ((VariableDeclaratorSyntax)c.Node).Initializer), SyntaxKind.VariableDeclarator);
                start.RegisterSyntaxNodeAction(c => Analyze(c, declarations, ((ParameterSyntax)c.Node).Default), SyntaxKind.Parameter);
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, PurposeDeclarations declarations, EqualsValueClauseSyntax? initializer)
        {
            if (initializer == null || context.SemanticModel.GetConstantValue(initializer.Value, context.CancellationToken) is not { HasValue: true, Value: true })
            {
                return;
            }

            var symbol = context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken);
            if (symbol == null || symbol is ILocalSymbol)
            {
                return;
            }

            // Only a record's or class's primary-constructor parameter is a model member; method parameters are not.
            if (symbol is IParameterSymbol parameter && (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
                || context.Node.Parent?.Parent is not TypeDeclarationSyntax))
            {
                return;
            }

            if (ConsentFlags.ConsentAttribute(symbol, declarations) != null || ConsentFlags.LooksLikeConsentFlag(symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, initializer.Value.GetLocation(), symbol.Name));
            }
        }
    }
}
