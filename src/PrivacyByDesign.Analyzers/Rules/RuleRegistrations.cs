using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyByDesign.Analyzers.Rules
{
    /// <summary>
    /// What one hosted rule registers when it initializes (<see cref="PrivacyRulesAnalyzer"/>), replayed into each
    /// compilation: every registration is kept as a compilation start action (one made outside a compilation start,
    /// as one made at its start), so there is one way to replay them. Only the kinds of registration the rules use are
    /// supported; another one fails the host's initialization, and with it every test that runs the host, until it is
    /// added here.
    /// </summary>
    internal sealed class RuleRegistrations : AnalysisContext
    {
        private readonly DiagnosticAnalyzer _rule;
        private readonly List<Action<CompilationStartAnalysisContext>> _compilationStart = new();

        private RuleRegistrations(DiagnosticAnalyzer rule) => _rule = rule;

        public static RuleRegistrations Record(DiagnosticAnalyzer rule)
        {
            var registrations = new RuleRegistrations(rule);
            rule.Initialize(registrations);
            return registrations;
        }

        /// <summary>
        /// Whether every rule of the analyzer is switched off for the whole compilation: by <c>/nowarn</c> or a rule set,
        /// or in the global configuration with no source file's .editorconfig switching it back on. Anything less
        /// certain (category-wide settings among them) counts as on: running a rule that is off only costs time, as the
        /// compiler drops what it reports, while skipping one that is on would lose findings.
        /// </summary>
        public bool IsOff(Compilation compilation, CancellationToken cancellationToken)
            => _rule.SupportedDiagnostics.All(d => IsOff(d, compilation, cancellationToken));

        /// <summary>Replays the rule's registrations in the order it made them: its operation, syntax and symbol actions into <paramref name="merged"/>, the rest into <paramref name="start"/>.</summary>
        public void Start(CompilationStartAnalysisContext start, MergedActions merged)
        {
            var recording = new StartContext(start, merged);
            foreach (var action in _compilationStart)
            {
                action(recording);
            }
        }

        private static bool IsOff(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
        {
            if (descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable))
            {
                return !descriptor.IsEnabledByDefault;
            }

            var options = compilation.Options;
            var trees = options.SyntaxTreeOptionsProvider;
            var report = options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific) ? specific
                : trees != null && trees.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global) ? global
                : descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
            if (report != ReportDiagnostic.Suppress)
            {
                return false;
            }

            return trees == null || !compilation.SyntaxTrees.Any(tree => trees.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var inTree) && inTree != ReportDiagnostic.Suppress);
        }

        public override void EnableConcurrentExecution()
        {
            // The host enables it for all of them.
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
            if (analysisMode != AnalyzerDefaults.GeneratedCode)
            {
                throw Unsupported(nameof(ConfigureGeneratedCodeAnalysis) + " other than AnalyzerDefaults.GeneratedCode");
            }
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => _compilationStart.Add(action);

        // A compilation action runs when the compilation is complete, as an end action does.
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _compilationStart.Add(start => start.RegisterCompilationEndAction(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _compilationStart.Add(start => start.RegisterAdditionalFileAction(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _compilationStart.Add(start => start.RegisterSymbolAction(action, symbolKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _compilationStart.Add(start => start.RegisterOperationAction(action, operationKinds));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _compilationStart.Add(start => start.RegisterSyntaxNodeAction(action, syntaxKinds));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported(nameof(RegisterSemanticModelAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported(nameof(RegisterSyntaxTreeAction));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockStartAction));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockAction));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported(nameof(RegisterSymbolStartAction));

        private static NotSupportedException Unsupported(string registration)
            => new(registration + " is not hosted by PrivacyRulesAnalyzer; add it to RuleRegistrations");

        /// <summary>A rule's compilation start: its end and additional-file actions go to the compiler, the rest are merged.</summary>
        private sealed class StartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _start;
            private readonly MergedActions _merged;

            // RS1012 cannot see that the registrations below are forwarded to `start`.
#pragma warning disable RS1012
            public StartContext(CompilationStartAnalysisContext start, MergedActions merged)
#pragma warning restore RS1012
                : base(start.Compilation, start.Options, start.CancellationToken)
            {
                _start = start;
                _merged = merged;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _start.RegisterCompilationEndAction(action);

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _start.RegisterAdditionalFileAction(action);

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _merged.Add(action, symbolKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _merged.Add(action, operationKinds);

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _merged.Add(action, syntaxKinds);

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported(nameof(RegisterSemanticModelAction));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported(nameof(RegisterCodeBlockStartAction));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterCodeBlockAction));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported(nameof(RegisterSyntaxTreeAction));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockStartAction));

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported(nameof(RegisterOperationBlockAction));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported(nameof(RegisterSymbolStartAction));
        }
    }

    /// <summary>
    /// The operation, syntax-node and symbol actions of the hosted rules by kind, registered with the compiler as one
    /// action per sort that calls, for the kind at hand, the rules' actions in the order they were added.
    /// </summary>
    internal sealed class MergedActions
    {
        private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _operations = new();
        private readonly Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> _nodes = new();
        private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> _symbols = new();

        public void Add(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) => Add(_operations, action, kinds);

        public void Add(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> kinds) => Add(_symbols, action, kinds);

        public void Add<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds)
            where TLanguageKindEnum : struct
            => Add(_nodes, action, kinds.Select(k => (SyntaxKind)(object)k));

        public void RegisterWith(CompilationStartAnalysisContext start)
        {
            if (_operations.Count > 0)
            {
                var byKind = Freeze(_operations);
                start.RegisterOperationAction(c => Run(byKind[c.Operation.Kind], c), byKind.Keys.ToImmutableArray());
            }

            if (_nodes.Count > 0)
            {
                var byKind = Freeze(_nodes);
                start.RegisterSyntaxNodeAction(c => Run(byKind[(SyntaxKind)c.Node.RawKind], c), byKind.Keys.ToImmutableArray());
            }

            if (_symbols.Count > 0)
            {
                var byKind = Freeze(_symbols);
                start.RegisterSymbolAction(c => Run(byKind[c.Symbol.Kind], c), byKind.Keys.ToImmutableArray());
            }
        }

        private static void Run<TContext>(Action<TContext>[] actions, TContext context)
        {
            foreach (var action in actions)
            {
                action(context);
            }
        }

        private static void Add<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> byKind, Action<TContext> action, IEnumerable<TKind> kinds)
            where TKind : struct
        {
            foreach (var kind in kinds)
            {
                if (!byKind.TryGetValue(kind, out var actions))
                {
                    byKind[kind] = actions = new List<Action<TContext>>();
                }

                actions.Add(action);
            }
        }

        private static Dictionary<TKind, Action<TContext>[]> Freeze<TKind, TContext>(Dictionary<TKind, List<Action<TContext>>> byKind)
            where TKind : struct
            => byKind.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }
}
