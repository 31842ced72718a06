using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyByDesign.Analyzers
{
    /// <summary>What an operation rule sees of one operation: the same members as the compiler's operation context.</summary>
    internal readonly struct OperationContext
    {
        private readonly Action<Diagnostic> _report;

        public OperationContext(IOperation operation, SyntaxNodeAnalysisContext syntax)
        {
            Operation = operation;
            ContainingSymbol = syntax.ContainingSymbol;
            Compilation = syntax.Compilation;
            Options = syntax.Options;
            CancellationToken = syntax.CancellationToken;
            _report = syntax.ReportDiagnostic;
        }

        public IOperation Operation { get; }

        public ISymbol? ContainingSymbol { get; }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }

    /// <summary>
    /// Operation rules registered through the syntax that produces the operations. One operation action anywhere in the
    /// package makes the compiler build the operation tree of every body in the project and hand each operation to the
    /// driver, which cost a build more than any rule's own work. Here a rule names the syntax it cares about and a cheap
    /// test on it (a name, the symbol the compiler has already bound); only what passes asks for its operation, so only
    /// bodies with a candidate get an operation tree. The rule code is the same as for an operation action.
    /// </summary>
    internal static class SyntaxFirstOperations
    {
        /// <summary>Invocations of methods <paramref name="mayMatch"/> accepts (an extension method in its reduced form, as the semantic model binds it).</summary>
        public static void RegisterInvocations(this CompilationStartAnalysisContext start, Func<IMethodSymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c => Dispatch(c, c.Node, OperationKind.Invocation, InvokedMethod(c) is { } method && mayMatch(method), action),
                SyntaxKind.InvocationExpression);

        /// <summary>Object creations (<c>new T(...)</c> and <c>new(...)</c>) of types <paramref name="mayMatch"/> accepts.</summary>
        public static void RegisterObjectCreations(this CompilationStartAnalysisContext start, Func<ITypeSymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c => Dispatch(c, c.Node, OperationKind.ObjectCreation, c.SemanticModel.GetTypeInfo(c.Node, c.CancellationToken).Type is { } type && mayMatch(type), action),
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);

        /// <summary>Simple assignments (including object-initializer members) to a property, field or event <paramref name="mayMatch"/> accepts.</summary>
        public static void RegisterSimpleAssignments(this CompilationStartAnalysisContext start, Func<ISymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c => Dispatch(c, c.Node, OperationKind.SimpleAssignment, AssignedMember(c) is { } member && mayMatch(member), action),
                SyntaxKind.SimpleAssignmentExpression);

        /// <summary><c>+=</c> and <c>-=</c> on a property, field or event <paramref name="mayMatch"/> accepts: compound and event assignments.</summary>
        public static void RegisterAddOrRemoveAssignments(this CompilationStartAnalysisContext start, Func<ISymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (AssignedMember(c) is { } member && mayMatch(member)
                        && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is { Kind: OperationKind.CompoundAssignment or OperationKind.EventAssignment } operation)
                    {
                        action(new OperationContext(operation, c));
                    }
                },
                SyntaxKind.AddAssignmentExpression,
                SyntaxKind.SubtractAssignmentExpression);

        /// <summary>Arguments written in source whose value, converted to the parameter's type, has a type <paramref name="mayMatch"/> accepts.</summary>
        public static void RegisterArguments(this CompilationStartAnalysisContext start, Func<ITypeSymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c => Dispatch(
                    c,
                    c.Node,
                    OperationKind.Argument,
                    c.SemanticModel.GetTypeInfo(((ArgumentSyntax)c.Node).Expression, c.CancellationToken).ConvertedType is { } type && mayMatch(type),
                    action),
                SyntaxKind.Argument);

        /// <summary>String literals whose text <paramref name="mayMatch"/> accepts (the literal's value, without quotes or escapes).</summary>
        public static void RegisterStringLiterals(this CompilationStartAnalysisContext start, Func<string, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c => Dispatch(c, c.Node, OperationKind.Literal, mayMatch(((LiteralExpressionSyntax)c.Node).Token.ValueText), action),
                SyntaxKind.StringLiteralExpression);

        /// <summary>References to fields whose name <paramref name="mayMatch"/> accepts, qualified (<c>SslProtocols.Tls</c>) or not.</summary>
        public static void RegisterFieldReferences(this CompilationStartAnalysisContext start, Func<string, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c =>
                {
                    var name = (IdentifierNameSyntax)c.Node;
                    if (!mayMatch(name.Identifier.ValueText))
                    {
                        return;
                    }

                    // The operation of `A.B` belongs to the member access, not to its name.
                    SyntaxNode reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    Dispatch(c, reference, OperationKind.FieldReference, true, action);
                },
                SyntaxKind.IdentifierName);

        /// <summary>
        /// The member's own returns in members <paramref name="mayMatch"/> accepts: <c>return</c> statements and the implicit
        /// return of an expression body; not those of lambdas or local functions inside it, which return to their caller.
        /// </summary>
        public static void RegisterReturns(this CompilationStartAnalysisContext start, Func<ISymbol, bool> mayMatch, Action<OperationContext> action)
            => start.RegisterSyntaxNodeAction(
                c =>
                {
                    if (c.ContainingSymbol is not { } member || !mayMatch(member))
                    {
                        return;
                    }

                    var returned = c.Node switch
                    {
                        ReturnStatementSyntax statement when !InsideFunction(statement) => c.SemanticModel.GetOperation(statement, c.CancellationToken),
                        ArrowExpressionClauseSyntax arrow when !InsideFunction(arrow) => ImplicitReturn(c, arrow.Expression),
                        _ => null,
                    };
                    if (returned is { Kind: OperationKind.Return })
                    {
                        action(new OperationContext(returned, c));
                    }
                },
                SyntaxKind.ReturnStatement,
                SyntaxKind.ArrowExpressionClause);

        /// <summary>Whether the node belongs to a lambda, anonymous method or local function rather than to the member.</summary>
        private static bool InsideFunction(SyntaxNode node)
        {
            for (var current = node.Parent; current != null && current is not MemberDeclarationSyntax and not AccessorDeclarationSyntax; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Dispatch(SyntaxNodeAnalysisContext context, SyntaxNode syntax, OperationKind kind, bool candidate, Action<OperationContext> action)
        {
            if (candidate && context.SemanticModel.GetOperation(syntax, context.CancellationToken) is { } operation && operation.Kind == kind)
            {
                action(new OperationContext(operation, context));
            }
        }

        /// <summary>The implicit return around an expression body, above any conversion the compiler put on the value.</summary>
        private static IOperation? ImplicitReturn(SyntaxNodeAnalysisContext context, ExpressionSyntax body)
        {
            var operation = context.SemanticModel.GetOperation(body, context.CancellationToken);
            while (operation is not null and not { Kind: OperationKind.Return } && operation.Parent is { } parent && parent.Syntax == body)
            {
                operation = parent;
            }

            return operation;
        }

        private static IMethodSymbol? InvokedMethod(SyntaxNodeAnalysisContext context)
            => context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol as IMethodSymbol;

        private static ISymbol? AssignedMember(SyntaxNodeAnalysisContext context)
            => context.SemanticModel.GetSymbolInfo(((AssignmentExpressionSyntax)context.Node).Left, context.CancellationToken).Symbol;
    }
}
