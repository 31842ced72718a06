using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2003: a TLS certificate callback accepts every certificate. The channel is then encrypted to whoever answers,
    /// including an interceptor, so it is no longer the secure channel the law asks for. Callbacks that really check
    /// (policy errors, pinning) are left alone.
    /// </summary>
    public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.CertificateValidationDisabled,
            title: "TLS certificate validation is disabled",
            messageFormat: "{0} accepts every server certificate, so the channel is not authenticated",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A certificate callback that always returns true (or DangerousAcceptAnyServerCertificateValidator) lets anyone on the path impersonate the server. Validate the certificate or pin it.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CertificateValidationDisabled));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                // Resolved only when a delegate-typed member or parameter is met: without them nothing matches.
                var remoteCallback = new KnownType(start.Compilation, "System.Net.Security.RemoteCertificateValidationCallback");
                var policyErrors = new KnownType(start.Compilation, "System.Net.Security.SslPolicyErrors");
                var handler = new KnownType(start.Compilation, "System.Net.Http.HttpClientHandler");
                start.RegisterOperationAction(c => AnalyzeAssignment(c, remoteCallback, policyErrors, handler), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.EventAssignment);
                start.RegisterOperationAction(c => AnalyzeArgument(c, remoteCallback, policyErrors, handler), OperationKind.Argument);
            });
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, KnownType remoteCallback, KnownType policyErrors, KnownType handler)
        {
            (IOperation? target, IOperation? value) = context.Operation switch
            {
                IAssignmentOperation assignment => (assignment.Target, assignment.Value),
                IEventAssignmentOperation assignment => (assignment.EventReference, assignment.HandlerValue),
                _ => (null, null),
            };
            if (target is IMemberReferenceOperation member && IsValidationCallback(member.Type, remoteCallback, policyErrors) && AcceptsAll(value, handler))
            {
                Report(context, value!, member.Member.ContainingType.Name + "." + member.Member.Name);
            }
        }

        private static void AnalyzeArgument(OperationAnalysisContext context, KnownType remoteCallback, KnownType policyErrors, KnownType handler)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter is { } parameter && IsValidationCallback(parameter.Type, remoteCallback, policyErrors) && AcceptsAll(argument.Value, handler))
            {
                Report(context, argument.Value, "The callback passed as '" + parameter.Name + "'");
            }
        }

        private static void Report(OperationAnalysisContext context, IOperation value, string what)
            => context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), what));

        /// <summary>RemoteCertificateValidationCallback, or any bool-returning delegate that takes SslPolicyErrors (HttpClientHandler's Func).</summary>
        private static bool IsValidationCallback(ITypeSymbol? type, KnownType remoteCallback, KnownType policyErrors)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke } named)
            {
                return false;
            }

            if (remoteCallback.Is(named))
            {
                return true;
            }

            if (invoke.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }

            foreach (var parameter in invoke.Parameters)
            {
                if (policyErrors.Is(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AcceptsAll(IOperation? value, KnownType handler)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return AcceptsAll(conversion.Operand, handler);
                case IDelegateCreationOperation creation:
                    return AcceptsAll(creation.Target, handler);
                case IFieldReferenceOperation or IPropertyReferenceOperation when value is IMemberReferenceOperation member:
                    return member.Member.Name == "DangerousAcceptAnyServerCertificateValidator" && handler.Is(member.Member.ContainingType);
                case IAnonymousFunctionOperation lambda:
                    return AlwaysReturnsTrue(lambda.Body);
                case IMethodReferenceOperation reference:
                    return MethodAlwaysReturnsTrue(reference);
                default:
                    return false;
            }
        }

        private static bool MethodAlwaysReturnsTrue(IMethodReferenceOperation reference)
        {
            var model = reference.SemanticModel;
            foreach (var declaration in reference.Method.DeclaringSyntaxReferences)
            {
                // Only the current file's semantic model is available here; a callback declared elsewhere is not judged.
                if (model == null || declaration.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                if (model.GetOperation(declaration.GetSyntax()) is IMethodBodyBaseOperation body)
                {
                    return AlwaysReturnsTrue((IOperation?)body.BlockBody ?? body.ExpressionBody);
                }

                if (model.GetOperation(declaration.GetSyntax()) is ILocalFunctionOperation local)
                {
                    return AlwaysReturnsTrue(local.Body);
                }
            }

            return false;
        }

        /// <summary>True when the body has at least one return and every return (outside nested lambdas) is the constant true.</summary>
        private static bool AlwaysReturnsTrue(IOperation? body)
        {
            if (body == null)
            {
                return false;
            }

            bool any = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is not IReturnOperation returned || InsideNestedFunction(returned, body))
                {
                    continue;
                }

                if (returned.ReturnedValue?.ConstantValue is not { HasValue: true, Value: true })
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        private static bool InsideNestedFunction(IOperation operation, IOperation body)
        {
            for (var current = operation.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
