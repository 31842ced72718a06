using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2004: SSL 2/3, TLS 1.0 or TLS 1.1 is selected. These protocols have practical attacks and are disabled by
    /// current platforms, so a channel that allows them is not a secure protocol in the sense of the exchange rules.
    /// Comparisons and masks that remove the protocol (<c>&amp;= ~Tls11</c>) are not a choice to use it.
    /// </summary>
    public sealed class ObsoleteTlsProtocolAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.ObsoleteTlsProtocol,
            title: "Obsolete SSL/TLS protocol version is enabled",
            messageFormat: "{0}.{1} enables an obsolete protocol; use TLS 1.2 or later, or let the operating system choose",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "SSL 2.0/3.0 and TLS 1.0/1.1 are broken or deprecated (RFC 8996). Use SslProtocols.None (system default), Tls12 or Tls13.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ObsoleteTlsProtocol));

        private static readonly string[] Obsolete = { "Ssl2", "Ssl3", "Tls", "Tls11" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                // Resolved only when a field of an obsolete protocol's name is read: without them nothing matches.
                var sslProtocols = new KnownType(start.Compilation, "System.Security.Authentication.SslProtocols");
                var securityProtocol = new KnownType(start.Compilation, "System.Net.SecurityProtocolType");
                start.RegisterOperationAction(c => Analyze(c, sslProtocols, securityProtocol), OperationKind.FieldReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, KnownType sslProtocols, KnownType securityProtocol)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            var field = reference.Field;
            if (System.Array.IndexOf(Obsolete, field.Name) < 0
                || !(sslProtocols.Is(field.ContainingType) || securityProtocol.Is(field.ContainingType))
                || IsCheckOrRemoval(reference))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), field.ContainingType.Name, field.Name));
        }

        /// <summary>Comparisons, patterns, switch labels and bitwise complements read the value without enabling it.</summary>
        private static bool IsCheckOrRemoval(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation }:
                    case IPatternOperation:
                    case ICaseClauseOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    case IInvocationOperation { TargetMethod.Name: "HasFlag" }:
                        return true;
                    case IBinaryOperation:
                    case IConversionOperation:
                    case IArgumentOperation:
                    case IParenthesizedOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
