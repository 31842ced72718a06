using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Configuration;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2005: transport encryption is switched off in a client setting (<c>SmtpClient.EnableSsl = false</c>,
    /// connection-string builders) or a connection string (SQL Server, PostgreSQL, MySQL, Redis, MongoDB), in code or in
    /// appsettings*.json. Databases and brokers hold the personal information the application processes.
    /// </summary>
    public sealed class EncryptionDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.EncryptionDisabled,
            title: "Transport encryption is disabled in a connection string or client setting",
            messageFormat: "{0} turns transport encryption or certificate validation off",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Connections to databases, caches, brokers and mail servers carry personal information; keep TLS on and the server certificate validated.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.EncryptionDisabled));

        // Boolean settings whose false value turns TLS off, on the client types that have them.
        private static readonly string[] EncryptionSwitches = { "EnableSsl", "Ssl", "UseSsl", "UseTls", "Encrypt" };

        private static readonly string[] ClientTypeSuffixes = { "SmtpClient", "ConnectionStringBuilder", "ConfigurationOptions", "MongoClientSettings", "MongoUrlBuilder" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
            context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            context.RegisterAdditionalFileAction(AnalyzeConfiguration);
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context)
        {
            // The token's text is the literal's value: reading it skips the operation's constant (boxed for every number
            // and null literal of the program) and every literal that is not a string.
            if (context.Operation.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && ConnectionStrings.FindDisabledEncryption(literal.Token.ValueText) is { } setting)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), "The connection string setting '" + setting + "'"));
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || !IsClientType(property.ContainingType))
            {
                return;
            }

            var value = assignment.Value.ConstantValue;
            bool off = property.Name switch
            {
                "TrustServerCertificate" => value is { HasValue: true, Value: true },
                "SslMode" => assignment.Value is IFieldReferenceOperation { Field.Name: "Disable" or "Disabled" or "None" or "Allow" },

                // SqlClient's Encrypt is an SqlConnectionEncryptOption in newer versions; Optional is the off value.
                "Encrypt" => value is { HasValue: true, Value: false } || assignment.Value is IPropertyReferenceOperation { Property.Name: "Optional" },
                _ => Array.IndexOf(EncryptionSwitches, property.Name) >= 0 && value is { HasValue: true, Value: false },
            };
            if (off)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), property.ContainingType.Name + "." + property.Name));
            }
        }

        private static bool IsClientType(INamedTypeSymbol? type)
        {
            foreach (string suffix in ClientTypeSuffixes)
            {
                if (type != null && type.Name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeConfiguration(AdditionalFileAnalysisContext context)
        {
            if (!AppSettingsFiles.IsAppSettings(context.AdditionalFile) || AppSettingsFiles.Parse(context.AdditionalFile, context.CancellationToken, out var text) is not { } root || text == null)
            {
                return;
            }

            foreach (var (key, value) in AppSettingsFiles.Scalars(root))
            {
                string? what = null;
                if (value.Kind == JsonScalarKind.String && ConnectionStrings.FindDisabledEncryption(value.Text) is { } setting)
                {
                    what = "The connection string setting '" + setting + "'";
                }
                else if (key != null && value.AsBoolean is { } flag && (flag ? string.Equals(key, "TrustServerCertificate", StringComparison.OrdinalIgnoreCase) : IsSwitch(key)))
                {
                    what = "The setting '" + key + ": " + value.Text + "'";
                }

                if (what != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, AppSettingsFiles.LocationOf(context.AdditionalFile, text, value.Span), what));
                }
            }
        }

        private static bool IsSwitch(string key)
        {
            foreach (string name in EncryptionSwitches)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
