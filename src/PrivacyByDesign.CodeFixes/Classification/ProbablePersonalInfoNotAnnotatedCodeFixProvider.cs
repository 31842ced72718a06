using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.Analyzers.Rules;

namespace PrivacyByDesign.CodeFixes.Classification
{
    /// <summary>
    /// PBD0001 fixes: declare the inferred category (<c>[PersonalInfo(PiCategory.X)]</c>, or
    /// <c>[SensitivePersonalInfo(PiCategory.X)]</c> for a sensitive category), or record a false positive with
    /// <c>[NotPersonalInfo]</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProbablePersonalInfoNotAnnotatedCodeFixProvider)), Shared]
    public sealed class ProbablePersonalInfoNotAnnotatedCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ProbablePersonalInfoNotAnnotated);

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
                var target = FindAnnotatable(root.FindToken(diagnostic.Location.SourceSpan.Start).Parent);
                if (target == null || !diagnostic.Properties.TryGetValue(ProbablePersonalInfoNotAnnotatedAnalyzer.CategoryIdProperty, out string? categoryId) || categoryId == null)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(ProbablePersonalInfoNotAnnotatedAnalyzer.ConstantNameProperty, out string? constant);
                bool sensitive = diagnostic.Properties.TryGetValue(ProbablePersonalInfoNotAnnotatedAnalyzer.SensitiveProperty, out string? s) && s == "true";
                string attributeName = sensitive ? "SensitivePersonalInfo" : "PersonalInfo";
                string display = string.IsNullOrEmpty(constant) ? $"\"{categoryId}\"" : "PiCategory." + constant;

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Mark as [{attributeName}({display})]",
                        ct => AddAttributeAsync(context.Document, target, attributeName, CategoryArgument(categoryId, constant), ct),
                        equivalenceKey: attributeName),
                    diagnostic);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Mark as [NotPersonalInfo]",
                        ct => AddAttributeAsync(context.Document, target, "NotPersonalInfo", null, ct),
                        equivalenceKey: "NotPersonalInfo"),
                    diagnostic);
            }
        }

        private static SyntaxNode? FindAnnotatable(SyntaxNode? node)
        {
            for (; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case PropertyDeclarationSyntax:
                    case FieldDeclarationSyntax:
                    case ParameterSyntax:
                        return node;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        private static ExpressionSyntax CategoryArgument(string categoryId, string? constant)
            => string.IsNullOrEmpty(constant)
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(categoryId))
                : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("PiCategory"), SyntaxFactory.IdentifierName(constant!));

        private static async Task<Document> AddAttributeAsync(Document document, SyntaxNode target, string name, ExpressionSyntax? argument, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(name));
            if (argument != null)
            {
                attribute = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(argument))));
            }

            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
            SyntaxNode annotated = target switch
            {
                PropertyDeclarationSyntax p => p.WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)).WithLeadingTrivia(p.GetLeadingTrivia()),
                FieldDeclarationSyntax f => f.WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)).WithLeadingTrivia(f.GetLeadingTrivia()),
                ParameterSyntax p => p.WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.Space)).WithLeadingTrivia(p.GetLeadingTrivia()),
                _ => target,
            };

            var newRoot = root.ReplaceNode(target, annotated.WithAdditionalAnnotations(Formatter.Annotation));
            return document.WithSyntaxRoot(PrivacyUsing.Ensure(newRoot, target));
        }
    }
}
