using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Flow;
using PrivacyByDesign.Analyzers.Network;
using PrivacyByDesign.Analyzers.Sharing;

namespace PrivacyByDesign.Analyzers.Rules.Sharing
{
    /// <summary>
    /// PBD5001/PBD5002: personal information sent to a third party — a request to a known third-party host or a call into
    /// a known SDK namespace (analytics, advertising, crash reporting, push, maps, payments…) — that is not declared as a
    /// recipient, or that is abroad with no PIPL Art. 38 mechanism declared.
    /// </summary>
    public sealed class PersonalInfoSharedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor UndeclaredRule = new(
            RuleIdentifiers.UndeclaredRecipient,
            title: "Personal information is sent to a third party that is not declared as a recipient",
            messageFormat: "Personal information {0} is sent to {1}, which is not declared with [assembly: Recipient]",
            category: RuleCategories.Sharing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Declare the recipient (name, contact, purposes, categories; country and mechanism when abroad) so the privacy policy names it and separate consent can be asked for.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UndeclaredRecipient));

        internal static readonly DiagnosticDescriptor CrossBorderRule = new(
            RuleIdentifiers.CrossBorderWithoutMechanism,
            title: "Personal information is provided abroad without a cross-border mechanism",
            messageFormat: "Personal information {0} is sent to {1} in {2} (the processor is in {3}) without a declared cross-border mechanism (PIPL Article 38)",
            category: RuleCategories.Sharing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Set Mechanism on the recipient (security assessment, certification, standard contract or another legal condition) and Country.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.CrossBorderWithoutMechanism));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(UndeclaredRule, CrossBorderRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var flow = PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken);
                var state = new SharingState(
                    new NetworkApis(start.Compilation),
                    new TransmittedData(start.Compilation, flow),
                    flow,
                    DeclaredRecipients.For(start.Compilation),
                    new KnownThirdParties(flow.Classifier.Config.ThirdParties));
                start.RegisterOperationAction(state.AnalyzeNetworkCall, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(state.AnalyzeSdkCall, OperationKind.Invocation);
            });
        }

        private sealed class SharingState
        {
            private readonly NetworkApis _apis;
            private readonly TransmittedData _data;
            private readonly PersonalDataFlow _flow;
            private readonly DeclaredRecipients _recipients;
            private readonly KnownThirdParties _known;

            // Every invocation asks about its namespace; answer each namespace once.
            private readonly ConcurrentDictionary<INamespaceSymbol, (DeclaredRecipient? Declared, ThirdParty? Known)> _byNamespace = new(SymbolEqualityComparer.Default);

            public SharingState(NetworkApis apis, TransmittedData data, PersonalDataFlow flow, DeclaredRecipients recipients, KnownThirdParties known)
            {
                _apis = apis;
                _data = data;
                _flow = flow;
                _recipients = recipients;
                _known = known;
            }

            public void AnalyzeNetworkCall(OperationAnalysisContext context)
            {
                if (_apis.Match(context.Operation) is not { } call || Endpoints.Resolve(call.Address) is not { } address || HostOf(address) is not { } host)
                {
                    return;
                }

                var declared = _recipients.ForHost(host);
                var known = _known.ForHost(host);
                if (declared == null && known == null)
                {
                    return;
                }

                // Personal information in the query string or in anything the request carries.
                PiEvidence? evidence = _flow.Find(call.Address, Rendering.Text, context.CancellationToken);
                foreach (var payload in call.Payload)
                {
                    evidence ??= _data.Find(payload, Rendering.Structured, context.CancellationToken);
                }

                if (evidence != null)
                {
                    Report(context, context.Operation.Syntax.GetLocation(), evidence, declared ?? (known != null ? _recipients.ById(known.Id) : null), known, host);
                }
            }

            public void AnalyzeSdkCall(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                if (method.ContainingType?.ContainingNamespace is not { IsGlobalNamespace: false } ns)
                {
                    return;
                }

                var (declared, known) = _byNamespace.GetOrAdd(ns, n =>
                {
                    string display = n.ToDisplayString();
                    return (_recipients.ForNamespace(display), _known.ForNamespace(display));
                });
                if (declared == null && known == null)
                {
                    return;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (_flow.Find(argument.Value, Rendering.Structured, context.CancellationToken) is { } evidence)
                    {
                        Report(context, argument.Syntax.GetLocation(), evidence, declared ?? (known != null ? _recipients.ById(known.Id) : null), known, ns.ToDisplayString());
                        return;
                    }
                }
            }

            private void Report(OperationAnalysisContext context, Location location, PiEvidence evidence, DeclaredRecipient? declared, ThirdParty? known, string where)
            {
                string who = known != null ? $"{known.Name} ({where})" : $"{declared!.Name ?? declared.Id} ({where})";
                if (declared == null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(UndeclaredRule, location, evidence.Describe(), who));
                    return;
                }

                string? country = declared.Country ?? known?.Country;
                if (country != null && !string.Equals(country, _recipients.ProcessorCountry, StringComparison.OrdinalIgnoreCase) && declared.Mechanism == 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(CrossBorderRule, location, evidence.Describe(), who, country, _recipients.ProcessorCountry));
                }
            }

            /// <summary>The host of an absolute address whose host part is fully known, lower-cased; null otherwise.</summary>
            private static string? HostOf(LeadingText address)
            {
                string text = address.Text.Trim();
                int scheme = text.IndexOf("://", StringComparison.Ordinal);
                if (scheme <= 0)
                {
                    return null;
                }

                int start = scheme + 3;
                int end = text.IndexOfAny(new[] { '/', '?', '#', ':' }, start);
                if (end < 0 && !address.IsComplete)
                {
                    return null;
                }

                string host = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
                int at = host.LastIndexOf('@');
                host = at >= 0 ? host.Substring(at + 1) : host;
                return host.Length == 0 ? null : host.ToLowerInvariant();
            }
        }
    }
}
