using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Flow;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2001/PBD2002: a network API is pointed at a plaintext endpoint (http, ws, ftp, amqp). Anyone on the path can
    /// read and change what travels, so personal information must be encrypted in transit (PIPL Art. 51(3); JR/T 0171
    /// 6.1.2 c); when the request visibly carries personal information the finding is an error.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlaintextEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property naming the plaintext scheme, for the code fix.</summary>
        public const string SchemeProperty = "Scheme";

        /// <summary>Property with the start of the literal that holds the scheme, when it is in the same file.</summary>
        public const string SchemeLiteralStartProperty = "SchemeLiteralStart";

        internal static readonly DiagnosticDescriptor EndpointRule = new(
            RuleIdentifiers.PlaintextEndpoint,
            title: "Network API uses a plaintext endpoint",
            messageFormat: "{0} connects to the plaintext endpoint '{1}'; use {2}://",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Data sent over http, ws, ftp or amqp can be read and changed by anyone on the network path. Use https, wss, ftps or amqps.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PlaintextEndpoint));

        internal static readonly DiagnosticDescriptor PersonalRule = new(
            RuleIdentifiers.PersonalInfoOverPlaintext,
            title: "Personal information is sent over a plaintext endpoint",
            messageFormat: "{1} sends personal information to the plaintext endpoint '{2}': {0}; use {3}://",
            category: RuleCategories.Transmission,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Personal information must be encrypted in transit (PIPL Art. 51(3); JR/T 0171-2020 6.1.2; GB/T 35273 6.3). Send it over https or wss only.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PersonalInfoOverPlaintext));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EndpointRule, PersonalRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var apis = new NetworkApis(start.Compilation);
                if (apis.IsEmpty)
                {
                    return;
                }

                var classifier = PersonalInfoClassifier.For(start.Compilation, start.Options, start.CancellationToken);
                var data = new TransmittedData(start.Compilation, new PersonalDataFlow(start.Compilation, classifier));
                start.RegisterOperationAction(
                    c => Analyze(c, apis, data),
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment);
            });
        }

        private static void Analyze(OperationAnalysisContext context, NetworkApis apis, TransmittedData data)
        {
            if (apis.Match(context.Operation) is not { } call || Endpoints.Resolve(call.Address) is not { } leading)
            {
                return;
            }

            if (Endpoints.PlaintextScheme(leading.Text, leading.IsComplete) is not { } scheme)
            {
                return;
            }

            string secure = SecureScheme(scheme);
            string shown = Shorten(leading.Text);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SchemeProperty, scheme);
            if (leading.SchemeSyntax is { } literal && literal.SyntaxTree == call.Address.Syntax.SyntaxTree)
            {
                properties = properties.Add(SchemeLiteralStartProperty, literal.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var location = call.Address.Syntax.GetLocation();

            // The address itself may carry personal information in its query string.
            var evidence = data.Find(call.Address, Rendering.Text, context.CancellationToken);
            foreach (var payload in call.Payload)
            {
                evidence ??= data.Find(payload, Rendering.Structured, context.CancellationToken);
            }

            context.ReportDiagnostic(evidence != null
                ? Diagnostic.Create(PersonalRule, location, properties, evidence.Describe(), call.Api, shown, secure)
                : Diagnostic.Create(EndpointRule, location, properties, call.Api, shown, secure));
        }

        internal static string SecureScheme(string scheme) => scheme switch
        {
            "ws" => "wss",
            "ftp" => "ftps",
            "amqp" => "amqps",
            _ => "https",
        };

        private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 80) + "…" : text;
    }
}
