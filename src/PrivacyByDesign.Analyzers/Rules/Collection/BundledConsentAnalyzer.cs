using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Collection;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>
    /// PBD3010: one consent flag covers several purposes (<c>[Consent("a", "b")]</c>), or a flag's name says it agrees to
    /// everything (<c>AgreeToAll</c>). Separate consent is per activity, and consent may not be bundled with other
    /// authorisations.
    /// </summary>
    public sealed class BundledConsentAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.BundledConsent,
            title: "One consent flag covers several purposes",
            messageFormat: "Consent flag '{0}' bundles {1}: ask for each purpose separately",
            category: RuleCategories.Collection,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Give each purpose or separate consent its own flag, so a person can agree to one and refuse another.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BundledConsent));

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

                start.RegisterSymbolAction(c => Analyze(c, c.Symbol, declarations), SymbolKind.Property, SymbolKind.Field);
                start.RegisterSymbolAction(c =>
                {
                    // Record positional parameters carry the [Consent] of the generated property.
                    if (c.Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                    {
                        foreach (var parameter in constructor.Parameters)
                        {
                            Analyze(c, parameter, declarations);
                        }
                    }
                }, SymbolKind.Method);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, ISymbol symbol, PurposeDeclarations declarations)
        {
            if (symbol.IsImplicitlyDeclared)
            {
                return;
            }

            // Every property, field and constructor parameter passes here: the cheap questions first, the location last.
            var consent = ConsentOf(symbol, declarations);
            if (consent != null)
            {
                var ids = consent.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : ImmutableArray.Create(a))
                    .Select(v => v.Value as string).Where(v => v != null).Distinct(StringComparer.Ordinal).ToList();
                if (ids.Count > 1 && symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
                {
                    var at = consent.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? location;
                    context.ReportDiagnostic(Diagnostic.Create(Rule, at, symbol.Name, string.Join(", ", ids.Select(i => "'" + i + "'"))));
                }

                return;
            }

            // A record's positional parameter is named once, by the property the record makes of it.
            if (SaysEverything(symbol.Name) && !IsPositionalParameter(symbol) && ConsentFlags.LooksLikeConsentFlag(symbol)
                && symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } flag)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, flag, symbol.Name, "every purpose by its name"));
            }
        }

        private static AttributeData? ConsentOf(ISymbol symbol, PurposeDeclarations declarations)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (PurposeDeclarations.Is(attribute, declarations.Consent))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static bool IsPositionalParameter(ISymbol symbol)
            => symbol is IParameterSymbol { ContainingType: { IsRecord: true } record } parameter
               && record.GetMembers(parameter.Name).Any(m => m is IPropertySymbol);

        private static bool SaysEverything(string name)
            => name.IndexOf("Everything", StringComparison.OrdinalIgnoreCase) >= 0 || name.EndsWith("All", StringComparison.Ordinal)
               || name.IndexOf("AllTerms", StringComparison.Ordinal) >= 0 || name.IndexOf("ToAll", StringComparison.Ordinal) >= 0;
    }
}
