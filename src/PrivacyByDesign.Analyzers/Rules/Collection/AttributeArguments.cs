using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PrivacyByDesign.Analyzers.Rules.Collection
{
    /// <summary>Reads string ids out of attribute syntax (single values, params lists, array and collection expressions).</summary>
    internal static class AttributeArguments
    {
        /// <summary>The constant strings of the positional arguments (<paramref name="named"/> null) or of one named argument, with their expressions.</summary>
        public static IEnumerable<(string Value, ExpressionSyntax Expression)> Strings(AttributeSyntax attribute, SemanticModel model, string? named, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.ArgumentList == null)
            {
                yield break;
            }

            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                string? name = argument.NameEquals?.Name.Identifier.ValueText;
                if (name != named || (named == null && argument.NameColon != null))
                {
                    continue;
                }

                foreach (var expression in Elements(argument.Expression))
                {
                    if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value })
                    {
                        yield return (value, expression);
                    }
                }
            }
        }

        public static INamedTypeSymbol? TypeOf(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
            => model.GetTypeInfo(attribute, cancellationToken).Type as INamedTypeSymbol;

        private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax expression) => expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => new[] { expression },
        };
    }
}
