using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Flow;

namespace PrivacyByDesign.Analyzers.Network
{
    /// <summary>
    /// Unwraps what an HTTP request carries (content objects, serialiser calls, request messages filled in later) and asks
    /// <see cref="PersonalDataFlow"/> whether the values inside are personal information. It decides nothing about
    /// personal information itself.
    /// </summary>
    internal sealed class TransmittedData
    {
        private const int MaxDepth = 16;

        private readonly PersonalDataFlow _flow;
        private readonly INamedTypeSymbol? _httpContent;
        private readonly INamedTypeSymbol? _requestMessage;

        public TransmittedData(Compilation compilation, PersonalDataFlow flow)
        {
            _flow = flow;
            _httpContent = PrivacySymbols.Find(compilation, "System.Net.Http.HttpContent");
            _requestMessage = PrivacySymbols.Find(compilation, "System.Net.Http.HttpRequestMessage");
        }

        public PiEvidence? Find(IOperation value, Rendering rendering, CancellationToken cancellationToken)
            => Walk(value, rendering, 0, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), cancellationToken);

        private PiEvidence? Walk(IOperation? operation, Rendering rendering, int depth, HashSet<ILocalSymbol> followed, CancellationToken cancellationToken)
        {
            if (operation == null || depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IArgumentOperation argument:
                    return Walk(argument.Value, rendering, depth + 1, followed, cancellationToken);
                case IConversionOperation conversion:
                    return Walk(conversion.Operand, rendering, depth + 1, followed, cancellationToken);
                case IObjectCreationOperation creation when IsRequestOrContent(creation.Type):
                    foreach (var argument in creation.Arguments)
                    {
                        if (Walk(argument.Value, Rendering.Structured, depth + 1, followed, cancellationToken) is { } found)
                        {
                            return found;
                        }
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        if (initializer is IAssignmentOperation assignment && Walk(assignment.Value, Rendering.Structured, depth + 1, followed, cancellationToken) is { } found)
                        {
                            return found;
                        }
                    }

                    // `var request = new HttpRequestMessage(...)` is filled in by later statements.
                    return DeclaredLocal(creation) is { } declared && followed.Add(declared)
                        ? WalkSources(creation, declared, rendering, depth, followed, cancellationToken)
                        : null;
                case IInvocationOperation invocation when IsSerializer(invocation.TargetMethod) || (invocation.TargetMethod.IsStatic && IsRequestOrContent(invocation.Type)):
                    // JsonSerializer.Serialize(patient), JsonContent.Create(patient): the whole object is written out.
                    foreach (var argument in invocation.Arguments)
                    {
                        if (Walk(argument.Value, Rendering.Structured, depth + 1, followed, cancellationToken) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case ILocalReferenceOperation local when followed.Add(local.Local):
                    return WalkSources(local, local.Local, rendering, depth, followed, cancellationToken) ?? _flow.Find(local, rendering, cancellationToken);
                case ILocalReferenceOperation:
                    return null;
                default:
                    return _flow.Find(operation, rendering, cancellationToken);
            }
        }

        private PiEvidence? WalkSources(IOperation inBody, ILocalSymbol local, Rendering rendering, int depth, HashSet<ILocalSymbol> followed, CancellationToken cancellationToken)
        {
            foreach (var source in SourcesOf(inBody, local))
            {
                if (Walk(source, rendering, depth + 1, followed, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static ILocalSymbol? DeclaredLocal(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        }

        /// <summary>Everything put into a local: its assignments, plus <c>request.Content = x</c> and <c>request.Headers.Add(k, v)</c>.</summary>
        private static IEnumerable<IOperation> SourcesOf(IOperation inBody, ILocalSymbol local)
        {
            var top = LocalSources.BodyOf(inBody);
            foreach (var source in LocalSources.Of(top, local))
            {
                yield return source;
            }

            foreach (var operation in top.Descendants())
            {
                switch (operation)
                {
                    case IAssignmentOperation { Target: IMemberReferenceOperation member } assignment when RootsAt(member.Instance, local):
                        yield return assignment.Value;
                        break;
                    case IInvocationOperation invocation when invocation.Instance is IMemberReferenceOperation && RootsAt(invocation.Instance, local):
                        foreach (var argument in invocation.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                }
            }
        }

        private static bool RootsAt(IOperation? receiver, ILocalSymbol local)
        {
            while (receiver is IMemberReferenceOperation or IInvocationOperation)
            {
                receiver = receiver is IMemberReferenceOperation member ? member.Instance : ((IInvocationOperation)receiver).Instance;
            }

            return receiver is ILocalReferenceOperation root && SymbolEqualityComparer.Default.Equals(root.Local, local);
        }

        private bool IsRequestOrContent(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _httpContent) || SymbolEqualityComparer.Default.Equals(current, _requestMessage))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSerializer(IMethodSymbol method)
            => method.Name.StartsWith("Serialize", System.StringComparison.Ordinal) && method.ContainingType?.Name is "JsonSerializer" or "JsonConvert" or "XmlSerializer";
    }
}
