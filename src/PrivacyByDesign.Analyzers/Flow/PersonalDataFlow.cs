using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Flow
{
    /// <summary>How a sink turns an object into output.</summary>
    internal enum Rendering
    {
        /// <summary>The sink calls <c>ToString()</c> (message templates, string formatting, exception messages).</summary>
        Text,

        /// <summary>The sink serialises the object's members (Serilog/NLog <c>{@Object}</c>, JSON bodies, telemetry objects).</summary>
        Structured,
    }

    /// <summary>Why a value carries personal information: the member, parameter or local that holds it and how it got there.</summary>
    internal sealed class PiEvidence
    {
        public PiEvidence(ISymbol symbol, PiClassification classification, SyntaxNode syntax, string? via)
        {
            Symbol = symbol;
            Classification = classification;
            Syntax = syntax;
            Via = via;
        }

        /// <summary>The member, parameter or local classified as personal information.</summary>
        public ISymbol Symbol { get; }

        public PiClassification Classification { get; }

        /// <summary>Where the personal information is read (may lie outside the sink's argument, e.g. a local's initializer).</summary>
        public SyntaxNode Syntax { get; }

        /// <summary>How a whole object exposes the member, e.g. "record 'Patient' prints it in its ToString"; null for a direct read.</summary>
        public string? Via { get; }

        /// <summary>"'Patient.IdCardNo' (resident ID card number (identity.national_id); inferred from the name `IdCardNo`)".</summary>
        public string Describe()
        {
            string owner = Symbol is IFieldSymbol or IPropertySymbol ? Symbol.ContainingType.Name + "." + Symbol.Name : Symbol.Name;
            string description = $"'{owner}' ({Classification.Describe()}; {Classification.Reason})";
            return Via == null ? description : description + " " + Via;
        }
    }

    /// <summary>
    /// Decides whether a value reaching a sink carries personal information: direct reads of classified members,
    /// parameters and locals, intra-procedural flow through locals, string building (interpolation, concatenation,
    /// <c>string.Format</c>/<c>Join</c>, <c>StringBuilder</c>), collections and lambdas over personal data, and whole
    /// objects whose members are personal information. Sanitisers, lengths, counts and boolean checks stop the flow.
    /// The classification itself always comes from <see cref="PersonalInfoClassifier"/>.
    /// </summary>
    internal sealed class PersonalDataFlow
    {
        private const int MaxDepth = 24;

        private readonly PersonalInfoClassifier _classifier;
        private readonly Sanitizers _sanitizers;
        private readonly KnownType _stringBuilder;
        private readonly INamedTypeSymbol? _enumerable;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PersonalInfoClassifier, PersonalDataFlow> s_perClassifier = new();

        private PersonalDataFlow(Compilation compilation, PersonalInfoClassifier classifier)
        {
            _classifier = classifier;
            _sanitizers = new Sanitizers(compilation);
            _stringBuilder = new KnownType(compilation, "System.Text.StringBuilder");
            _enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        }

        public PersonalInfoClassifier Classifier => _classifier;

        /// <summary>
        /// The flow shared by every rule analysing this compilation with these options, over the shared classifier: it
        /// holds no per-query state, so the sanitiser and collection types are resolved once.
        /// </summary>
        public static PersonalDataFlow For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var classifier = PersonalInfoClassifier.For(compilation, options, cancellationToken);
            return s_perClassifier.GetValue(classifier, c => new PersonalDataFlow(compilation, c));
        }

        public bool IsSanitizer(IMethodSymbol method) => _sanitizers.IsSanitizer(method);

        /// <summary>
        /// The pieces of a message that are reported separately: each hole of an interpolated string and each operand of a
        /// string concatenation, so <c>$"{user.Name} ({user.Phone})"</c> yields two findings, not one.
        /// </summary>
        public static IEnumerable<IOperation> Parts(IOperation value)
        {
            switch (value)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    return Parts(conversion.Operand);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.OfType<IInterpolationOperation>().Select(hole => hole.Expression);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return Parts(concatenation.LeftOperand).Concat(Parts(concatenation.RightOperand));
                default:
                    return new[] { value };
            }
        }

        /// <summary>The first personal information found in <paramref name="value"/> (that <paramref name="accept"/> accepts, when given), or null.</summary>
        public PiEvidence? Find(IOperation? value, Rendering rendering, CancellationToken cancellationToken, Func<PiClassification, bool>? accept = null)
            => new Walk(this, accept, cancellationToken).Visit(value, rendering, 0);

        /// <summary>Personal information exposed by rendering an object of this type (record ToString, custom ToString, serialisation).</summary>
        public PiEvidence? FindInType(ITypeSymbol? type, SyntaxNode syntax, Rendering rendering, CancellationToken cancellationToken)
            => new Walk(this, null, cancellationToken).VisitType(type, syntax, rendering, 0);

        private static bool CarriesNoData(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Void:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Int16:
                case SpecialType.System_Byte:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Decimal:
                    return true;
                default:
                    return type is INamedTypeSymbol { IsGenericType: true } named
                        && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                        && CarriesNoData(named.TypeArguments[0]);
            }
        }

        /// <summary>Types whose value is built from their inputs: strings, builders, formattables, collections.</summary>
        private bool PropagatesInputs(ITypeSymbol? type)
        {
            if (type == null)
            {
                return true;
            }

            if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char)
            {
                return true;
            }

            if (type is IArrayTypeSymbol || _stringBuilder.Is(type) || type.Name is "IFormattable" or "FormattableString" or "ReadOnlySpan" or "Span" or "Memory" or "ReadOnlyMemory" or "KeyValuePair" or "Tuple" or "ValueTuple")
            {
                return true;
            }

            return ElementType(type) != null;
        }

        /// <summary>The element type of a generic collection (anything implementing <c>IEnumerable&lt;T&gt;</c>), except string.</summary>
        private ITypeSymbol? ElementType(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType == SpecialType.System_String || _enumerable == null)
            {
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _enumerable))
            {
                return named.TypeArguments[0];
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, _enumerable))
                {
                    return candidate.TypeArguments[0];
                }
            }

            return null;
        }

        /// <summary>One query; remembers the locals it has followed so cycles (<c>s = s + x</c>) end.</summary>
        private sealed class Walk
        {
            private readonly PersonalDataFlow _flow;
            private readonly Func<PiClassification, bool>? _accept;
            private readonly CancellationToken _cancellationToken;
            private HashSet<ILocalSymbol>? _followedLocals;
            private HashSet<ITypeSymbol>? _visitedTypes;

            public Walk(PersonalDataFlow flow, Func<PiClassification, bool>? accept, CancellationToken cancellationToken)
            {
                _flow = flow;
                _accept = accept;
                _cancellationToken = cancellationToken;
            }

            public PiEvidence? Visit(IOperation? operation, Rendering rendering, int depth)
            {
                if (operation == null || depth > MaxDepth)
                {
                    return null;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case ILiteralOperation:
                    case IDefaultValueOperation:
                    case ITypeOfOperation:
                    case INameOfOperation:
                    case ISizeOfOperation:
                        return null;
                    case IFieldReferenceOperation { Field.IsConst: true }:
                        return null;
                    case IArgumentOperation argument:
                        return Visit(argument.Value, rendering, depth + 1);
                    case IConversionOperation conversion:
                        return Visit(conversion.Operand, rendering, depth + 1);
                    case IParenthesizedOperation parenthesized:
                        return Visit(parenthesized.Operand, rendering, depth + 1);
                    case IAwaitOperation awaited:
                        return Visit(awaited.Operation, rendering, depth + 1);
                    case IMemberReferenceOperation member when member is IPropertyReferenceOperation or IFieldReferenceOperation:
                        return VisitMember(member, rendering, depth);
                    case IParameterReferenceOperation parameter:
                        return FromSymbol(parameter.Parameter, parameter.Syntax) ?? VisitType(parameter.Type, parameter.Syntax, rendering, depth);
                    case ILocalReferenceOperation local:
                        return VisitLocal(local, rendering, depth);
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation hole && Visit(hole.Expression, Rendering.Text, depth + 1) is { } found)
                            {
                                return found;
                            }
                        }

                        return null;
                    case IBinaryOperation binary:
                        return binary.Type?.SpecialType == SpecialType.System_String
                            ? Visit(binary.LeftOperand, Rendering.Text, depth + 1) ?? Visit(binary.RightOperand, Rendering.Text, depth + 1)
                            : null;
                    case IConditionalOperation conditional:
                        return Visit(conditional.WhenTrue, rendering, depth + 1) ?? Visit(conditional.WhenFalse, rendering, depth + 1);
                    case ICoalesceOperation coalesce:
                        return Visit(coalesce.Value, rendering, depth + 1) ?? Visit(coalesce.WhenNull, rendering, depth + 1);
                    case IInvocationOperation invocation:
                        return VisitInvocation(invocation, rendering, depth);
                    case IArrayCreationOperation array:
                        return array.Initializer == null ? null : VisitAll(array.Initializer.ElementValues, rendering, depth);
                    case IArrayInitializerOperation initializer:
                        return VisitAll(initializer.ElementValues, rendering, depth);
                    case IAnonymousObjectCreationOperation anonymous:
                        // Anonymous types print and serialise every member.
                        return VisitAll(anonymous.Initializers, rendering, depth);
                    case ISimpleAssignmentOperation assignment:
                        return Visit(assignment.Value, rendering, depth + 1);
                    case ITupleOperation tuple:
                        return VisitAll(tuple.Elements, rendering, depth);
                    case IObjectCreationOperation creation:
                        return VisitCreation(creation, rendering, depth);
                    case IAnonymousFunctionOperation lambda:
                        return VisitReturns(lambda.Body, rendering, depth);
                    case IDelegateCreationOperation @delegate:
                        return Visit(@delegate.Target, rendering, depth + 1);
                    case IArrayElementReferenceOperation element:
                        return Visit(element.ArrayReference, rendering, depth + 1);
                    case IInstanceReferenceOperation instance:
                        return VisitType(instance.Type, instance.Syntax, rendering, depth);
                    default:
                        return null;
                }
            }

            private PiEvidence? VisitAll(ImmutableArray<IOperation> operations, Rendering rendering, int depth)
            {
                foreach (var operation in operations)
                {
                    if (Visit(operation, rendering, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            private bool Counts(PiClassification classification)
                => classification.IsPersonal && !classification.HoldsProtectedValue && (_accept == null || _accept(classification));

            private PiEvidence? FromSymbol(ISymbol symbol, SyntaxNode syntax)
            {
                var classification = _flow._classifier.Classify(symbol);
                return Counts(classification) ? new PiEvidence(symbol, classification, syntax, null) : null;
            }

            private PiEvidence? VisitMember(IMemberReferenceOperation member, Rendering rendering, int depth)
            {
                var classification = _flow._classifier.Classify(member.Member);
                if (classification.IsPersonal)
                {
                    return Counts(classification) ? new PiEvidence(member.Member, classification, member.Syntax, null) : null;
                }

                if (classification.Source == PiSource.NotPersonalInfo)
                {
                    return null;
                }

                // A person-shaped value (address object, list of patients) carries its members; `email.Length` does not.
                return CarriesNoData(member.Type) ? null : VisitType(member.Type, member.Syntax, rendering, depth);
            }

            private PiEvidence? VisitLocal(ILocalReferenceOperation reference, Rendering rendering, int depth)
            {
                var local = reference.Local;
                if (FromSymbol(local, reference.Syntax) is { } named)
                {
                    return named;
                }

                _followedLocals ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                if (!_followedLocals.Add(local))
                {
                    return null;
                }

                foreach (var source in LocalSources.Of(reference, local))
                {
                    if (Visit(source, rendering, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return VisitType(local.Type, reference.Syntax, rendering, depth);
            }

            private PiEvidence? VisitInvocation(IInvocationOperation invocation, Rendering rendering, int depth)
            {
                var method = invocation.TargetMethod;
                if (_flow._sanitizers.IsSanitizer(method))
                {
                    return null;
                }

                // Lengths, counts, checks and hash codes carry no personal data.
                if (CarriesNoData(invocation.Type))
                {
                    return null;
                }

                if (FromSymbol(method, invocation.Syntax) is { } returned)
                {
                    return returned;
                }

                if (method.Name == "ToString" && invocation.Instance != null)
                {
                    return Visit(invocation.Instance, Rendering.Text, depth + 1);
                }

                if (_flow.PropagatesInputs(invocation.Type))
                {
                    if (Visit(invocation.Instance, rendering, depth + 1) is { } fromInstance)
                    {
                        return fromInstance;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Type is { } parameterType && CarriesNoData(parameterType))
                        {
                            continue;
                        }

                        if (Visit(argument.Value, Rendering.Text, depth + 1) is { } fromArgument)
                        {
                            return fromArgument;
                        }
                    }

                    return null;
                }

                return VisitType(invocation.Type, invocation.Syntax, rendering, depth);
            }

            private PiEvidence? VisitCreation(IObjectCreationOperation creation, Rendering rendering, int depth)
            {
                if (_flow.PropagatesInputs(creation.Type))
                {
                    foreach (var argument in creation.Arguments)
                    {
                        if (Visit(argument.Value, rendering, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        // Collection initializers call Add(...); object and index initializers assign.
                        var found = initializer switch
                        {
                            IInvocationOperation add => VisitAll(ImmutableArray<IOperation>.CastUp(add.Arguments), rendering, depth),
                            IAssignmentOperation assignment => Visit(assignment.Value, rendering, depth + 1),
                            _ => Visit(initializer, rendering, depth + 1),
                        };
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                }

                return VisitType(creation.Type, creation.Syntax, rendering, depth);
            }

            private PiEvidence? VisitReturns(IOperation body, Rendering rendering, int depth)
            {
                foreach (var operation in body.Descendants())
                {
                    if (operation is IReturnOperation { ReturnedValue: { } value } && Visit(value, rendering, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            /// <summary>What rendering a whole object of this type exposes.</summary>
            public PiEvidence? VisitType(ITypeSymbol? type, SyntaxNode syntax, Rendering rendering, int depth)
            {
                if (type == null || depth > MaxDepth || CarriesNoData(type) || type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object)
                {
                    return null;
                }

                var typeClassification = _flow._classifier.Classify(type);
                if (Counts(typeClassification))
                {
                    return new PiEvidence(type, typeClassification, syntax, null);
                }

                if (_flow.ElementType(type) is { } element)
                {
                    return VisitType(element, syntax, rendering, depth + 1);
                }

                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.SpecialType != SpecialType.None)
                {
                    return null;
                }

                _visitedTypes ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
                if (!_visitedTypes.Add(type))
                {
                    return null;
                }

                var members = _flow._classifier.GetPersonalMembers(type);
                if (members.IsEmpty)
                {
                    return null;
                }

                foreach (var candidate in members)
                {
                    if (!Counts(candidate.Classification) || candidate.Member.IsStatic)
                    {
                        continue;
                    }

                    string? via = rendering == Rendering.Structured
                        ? $"is serialised with the whole '{type.Name}' object"
                        : ToStringExposure(type, candidate.Member);
                    if (via != null)
                    {
                        return new PiEvidence(candidate.Member, candidate.Classification, syntax, via);
                    }
                }

                return null;
            }

            /// <summary>Whether <c>ToString()</c> of the type prints the member: records print public members; a custom override that reads it does too.</summary>
            private string? ToStringExposure(ITypeSymbol type, ISymbol member)
            {
                for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (var candidate in current.GetMembers("ToString"))
                    {
                        if (candidate is not IMethodSymbol { Parameters.Length: 0, IsOverride: true } toString)
                        {
                            continue;
                        }

                        if (toString.IsImplicitlyDeclared)
                        {
                            return member.DeclaredAccessibility == Accessibility.Public ? $"is printed by the compiler-generated ToString of record '{type.Name}'" : null;
                        }

                        return ReadsMember(toString, member.Name) ? $"is printed by the ToString override of '{current.Name}'" : null;
                    }
                }

                return null;
            }

            private bool ReadsMember(IMethodSymbol method, string memberName)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    foreach (var node in reference.GetSyntax(_cancellationToken).DescendantNodes())
                    {
                        if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == memberName)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }
    }
}
