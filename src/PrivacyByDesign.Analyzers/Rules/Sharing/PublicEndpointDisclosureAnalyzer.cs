using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Collection;
using PrivacyByDesign.Analyzers.Flow;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rules.Sharing
{
    /// <summary>
    /// PBD5004: an endpoint open to anonymous callers (<c>[AllowAnonymous]</c>, <c>.AllowAnonymous()</c>) returns personal
    /// information, which publishes it (PIPL Art. 25), and nothing declares that with <c>[PublicDisclosure]</c>.
    /// </summary>
    public sealed class PublicEndpointDisclosureAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] ResultFactories = { "ControllerBase", "Controller", "PageModel", "Results", "TypedResults" };

        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.UndeclaredPublicDisclosure,
            title: "Anonymous endpoint returns personal information without a public-disclosure declaration",
            messageFormat: "Anonymous endpoint '{0}' returns personal information {1}; require authorization or declare [PublicDisclosure]",
            category: RuleCategories.Sharing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Whatever an anonymous endpoint returns is public. Require authorization, return less, or declare the disclosure (and obtain separate consent).",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UndeclaredPublicDisclosure));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                if (CollectionPoints.For(start.Compilation, start.Options, start.CancellationToken) is not { } points)
                {
                    return;
                }

                var state = new State(
                    points,
                    PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken),
                    new KnownType(start.Compilation, "Microsoft.AspNetCore.Authorization.IAllowAnonymous"),
                    PrivacySymbols.Find(start.Compilation, "PrivacyByDesign.PublicDisclosureAttribute"));
                start.RegisterOperationAction(state.AnalyzeActionReturn, OperationKind.Return);
                start.RegisterOperationAction(state.AnalyzeMinimalApi, OperationKind.Invocation);
            });
        }

        private sealed class State
        {
            private readonly CollectionPoints _points;
            private readonly PersonalDataFlow _flow;
            /// <summary>Without it (no ASP.NET Core authorization) no endpoint is anonymous.</summary>
            private readonly KnownType _allowAnonymous;
            private readonly INamedTypeSymbol? _publicDisclosure;
            private readonly ConcurrentDictionary<IMethodSymbol, bool> _anonymousActions = new(SymbolEqualityComparer.Default);

            public State(CollectionPoints points, PersonalDataFlow flow, KnownType allowAnonymous, INamedTypeSymbol? publicDisclosure)
            {
                _points = points;
                _flow = flow;
                _allowAnonymous = allowAnonymous;
                _publicDisclosure = publicDisclosure;
            }

            public void AnalyzeActionReturn(OperationAnalysisContext context)
            {
                if (context.ContainingSymbol is not IMethodSymbol method || context.Operation is not IReturnOperation { ReturnedValue: { } value }
                    || IsInsideLambda(context.Operation) || !_anonymousActions.GetOrAdd(method, IsAnonymousAction))
                {
                    return;
                }

                Check(context, value, method.Name);
            }

            public void AnalyzeMinimalApi(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (_points.FromMapInvocation(invocation) is not { } point || point.Handler.MethodKind != MethodKind.AnonymousFunction
                    || _allowAnonymous.Symbol == null || !(ChainAllowsAnonymous(invocation) || GroupAllowsAnonymous(invocation) || MarksAnonymous(point.Handler)) || Declared(point.Handler))
                {
                    return;
                }

                // The lambda the collection-point model already identified as the handler.
                var lambda = invocation.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()).OfType<IAnonymousFunctionOperation>()
                    .FirstOrDefault(l => SymbolEqualityComparer.Default.Equals(l.Symbol, point.Handler));
                foreach (var returned in lambda?.Body.Descendants().OfType<IReturnOperation>() ?? Enumerable.Empty<IReturnOperation>())
                {
                    if (returned.ReturnedValue is { } value)
                    {
                        Check(context, value, point.DisplayName);
                    }
                }
            }

            private void Check(OperationAnalysisContext context, IOperation value, string endpoint)
            {
                foreach (var payload in Payloads(value))
                {
                    if (_flow.Find(payload, Rendering.Structured, context.CancellationToken) is { } evidence && !Declared(evidence.Symbol))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), endpoint, evidence.Describe()));
                        return;
                    }
                }
            }

            /// <summary>What a returned value serialises: the argument of <c>Ok(x)</c>, <c>Results.Json(x)</c>, <c>new OkObjectResult(x)</c>, or the value itself.</summary>
            private static IEnumerable<IOperation> Payloads(IOperation value)
            {
                value = Unwrap(value);
                if (value is IInvocationOperation call && System.Array.IndexOf(ResultFactories, call.TargetMethod.ContainingType?.Name) >= 0)
                {
                    return call.Arguments.Select(a => a.Value);
                }

                if (value is IObjectCreationOperation creation && creation.Type?.Name.EndsWith("Result", System.StringComparison.Ordinal) == true)
                {
                    return creation.Arguments.Select(a => a.Value);
                }

                return new[] { value };
            }

            private bool IsAnonymousAction(IMethodSymbol method)
            {
                if (_points.FromMethod(method) == null || Declared(method) || (method.ContainingType != null && Declared(method.ContainingType)))
                {
                    return false;
                }

                // [AllowAnonymous] wins over every [Authorize] in ASP.NET Core, the action's own included.
                return MarksAnonymous(method) || MarksAnonymous(method.ContainingType);
            }

            private bool MarksAnonymous(ISymbol? symbol) => symbol != null && symbol.GetAttributes().Any(a => _allowAnonymous.IsOrIsImplementedBy(a.AttributeClass));

            private bool Declared(ISymbol symbol) => HasAttribute(symbol, _publicDisclosure);

            /// <summary><c>app.MapGet(...).AllowAnonymous()</c>, possibly after other conventions.</summary>
            private static bool ChainAllowsAnonymous(IInvocationOperation map)
            {
                for (var parent = map.Parent; parent is IArgumentOperation or IInvocationOperation or IConversionOperation; parent = parent.Parent)
                {
                    if (parent is IInvocationOperation { TargetMethod.Name: "AllowAnonymous" })
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The endpoint is mapped on a route group opened to anonymous callers — <c>app.MapGroup("/p").AllowAnonymous()</c>,
            /// chained, through locals, or nested in such a group. ASP.NET Core lets <c>[AllowAnonymous]</c> metadata win over
            /// any authorization requirement, so the endpoint is anonymous whatever it adds itself.
            /// </summary>
            private static bool GroupAllowsAnonymous(IInvocationOperation map)
                => ReceiverOf(map) is { } builder && BuilderAllowsAnonymous(builder, depth: 0);

            private static bool BuilderAllowsAnonymous(IOperation builder, int depth)
            {
                const int MaxDepth = 8;
                if (depth > MaxDepth)
                {
                    return false;
                }

                switch (Unwrap(builder))
                {
                    case IInvocationOperation { TargetMethod.Name: "AllowAnonymous" }:
                        return true;
                    case IInvocationOperation call:
                        // A nested group, or another convention: the builder it was called on decides.
                        return ReceiverOf(call) is { } receiver && BuilderAllowsAnonymous(receiver, depth + 1);
                    case ILocalReferenceOperation local:
                        return LocalSources.Of(local, local.Local).Any(source => BuilderAllowsAnonymous(source, depth + 1))
                            || LocalSources.BodyOf(local).Descendants().OfType<IInvocationOperation>().Any(call => IsAllowAnonymousOn(call, local.Local));
                    default:
                        return false;
                }
            }

            /// <summary><c>group.AllowAnonymous();</c> as a statement of its own.</summary>
            private static bool IsAllowAnonymousOn(IInvocationOperation call, ILocalSymbol group)
                => call.TargetMethod.Name == "AllowAnonymous"
                   && ReceiverOf(call) is { } receiver && Unwrap(receiver) is ILocalReferenceOperation local
                   && SymbolEqualityComparer.Default.Equals(local.Local, group);

            /// <summary>What a call is made on: its instance, or the first argument of an extension method such as <c>MapGroup</c>.</summary>
            private static IOperation? ReceiverOf(IInvocationOperation call)
                => call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

            private static bool IsInsideLambda(IOperation operation)
            {
                for (var parent = operation.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The value under conversions and <c>await</c>.</summary>
            private static IOperation Unwrap(IOperation operation)
            {
                while (true)
                {
                    switch (operation)
                    {
                        case IConversionOperation conversion:
                            operation = conversion.Operand;
                            break;
                        case IAwaitOperation awaited:
                            operation = awaited.Operation;
                            break;
                        default:
                            return operation;
                    }
                }
            }
        }
    }
}
