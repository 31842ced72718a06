using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.Analyzers.Rules.Exposure;

namespace PrivacyByDesign.CodeFixes.Exposure
{
    /// <summary>
    /// PBD1001/PBD1002/PBD1003 fixes: mask the value with the <c>PiMask</c> helper for its category (JR/T 0171 Annex A),
    /// or, inside an interpolated string, drop the hole. Credentials, card verification data and biometrics get no
    /// masking fix: they must not be shown at all.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaskPersonalInfoCodeFixProvider)), Shared]
    public sealed class MaskPersonalInfoCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
            RuleIdentifiers.PersonalInfoExposed, RuleIdentifiers.SensitivePersonalInfoExposed, RuleIdentifiers.ToStringExposesPersonalInfo);

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                {
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(MaskingHelpers.PropertyName, out string? helper) && helper != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Mask with PiMask.{helper}", ct => MaskAsync(context.Document, expression, helper, ct), "Mask:" + helper),
                        diagnostic);
                }

                if (expression.Parent is InterpolationSyntax hole)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the value from the message", ct => RemoveHoleAsync(context.Document, hole, ct), "RemoveHole"),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> MaskAsync(Document document, ExpressionSyntax expression, string helper, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            // PiMask takes strings; numbers stored as numbers (a long phone number) are formatted first.
            ExpressionSyntax value = expression.WithoutTrivia();
            if (model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType != SpecialType.System_String)
            {
                value = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParenthesizedExpression(value), SyntaxFactory.IdentifierName("ToString")));
            }

            var masked = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("PiMask"), SyntaxFactory.IdentifierName(helper)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))))
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(PrivacyUsing.Ensure(root.ReplaceNode(expression, masked), expression));
        }

        private static async Task<Document> RemoveHoleAsync(Document document, InterpolationSyntax hole, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newRoot = root?.RemoveNode(hole, SyntaxRemoveOptions.KeepNoTrivia);
            return newRoot == null ? document : document.WithSyntaxRoot(newRoot);
        }
    }
}
