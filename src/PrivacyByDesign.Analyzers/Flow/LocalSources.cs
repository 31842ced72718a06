using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];

        // One walk per body, however many locals the rules follow in it; keyed weakly on the body's operation tree.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> s_perBody = new();

        /// <summary>The root of the operation tree <paramref name="operation"/> belongs to: the whole body.</summary>
        public static IOperation BodyOf(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The values that flow into <paramref name="local"/> in the body containing <paramref name="inBody"/>, in source order.</summary>
        public static IReadOnlyList<IOperation> Of(IOperation inBody, ILocalSymbol local)
            => s_perBody.GetValue(BodyOf(inBody), Index).TryGetValue(local, out var sources) ? sources : None;

        private static Dictionary<ILocalSymbol, List<IOperation>> Index(IOperation body)
        {
            var index = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            void Add(ILocalSymbol local, IOperation value)
            {
                if (!index.TryGetValue(local, out var sources))
                {
                    index[local] = sources = new List<IOperation>();
                }

                sources.Add(value);
            }

            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        if (declarator.Initializer?.Value is { } initial)
                        {
                            Add(declarator.Symbol, initial);
                        }

                        // `var x = ...` puts the initializer on the declaration in some shapes.
                        if (declarator.Parent is IVariableDeclarationOperation { Initializer.Value: { } shared })
                        {
                            Add(declarator.Symbol, shared);
                        }

                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value);
                        break;
                    case IInvocationOperation invocation when ReceiverRoot(invocation) is ILocalReferenceOperation receiver:
                        foreach (var argument in invocation.Arguments)
                        {
                            Add(receiver.Local, argument.Value);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var variable in loop.Locals)
                        {
                            Add(variable, loop.Collection);
                        }

                        break;
                }
            }

            return index;
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
    }
}
