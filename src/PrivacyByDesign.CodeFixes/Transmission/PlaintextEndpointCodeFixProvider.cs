using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyByDesign.Analyzers;
using PrivacyByDesign.Analyzers.Rules.Transmission;

namespace PrivacyByDesign.CodeFixes.Transmission
{
    /// <summary>
    /// PBD2001/PBD2002 fix: rewrite the literal that holds the scheme from <c>http://</c> to <c>https://</c> (or
    /// <c>ws://</c> to <c>wss://</c>). Offered only when that literal is in the same document; ftp and amqp are left
    /// to the developer because their secure variants need server-side changes.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlaintextEndpointCodeFixProvider)), Shared]
    public sealed class PlaintextEndpointCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.PlaintextEndpoint, RuleIdentifiers.PersonalInfoOverPlaintext);

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
                if (!diagnostic.Properties.TryGetValue(PlaintextEndpointAnalyzer.SchemeProperty, out string? scheme) || scheme is not ("http" or "ws")
                    || !diagnostic.Properties.TryGetValue(PlaintextEndpointAnalyzer.SchemeLiteralStartProperty, out string? startText)
                    || !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out int start) || start >= root.FullSpan.End)
                {
                    continue;
                }

                var token = root.FindToken(start);
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    continue;
                }

                string secure = scheme == "ws" ? "wss" : "https";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {secure}://",
                        ct => ReplaceSchemeAsync(context.Document, root, token, scheme, secure, ct),
                        equivalenceKey: "UseSecureScheme"),
                    diagnostic);
            }
        }

        private static Task<Document> ReplaceSchemeAsync(Document document, SyntaxNode root, SyntaxToken token, string scheme, string secure, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string text = token.Text;
            int index = text.IndexOf(scheme + "://", StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return Task.FromResult(document);
            }

            string newText = text.Substring(0, index) + secure + text.Substring(index + scheme.Length);
            string newValue = token.ValueText;
            int valueIndex = token.ValueText.IndexOf(scheme + "://", StringComparison.OrdinalIgnoreCase);
            if (valueIndex >= 0)
            {
                newValue = token.ValueText.Substring(0, valueIndex) + secure + token.ValueText.Substring(valueIndex + scheme.Length);
            }

            var newToken = SyntaxFactory.Token(token.LeadingTrivia, token.Kind(), newText, newValue, token.TrailingTrivia);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceToken(token, newToken)));
        }
    }
}
