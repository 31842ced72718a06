using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyByDesign.Analyzers;

namespace PrivacyByDesign.CodeFixes.Collection
{
    /// <summary>
    /// PBD3009 fix: the consent flag starts unticked. Property and field initialisers are removed (false is the
    /// default); a parameter default becomes <c>false</c>, since optional parameters must keep a default.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UntickConsentCodeFixProvider)), Shared]
    public sealed class UntickConsentCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.PreTickedConsent);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value
                    && value.Parent is EqualsValueClauseSyntax initializer)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Start the consent flag unticked", ct => UntickAsync(context.Document, initializer, ct), nameof(UntickConsentCodeFixProvider)),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> UntickAsync(Document document, EqualsValueClauseSyntax initializer, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            SyntaxNode newRoot;
            switch (initializer.Parent)
            {
                case PropertyDeclarationSyntax property:
                    var accessors = property.AccessorList!;
                    newRoot = root.ReplaceNode(property, property
                        .WithInitializer(null)
                        .WithSemicolonToken(default)
                        .WithAccessorList(accessors.WithCloseBraceToken(accessors.CloseBraceToken.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia))));
                    break;
                case VariableDeclaratorSyntax variable:
                    newRoot = root.ReplaceNode(variable, variable.WithInitializer(null).WithIdentifier(variable.Identifier.WithTrailingTrivia()));
                    break;
                default:
                    newRoot = root.ReplaceNode(initializer.Value, SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(initializer.Value));
                    break;
            }

            return document.WithSyntaxRoot(newRoot);
        }
    }
}
