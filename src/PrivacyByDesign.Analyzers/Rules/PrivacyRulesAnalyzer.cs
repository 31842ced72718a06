using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Analyzers.Rules.Collection;
using PrivacyByDesign.Analyzers.Rules.Exposure;
using PrivacyByDesign.Analyzers.Rules.Rights;
using PrivacyByDesign.Analyzers.Rules.Sharing;
using PrivacyByDesign.Analyzers.Rules.Storage;
using PrivacyByDesign.Analyzers.Rules.Transmission;

namespace PrivacyByDesign.Analyzers.Rules
{
    /// <summary>
    /// The analyzer the compiler runs for every rule that reports in a build. The compiler's driver walks each
    /// declaration's operations and syntax nodes once per analyzer that registers for any of them, whatever kinds it
    /// asks for: as separate analyzers the 17 rules with such actions cost 17 walks of every method body, hosted here
    /// one (docs/performance.md, "Fourth round"). Each rule stays its own <see cref="DiagnosticAnalyzer"/> class, which tests run alone; this one
    /// records what each registers (<see cref="RuleRegistrations"/>) and gives the compiler one action per kind that
    /// calls the rules registered for it, in the order of <see cref="HostedRules"/>.
    /// The rules that report only suggestions by default (PBD0001, PBD3003) stay separate analyzers: a build skips an
    /// analyzer whose rules are all below warning, which it could not do for a part of this one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PrivacyRulesAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The hosted rules; a new rule that warns by default belongs here, not under [DiagnosticAnalyzer].</summary>
        internal static readonly ImmutableArray<DiagnosticAnalyzer> HostedRules = ImmutableArray.Create<DiagnosticAnalyzer>(
            new InvalidConfigurationAnalyzer(),
            new UnknownCategoryAnalyzer(),
            new PersonalInfoExposedAnalyzer(),
            new ToStringExposesPersonalInfoAnalyzer(),
            new PlaintextEndpointAnalyzer(),
            new PlaintextEndpointInConfigurationAnalyzer(),
            new CertificateValidationDisabledAnalyzer(),
            new ObsoleteTlsProtocolAnalyzer(),
            new EncryptionDisabledAnalyzer(),
            new CollectionPointAnalyzer(),
            new UndeclaredPurposeAnalyzer(),
            new UnknownAppTypeAnalyzer(),
            new EssentialPurposeBeyondAppTypeAnalyzer(),
            new PreTickedConsentAnalyzer(),
            new BundledConsentAnalyzer(),
            new PersonalInfoStorageAnalyzer(),
            new RetentionNotDeclaredAnalyzer(),
            new PersonalInfoSharedAnalyzer(),
            new PublicEndpointDisclosureAnalyzer(),
            new IncompleteRecipientAnalyzer(),
            new RightsNotProvidedAnalyzer(),
            new ConsentNotWithdrawableAnalyzer(),
            new PrivacyDocumentsAnalyzer());

        private readonly ImmutableArray<DiagnosticAnalyzer> _rules;

        public PrivacyRulesAnalyzer()
            : this(HostedRules)
        {
        }

        /// <summary>Hosts other rule instances: the benchmarks wrap each rule to time it.</summary>
        internal PrivacyRulesAnalyzer(ImmutableArray<DiagnosticAnalyzer> rules)
        {
            _rules = rules;
            SupportedDiagnostics = rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToImmutableArray();
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            var rules = _rules.Select(RuleRegistrations.Record).ToImmutableArray();
            context.RegisterCompilationStartAction(start =>
            {
                var merged = new MergedActions();
                foreach (var rule in rules)
                {
                    // What the compiler does for a separate analyzer whose rules are all switched off.
                    if (!rule.IsOff(start.Compilation, start.CancellationToken))
                    {
                        rule.Start(start, merged);
                    }
                }

                merged.RegisterWith(start);
            });
        }
    }
}
