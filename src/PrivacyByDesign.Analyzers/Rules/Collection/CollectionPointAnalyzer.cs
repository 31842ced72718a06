using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// Runs the collection-point rules (PBD3001, PBD3004, PBD3006, PBD3007, PBD3008) over every controller action, Razor
    /// Pages handler, minimal API handler, gRPC and SignalR hub method. Each rule lives in its own file; this only finds the
    /// points once and hands every bound input to them.
    /// </summary>
    public sealed class CollectionPointAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            CollectedWithoutPurposeRule.Descriptor,
            BeyondNecessaryRule.Descriptor,
            SensitiveWithoutSeparateConsentRule.Descriptor,
            ChildWithoutGuardianConsentRule.Descriptor,
            BiometricWithoutConsentRule.Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var points = CollectionPoints.For(start.Compilation, start.Options, start.CancellationToken);
                var declarations = PurposeDeclarations.For(start.Compilation, start.Options);
                if (points == null || !declarations.HasAnnotations)
                {
                    return;
                }

                // A bound Razor Pages property or a method group mapped twice is one finding, not one per handler or route.
                var reported = new ConcurrentDictionary<(string Id, SyntaxTree? Tree, Microsoft.CodeAnalysis.Text.TextSpan Span, string Message), bool>();
                start.RegisterSymbolAction(c =>
                {
                    if (points.FromMethod((IMethodSymbol)c.Symbol) is { } point)
                    {
                        Check(point, declarations, c.ReportDiagnostic, reported);
                    }
                }, SymbolKind.Method);

                // Registered whether or not minimal APIs are referenced: asking would load their namespace in every
                // project, and a call that is not a Map* method is passed over by name first.
                start.RegisterOperationAction(c =>
                {
                    if (points.FromMapInvocation((IInvocationOperation)c.Operation) is { } point)
                    {
                        Check(point, declarations, c.ReportDiagnostic, reported);
                    }
                }, OperationKind.Invocation);
            });
        }

        private static void Check(CollectionPoint point, PurposeDeclarations declarations, System.Action<Diagnostic> report, ConcurrentDictionary<(string Id, SyntaxTree? Tree, Microsoft.CodeAnalysis.Text.TextSpan Span, string Message), bool> reported)
        {
            void Once(Diagnostic diagnostic)
            {
                if (reported.TryAdd((diagnostic.Id, diagnostic.Location.SourceTree, diagnostic.Location.SourceSpan, diagnostic.GetMessage()), true))
                {
                    report(diagnostic);
                }
            }

            foreach (var input in point.Inputs)
            {
                if (input.Items.IsEmpty || !input.Location.IsInSource)
                {
                    continue;
                }

                var check = new CollectionCheck(point, input, declarations, Once);
                if (check.Items.IsEmpty)
                {
                    continue;
                }

                CollectedWithoutPurposeRule.Check(check);
                BeyondNecessaryRule.Check(check);
                SensitiveWithoutSeparateConsentRule.Check(check);
                ChildWithoutGuardianConsentRule.Check(check);
                BiometricWithoutConsentRule.Check(check);
            }
        }
    }

    /// <summary>One bound input of one collection point, with the declarations that apply to each personal value in it.</summary>
    internal sealed class CollectionCheck
    {
        private readonly System.Action<Diagnostic> _report;

        public CollectionCheck(CollectionPoint point, CollectedInput input, PurposeDeclarations declarations, System.Action<Diagnostic> report)
        {
            Point = point;
            Input = input;
            Declarations = declarations;
            _report = report;
            // [LocalOnly] data never leaves the device, so the processor does not collect it.
            Items = input.Items.Where(i => !declarations.IsLocalOnly(i.Member)).ToImmutableArray();
        }

        public CollectionPoint Point { get; }

        public CollectedInput Input { get; }

        public PurposeDeclarations Declarations { get; }

        public ImmutableArray<CollectedItem> Items { get; }

        /// <summary>Where a declaration may sit for a value, nearest first: the member, its models, the input, the handler, the controller.</summary>
        public IEnumerable<ISymbol> ChainOf(CollectedItem item)
        {
            if (!SymbolEqualityComparer.Default.Equals(item.Member, Input.Symbol))
            {
                yield return item.Member;
            }

            foreach (var model in item.Models)
            {
                yield return model;
            }

            yield return Input.Symbol;
            yield return Point.Handler;
            if (Point.Owner != null)
            {
                yield return Point.Owner;
            }
        }

        /// <summary>The handler ("UsersController.Create"), or the page for a Razor Pages bound property that every handler shares.</summary>
        public string Where => Input.Symbol is IPropertySymbol && Point.Owner != null ? Point.Owner.Name : Point.DisplayName;

        public string Describe(CollectedItem item) => item.DisplayPath(Input.Symbol) + " (" + (item.Classification.CategoryId ?? "personal information") + ")";

        public string Describe(IEnumerable<CollectedItem> items) => string.Join(", ", items.Select(Describe));

        public void Report(DiagnosticDescriptor descriptor, params object[] arguments)
            => _report(Diagnostic.Create(descriptor, Input.Location, arguments));
    }
}
