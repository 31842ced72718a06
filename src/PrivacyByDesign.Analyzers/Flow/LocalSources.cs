using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyByDesign.Analyzers.Flow
{
    /// <summary>
    /// The values that flow into a local inside one body: its initializer, assignments, values appended or added to it
    /// (<c>StringBuilder.Append</c>, <c>List.Add</c>) and, for a foreach variable, the collection it iterates.
    /// Flow-insensitive on purpose: a local that ever holds personal information is treated as holding it.
    /// </summary>
    internal static class LocalSources
    {
        public static IEnumerable<IOperation> Of(IOperation body, ILocalSymbol local)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when Is(declarator.Symbol, local):
                        if (declarator.Initializer?.Value is { } initial)
                        {
                            yield return initial;
                        }

                        // `var x = ...` puts the initializer on the declaration in some shapes.
                        if (declarator.Parent is IVariableDeclarationOperation { Initializer.Value: { } shared })
                        {
                            yield return shared;
                        }

                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && Is(target.Local, local):
                        yield return assignment.Value;
                        break;
                    case IInvocationOperation invocation when ReceiverRoot(invocation) is ILocalReferenceOperation receiver && Is(receiver.Local, local):
                        foreach (var argument in invocation.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                    case IForEachLoopOperation loop when DeclaresLoopVariable(loop, local):
                        yield return loop.Collection;
                        break;
                }
            }
        }

        /// <summary>The local at the start of a fluent chain such as <c>builder.Append(a).Append(b)</c>.</summary>
        private static IOperation? ReceiverRoot(IInvocationOperation invocation)
        {
            var receiver = invocation.Instance;
            while (receiver is IInvocationOperation inner)
            {
                receiver = inner.Instance;
            }

            return receiver;
        }

        private static bool DeclaresLoopVariable(IForEachLoopOperation loop, ILocalSymbol local)
        {
            foreach (var candidate in loop.Locals)
            {
                if (Is(candidate, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ISymbol? a, ISymbol b) => SymbolEqualityComparer.Default.Equals(a, b);
    }
}
