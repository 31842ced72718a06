using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Flow;

namespace PrivacyByDesign.Analyzers.Rules.Exposure
{
    /// <summary>
    /// PBD1003: a ToString override returns personal information. ToString is what every logger, debugger, exception
    /// message and string interpolation calls, so personal information in it leaks wherever the object goes.
    /// </summary>
    public sealed class ToStringExposesPersonalInfoAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.ToStringExposesPersonalInfo,
            title: "ToString returns personal information",
            messageFormat: "ToString of '{0}' returns personal information {1}",
            category: RuleCategories.Exposure,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Return an identifier that is not personal information, or mask the value with PiMask.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ToStringExposesPersonalInfo));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var flow = PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(c => Analyze(c, flow), OperationKind.Return);
            });
        }

        private static void Analyze(OperationAnalysisContext context, PersonalDataFlow flow)
        {
            if (context.ContainingSymbol is not IMethodSymbol { Name: "ToString", IsOverride: true, Parameters.IsEmpty: true } method
                || context.Operation is not IReturnOperation { ReturnedValue: { } value })
            {
                return;
            }

            foreach (var part in PersonalDataFlow.Parts(value))
            {
                if (flow.Find(part, Rendering.Text, context.CancellationToken) is not { } evidence)
                {
                    continue;
                }

                var location = part.Syntax.Span.Contains(evidence.Syntax.Span) ? evidence.Syntax.GetLocation() : part.Syntax.GetLocation();
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add("CategoryId", evidence.Classification.CategoryId)
                    .Add(MaskingHelpers.PropertyName, evidence.Via == null && location.SourceSpan == evidence.Syntax.Span ? MaskingHelpers.For(evidence.Classification.CategoryId) : null);
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, method.ContainingType.Name, evidence.Describe()));
            }
        }
    }
}
