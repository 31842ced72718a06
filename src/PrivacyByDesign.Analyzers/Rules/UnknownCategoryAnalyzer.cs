using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Analyzers.Rules
{
    /// <summary>
    /// PBD0002: a category id in a PrivacyByDesign attribute is neither in the taxonomy nor a configured custom
    /// category. A typo here silently turns off every category-specific rule, so it is a warning.
    /// </summary>
    public sealed class UnknownCategoryAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.UnknownCategory,
            title: "Unknown personal-information category",
            messageFormat: "'{0}' is not a personal-information category{1}",
            category: RuleCategories.Classification,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Category ids must come from the taxonomy (PiCategory constants) or from the categories of privacybydesign.json.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnknownCategory));

        // Attribute → which arguments hold category ids (null name = the first constructor argument).
        private static readonly Dictionary<string, string?[]> CategoryArguments = new(StringComparer.Ordinal)
        {
            ["PersonalInfoAttribute"] = new string?[] { null },
            ["SensitivePersonalInfoAttribute"] = new string?[] { null },
            ["ProcessingPurposeAttribute"] = new string?[] { "NecessaryCategories" },
            ["RecipientAttribute"] = new string?[] { "Categories" },
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = new PrivacySymbols(start.Compilation);
                if (symbols.PersonalInfo == null && symbols.SensitivePersonalInfo == null)
                {
                    return;
                }

                var classifier = PersonalInfoClassifier.For(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterSyntaxNodeAction(c => Analyze(c, classifier.Taxonomy), SyntaxKind.Attribute);
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, PiTaxonomy taxonomy)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.ArgumentList == null || attribute.ArgumentList.Arguments.Count == 0 || !MightBeOurs(attribute.Name))
            {
                return;
            }

            // The compiler's own binding of the attribute where it can be found; otherwise (assembly attributes) the semantic model's.
            var bound = DeclaredAttributes.Find(attribute, context.SemanticModel, context.CancellationToken);
            var type = bound != null ? bound.AttributeClass : context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type;
            if (type == null || !SymbolRelations.IsNamespace(type.ContainingNamespace, PrivacySymbols.Namespace) || !CategoryArguments.TryGetValue(type.Name, out var wanted))
            {
                return;
            }

            for (int i = 0; i < attribute.ArgumentList.Arguments.Count; i++)
            {
                var argument = attribute.ArgumentList.Arguments[i];
                string? name = argument.NameEquals?.Name.Identifier.ValueText;
                bool isCategoryArgument = name == null ? i == 0 && argument.NameColon == null && wanted.Contains(null) : wanted.Contains(name);
                if (!isCategoryArgument)
                {
                    continue;
                }

                var elements = Elements(argument.Expression).ToList();
                var boundValues = bound == null ? null : BoundValues(name == null ? FirstConstructorArgument(bound) : SymbolRelations.NamedArgument(bound, name), elements.Count);
                for (int j = 0; j < elements.Count; j++)
                {
                    object? value = boundValues != null ? boundValues[j] : context.SemanticModel.GetConstantValue(elements[j], context.CancellationToken).Value;
                    if (value is string id && taxonomy.Find(id) == null)
                    {
                        string suggestion = Closest(id, taxonomy) is string near ? $"; did you mean '{near}'?" : "; see docs/taxonomy.md";
                        context.ReportDiagnostic(Diagnostic.Create(Rule, elements[j].GetLocation(), id, suggestion));
                    }
                }
            }
        }

        private static TypedConstant? FirstConstructorArgument(AttributeData attribute)
            => attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0] : null;

        /// <summary>The bound values of an argument's written elements in order, or null when they do not line up one to one.</summary>
        private static object?[]? BoundValues(TypedConstant? constant, int elementCount)
        {
            if (constant is not { Kind: not TypedConstantKind.Error } value)
            {
                return null;
            }

            if (value.Kind == TypedConstantKind.Array)
            {
                return !value.IsNull && value.Values.Length == elementCount ? value.Values.Select(v => v.Value).ToArray() : null;
            }

            return elementCount == 1 ? new[] { value.Value } : null;
        }

        private static bool MightBeOurs(NameSyntax name)
        {
            string text = AttributeNames.Simple(name);
            return CategoryArguments.ContainsKey(text) || CategoryArguments.ContainsKey(text + "Attribute");
        }

        private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } init }:
                    return init.Expressions;
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions;
                case CollectionExpressionSyntax collection:
                    return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression);
                default:
                    return new[] { expression };
            }
        }

        private static string? Closest(string id, PiTaxonomy taxonomy)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var category in taxonomy.Categories)
            {
                int d = Distance(id, category.Id);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = category.Id;
                }
            }

            return bestDistance <= Math.Max(2, id.Length / 4) ? best : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
