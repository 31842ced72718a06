using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Flow;

namespace PrivacyByDesign.Analyzers.Network
{
    /// <summary>The constant text an address expression starts with, and the syntax that holds its scheme (for the code fix).</summary>
    internal readonly struct LeadingText
    {
        public LeadingText(string text, bool complete, SyntaxNode? schemeSyntax)
        {
            Text = text;
            IsComplete = complete;
            SchemeSyntax = schemeSyntax;
        }

        public string Text { get; }

        /// <summary>True when the whole address is known, so a host without a following '/' or ':' is the whole host.</summary>
        public bool IsComplete { get; }

        /// <summary>The string literal or interpolated-string text whose value starts with the scheme.</summary>
        public SyntaxNode? SchemeSyntax { get; }
    }

    /// <summary>
    /// Plaintext schemes and the addresses that are not endpoints on a network (loopback, XML namespace names),
    /// shared by the code and configuration rules.
    /// </summary>
    internal static class Endpoints
    {
        private const int MaxDepth = 12;

        private static readonly string[] PlaintextSchemes = { "http", "ws", "ftp", "amqp" };

        // Namespace names are identifiers that only look like addresses (Sonar S5332's most common false positive).
        private static readonly string[] NamespaceHosts =
        {
            "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org",
            "purl.org", "xmlns.com", "json-schema.org", "schemas.android.com", "ns.adobe.com",
        };

        /// <summary>The plaintext scheme ("http") of an address that leaves the machine, or null.</summary>
        public static string? PlaintextScheme(string text, bool complete)
        {
            string trimmed = text.TrimStart();
            int colon = trimmed.IndexOf("://", StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            string scheme = trimmed.Substring(0, colon).ToLowerInvariant();
            if (Array.IndexOf(PlaintextSchemes, scheme) < 0)
            {
                return null;
            }

            string rest = trimmed.Substring(colon + 3);
            int end = rest.IndexOfAny(new[] { '/', '?', '#' });
            bool hostKnown = end >= 0 || complete;
            string authority = end >= 0 ? rest.Substring(0, end) : rest;
            int at = authority.LastIndexOf('@');
            string hostPort = at >= 0 ? authority.Substring(at + 1) : authority;
            string host = StripPort(hostPort, ref hostKnown).ToLowerInvariant();
            if (IsNotRemote(host, hostKnown))
            {
                return null;
            }

            return scheme;
        }

        private static string StripPort(string hostPort, ref bool hostKnown)
        {
            if (hostPort.StartsWith("[", StringComparison.Ordinal))
            {
                int close = hostPort.IndexOf(']');
                if (close > 0)
                {
                    hostKnown = true;
                    return hostPort.Substring(1, close - 1);
                }

                return hostPort.Substring(1);
            }

            int colon = hostPort.IndexOf(':');
            if (colon >= 0)
            {
                hostKnown = true;
                return hostPort.Substring(0, colon);
            }

            return hostPort;
        }

        private static bool IsNotRemote(string host, bool hostKnown)
        {
            if (!hostKnown)
            {
                // "http://local" + suffix may still become localhost; an empty host ("http://" + host) is unknown and reported.
                return host.Length > 0 && ("localhost".StartsWith(host, StringComparison.Ordinal) || host.StartsWith("127.", StringComparison.Ordinal) || host == "127");
            }

            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "::1" || host.StartsWith("127.", StringComparison.Ordinal))
            {
                return true;
            }

            // Wildcard listen addresses (Kestrel "http://+:80", "http://*:5000", "http://0.0.0.0") bind a server; they are not a peer.
            if (host is "*" or "+" or "0.0.0.0" or "[::]" or "::")
            {
                return true;
            }

            foreach (string ns in NamespaceHosts)
            {
                if (host == ns)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The constant text an address expression starts with: literals, constants, the left side of concatenations,
        /// the first part of interpolations, <c>new Uri(...)</c>, and locals or same-file readonly fields initialised with those.
        /// </summary>
        public static LeadingText? Resolve(IOperation? operation) => Resolve(operation, 0);

        private static LeadingText? Resolve(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return null;
            }

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string constant ? new LeadingText(constant, true, SchemeSyntax(operation)) : null;
            }

            switch (operation)
            {
                case IArgumentOperation argument:
                    return Resolve(argument.Value, depth + 1);
                case IConversionOperation conversion:
                    return Resolve(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Resolve(parenthesized.Operand, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return Resolve(binary.LeftOperand, depth + 1) is { } left ? new LeadingText(left.Text, false, left.SchemeSyntax) : null;
                case IInterpolatedStringOperation interpolated when !interpolated.Parts.IsEmpty:
                    return interpolated.Parts[0] switch
                    {
                        IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s => new LeadingText(s, interpolated.Parts.Length == 1, text.Syntax),
                        IInterpolationOperation hole when Resolve(hole.Expression, depth + 1) is { } inner => new LeadingText(inner.Text, false, inner.SchemeSyntax),
                        _ => null,
                    };
                case IObjectCreationOperation creation when creation.Type is { Name: "Uri" or "UriBuilder", ContainingNamespace.Name: "System" } && creation.Arguments.Length > 0:
                    // new Uri(string), new Uri(baseUri, relative): the scheme comes from the first argument.
                    return Resolve(creation.Arguments[0].Value, depth + 1) is { } first
                        ? new LeadingText(first.Text, first.IsComplete && creation.Arguments.Length == 1, first.SchemeSyntax)
                        : null;
                case ILocalReferenceOperation local:
                    return ResolveLocal(local, depth);
                case IFieldReferenceOperation field when field.Field.IsReadOnly && field.Field.IsStatic:
                    return ResolveField(field, depth);
                default:
                    return null;
            }
        }

        private static LeadingText? ResolveLocal(ILocalReferenceOperation reference, int depth)
        {
            foreach (var source in LocalSources.Of(reference, reference.Local))
            {
                if (Resolve(source, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static LeadingText? ResolveField(IFieldReferenceOperation reference, int depth)
        {
            var model = reference.SemanticModel;
            if (model == null)
            {
                return null;
            }

            foreach (var declaration in reference.Field.DeclaringSyntaxReferences)
            {
                // Only the current file's semantic model is at hand inside an operation action.
                if (declaration.SyntaxTree != model.SyntaxTree || declaration.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    continue;
                }

                if (Resolve(model.GetOperation(initializer.Value), depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static SyntaxNode? SchemeSyntax(IOperation operation)
        {
            switch (operation)
            {
                case ILiteralOperation literal:
                    return literal.Syntax;
                case IBinaryOperation binary:
                    return SchemeSyntax(binary.LeftOperand);
                case IConversionOperation conversion:
                    return SchemeSyntax(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return SchemeSyntax(parenthesized.Operand);
                case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated when interpolated.Parts[0] is IInterpolatedStringTextOperation text:
                    return text.Syntax;
                case IFieldReferenceOperation { Field.IsConst: true } field:
                    foreach (var reference in field.Field.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } && value.SyntaxTree == operation.Syntax.SyntaxTree)
                        {
                            return value.IsKind(SyntaxKind.StringLiteralExpression) ? value : null;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
    }
}
