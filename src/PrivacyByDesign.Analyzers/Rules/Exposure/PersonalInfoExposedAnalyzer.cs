using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Flow;
using PrivacyByDesign.Analyzers.Taxonomy;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rules.Exposure
{
    /// <summary>
    /// PBD1001/PBD1002: personal information reaches a log, the console, debug/trace output, telemetry or an exception
    /// message. Logs are kept for at least six months (CSL Art. 21) and read by people and tools that have no purpose
    /// for the data, so what is logged outlives every declared purpose.
    /// </summary>
    public sealed class PersonalInfoExposedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor PersonalRule = new(
            RuleIdentifiers.PersonalInfoExposed,
            title: "Personal information is exposed in logs, console, exceptions or telemetry",
            messageFormat: "Personal information {0} reaches {1}",
            category: RuleCategories.Exposure,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Mask the value (PiMask), log an identifier that is not personal information, or mark the member [NotPersonalInfo] if it is not personal information.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PersonalInfoExposed));

        internal static readonly DiagnosticDescriptor SensitiveRule = new(
            RuleIdentifiers.SensitivePersonalInfoExposed,
            title: "Sensitive personal information or C3 financial data is exposed in logs, console, exceptions or telemetry",
            messageFormat: "Sensitive personal information {0} reaches {1}",
            category: RuleCategories.Exposure,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Sensitive personal information (PIPL Art. 28) and JR/T 0171 C3 data (passwords, card verification data, biometrics) must never be written to logs or other output; remove it or mask it.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitivePersonalInfoExposed));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PersonalRule, SensitiveRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = new ExposureSinks(start.Compilation);
                var exception = PrivacySymbols.Find(start.Compilation, "System.Exception");
                var flow = PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken);

                start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, flow), OperationKind.Invocation);
                if (exception != null)
                {
                    start.RegisterOperationAction(c => AnalyzeException(c, exception, flow), OperationKind.ObjectCreation);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ExposureSinks sinks, PersonalDataFlow flow)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var values = new List<SinkValue>();
            string? sink = sinks.Match(invocation, values);
            if (sink == null)
            {
                return;
            }

            foreach (var value in values)
            {
                foreach (var part in PersonalDataFlow.Parts(value.Value))
                {
                    if (flow.Find(part, value.Rendering, context.CancellationToken) is { } evidence)
                    {
                        Report(context, part, evidence, sink);
                    }
                }
            }
        }

        private static void AnalyzeException(OperationAnalysisContext context, INamedTypeSymbol exception, PersonalDataFlow flow)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!IsOrDerivesFrom(creation.Type, exception))
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                // Inner exceptions are reported where they are created.
                if (IsOrDerivesFrom(argument.Parameter?.Type, exception))
                {
                    continue;
                }

                foreach (var part in PersonalDataFlow.Parts(argument.Value))
                {
                    if (flow.Find(part, Rendering.Text, context.CancellationToken) is { } evidence)
                    {
                        Report(context, part, evidence, "an exception message (" + creation.Type!.Name + ")");
                    }
                }
            }
        }

        private static void Report(OperationAnalysisContext context, IOperation value, PiEvidence evidence, string sink)
        {
            var classification = evidence.Classification;
            bool severe = !classification.IsInferred && (classification.IsSensitive || classification.FinancialLevel == FinancialLevel.C3);

            // Point at the personal value itself when it is written inside the argument (e.g. one hole of an interpolation).
            var location = value.Syntax.Span.Contains(evidence.Syntax.Span) ? evidence.Syntax.GetLocation() : value.Syntax.GetLocation();
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add("CategoryId", classification.CategoryId)
                .Add(MaskingHelpers.PropertyName, evidence.Via == null && location.SourceSpan == evidence.Syntax.Span ? MaskingHelpers.For(classification.CategoryId) : null);
            context.ReportDiagnostic(Diagnostic.Create(severe ? SensitiveRule : PersonalRule, location, properties, evidence.Describe(), sink));
        }
    }
}
