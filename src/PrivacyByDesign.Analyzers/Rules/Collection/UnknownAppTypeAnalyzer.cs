using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3011: the declared app type is not one of the 38 types of the regulators' necessary-information rules. A
    /// misspelt type silently turns off the app-type checks of PBD3004 and PBD3005, so it is reported.
    /// </summary>
    public sealed class UnknownAppTypeAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.UnknownAppType,
            title: "Unknown app type",
            messageFormat: "App type '{0}' ({1}) is not one of the types of the necessary-information rules{2}",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Use one of the 38 app-type ids listed on the PBD3004 page, or remove the app type.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnknownAppType),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var declarations = PurposeDeclarations.For(start.Compilation, start.Options);
                if (!declarations.HasAnnotations)
                {
                    return;
                }

                // The attribute's value is checked where it is written, even when the MSBuild property overrides it.
                start.RegisterSyntaxNodeAction(c =>
                {
                    var attribute = (AttributeSyntax)c.Node;
                    if (!attribute.Name.ToString().Contains("PersonalInfoProcessor")
                        || !SymbolEqualityComparer.Default.Equals(AttributeArguments.TypeOf(attribute, c.SemanticModel, c.CancellationToken), declarations.PersonalInfoProcessor))
                    {
                        return;
                    }

                    foreach (var (value, expression) in AttributeArguments.Strings(attribute, c.SemanticModel, "AppType", c.CancellationToken))
                    {
                        if (value.Trim().Length > 0 && AppTypePresets.Find(value) == null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(), value, "PersonalInfoProcessor.AppType", Suggestion(value)));
                        }
                    }
                }, SyntaxKind.Attribute);

                if (declarations.AppTypeFromProperty is { } property && AppTypePresets.Find(property) == null)
                {
                    start.RegisterCompilationEndAction(end =>
                        end.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, property, "MSBuild property PrivacyByDesignAppType", Suggestion(property))));
                }
            });
        }

        private static string Suggestion(string value)
        {
            string normalized = value.Trim().Replace('-', '_').ToLowerInvariant();
            var near = AppTypePresets.All.FirstOrDefault(p => p.Id.Contains(normalized) || normalized.Contains(p.Id) || Close(p.Id, normalized));
            return near == null ? "; see docs/rules/PBD3004.md" : $"; did you mean '{near.Id}'?";
        }

        // One edit apart (a dropped, added or changed character) is a typo worth suggesting.
        private static bool Close(string a, string b)
        {
            if (System.Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            int i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            string restA = a.Substring(System.Math.Min(i + 1, a.Length));
            string restB = b.Substring(System.Math.Min(i + 1, b.Length));
            return restA == restB || a.Substring(i) == restB || restA == b.Substring(i);
        }
    }
}
