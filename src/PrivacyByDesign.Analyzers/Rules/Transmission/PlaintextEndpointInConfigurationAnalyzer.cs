using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Configuration;
using PrivacyByDesign.Analyzers.Network;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2006: an appsettings*.json value is a plaintext endpoint (http, ws, ftp, amqp). Endpoints usually live in
    /// configuration, where the code rules cannot see them; reported at the value in the JSON file.
    /// </summary>
    public sealed class PlaintextEndpointInConfigurationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.PlaintextEndpointInConfiguration,
            title: "Configuration names a plaintext endpoint",
            messageFormat: "'{0}' is the plaintext endpoint '{1}'; use {2}://",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Service addresses, connection URLs and broker URIs in appsettings*.json must use an encrypted scheme (https, wss, ftps, amqps).",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PlaintextEndpointInConfiguration));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterAdditionalFileAction(Analyze);
        }

        private static void Analyze(AdditionalFileAnalysisContext context)
        {
            if (!AppSettingsFiles.IsAppSettings(context.AdditionalFile) || AppSettingsFiles.Parse(context.AdditionalFile, context.CancellationToken, out var text) is not { } root || text == null)
            {
                return;
            }

            foreach (var (key, value) in AppSettingsFiles.Scalars(root))
            {
                if (value.Kind != JsonScalarKind.String || IsNamespaceKey(key) || Endpoints.PlaintextScheme(value.Text, complete: true) is not { } scheme)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    AppSettingsFiles.LocationOf(context.AdditionalFile, text, value.Span),
                    key ?? "(array item)",
                    value.Text,
                    PlaintextEndpointAnalyzer.SecureScheme(scheme)));
            }
        }

        /// <summary>"$schema", "xmlns", "Namespace": identifiers that look like addresses.</summary>
        private static bool IsNamespaceKey(string? key)
            => key != null && (key.StartsWith("$", StringComparison.Ordinal)
                || key.IndexOf("namespace", StringComparison.OrdinalIgnoreCase) >= 0
                || key.IndexOf("xmlns", StringComparison.OrdinalIgnoreCase) >= 0
                || key.IndexOf("schema", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
