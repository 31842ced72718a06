using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Flow;
using PrivacyByDesign.Analyzers.Network;

namespace PrivacyByDesign.Analyzers.Rules.Transmission
{
    /// <summary>
    /// PBD2001/PBD2002: a network API is pointed at a plaintext endpoint (http, ws, ftp, amqp). Anyone on the path can
    /// read and change what travels, so personal information must be encrypted in transit (PIPL Art. 51(3); JR/T 0171
    /// 6.1.2 c); when the request visibly carries personal information the finding is an error.
    /// </summary>
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
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                // No test whether any network API is referenced: it would load their namespaces in every project.
                var apis = new NetworkApis(start.Compilation);
                var data = new TransmittedData(start.Compilation, PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken));
                start.RegisterOperationAction(
                    c => Analyze(c, apis, data),
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment);
            });
        }

        private static void Analyze(OperationAnalysisContext context, NetworkApis apis, TransmittedData data)
        {
            if (apis.Match(context.Operation) is not { } call)
            {
                return;
            }

            var leading = Endpoints.Resolve(call.Address);
            if (leading == null)
            {
                return;
            }

            if (leading.Value.Text.IndexOf("://", System.StringComparison.Ordinal) < 0)
            {
                // A relative address goes to the client's BaseAddress; that is reported where it is set (PBD2001),
                // and here only when this request carries personal information.
                AnalyzeRelative(context, call, data);
                return;
            }

            if (Endpoints.PlaintextScheme(leading.Value.Text, leading.Value.IsComplete) is not { } scheme)
            {
                return;
            }

            string secure = SecureScheme(scheme);
            string shown = Shorten(leading.Value.Text);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SchemeProperty, scheme);
            if (leading.Value.SchemeSyntax is { } literal && literal.SyntaxTree == call.Address.Syntax.SyntaxTree)
            {
                properties = properties.Add(SchemeLiteralStartProperty, literal.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var location = call.Address.Syntax.GetLocation();

            var evidence = FindPersonal(call, data, context.CancellationToken);

            context.ReportDiagnostic(evidence != null
                ? Diagnostic.Create(PersonalRule, location, properties, evidence.Describe(), call.Api, shown, secure)
                : Diagnostic.Create(EndpointRule, location, properties, call.Api, shown, secure));
        }

        private static void AnalyzeRelative(OperationAnalysisContext context, NetworkCall call, TransmittedData data)
        {
            if (BaseAddressOf(call.Client) is not { } baseAddress
                || Endpoints.PlaintextScheme(baseAddress.Text, baseAddress.IsComplete) is not { } scheme
                || FindPersonal(call, data, context.CancellationToken) is not { } evidence)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                PersonalRule,
                call.Address.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SchemeProperty, scheme),
                evidence.Describe(),
                call.Api,
                Shorten(baseAddress.Text),
                SecureScheme(scheme)));
        }

        /// <summary>The BaseAddress given to a local HttpClient in the same body: in its initializer or by assignment.</summary>
        private static LeadingText? BaseAddressOf(IOperation? client)
        {
            while (client is IConversionOperation conversion)
            {
                client = conversion.Operand;
            }

            if (client is IFieldReferenceOperation field)
            {
                return BaseAddressOfField(field);
            }

            if (client is not ILocalReferenceOperation local)
            {
                return null;
            }

            foreach (var operation in LocalSources.BodyOf(local).Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" } property } assignment
                    && IsClientLocal(property.Instance, local.Local)
                    && Endpoints.Resolve(assignment.Value) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>A field initialised as <c>new HttpClient { BaseAddress = ... }</c> in the same file.</summary>
        private static LeadingText? BaseAddressOfField(IFieldReferenceOperation field)
        {
            var model = field.SemanticModel;
            foreach (var reference in field.Field.DeclaringSyntaxReferences)
            {
                if (model == null || reference.SyntaxTree != model.SyntaxTree
                    || reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    continue;
                }

                var value = model.GetOperation(initializer.Value);
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is not IObjectCreationOperation { Initializer: { } members })
                {
                    continue;
                }

                foreach (var member in members.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" } } assignment
                        && Endpoints.Resolve(assignment.Value) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        /// <summary><c>client.BaseAddress = ...</c>, or <c>BaseAddress = ...</c> in the initializer of the local's own creation.</summary>
        private static bool IsClientLocal(IOperation? instance, ILocalSymbol local)
        {
            if (instance is ILocalReferenceOperation reference)
            {
                return SymbolEqualityComparer.Default.Equals(reference.Local, local);
            }

            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                var creation = instance.Parent;
                while (creation != null && creation is not IObjectCreationOperation)
                {
                    creation = creation.Parent;
                }

                var parent = creation?.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local);
            }

            return false;
        }

        /// <summary>Personal information in the address (query string) or in what is sent with it.</summary>
        private static PiEvidence? FindPersonal(NetworkCall call, TransmittedData data, System.Threading.CancellationToken cancellationToken)
        {
            var evidence = data.Find(call.Address, Rendering.Text, cancellationToken);
            foreach (var payload in call.Payload)
            {
                evidence ??= data.Find(payload, Rendering.Structured, cancellationToken);
            }

            return evidence;
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
