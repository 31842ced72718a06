using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Rules;
using PrivacyByDesign.Analyzers.Rules.Exposure;
using PrivacyByDesign.Tests.Robustness;

namespace PrivacyByDesign.Tests.Rules;

/// <summary>
/// The rules that warn by default run inside one analyzer (<see cref="PrivacyRulesAnalyzer"/>): it must report what
/// the same rules report as separate analyzers, run every action a rule registers for the kind at hand, and skip a
/// rule only when the compilation switches all of its diagnostics off.
/// </summary>
public sealed class RuleHostingTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(PrivacyRulesAnalyzer).Assembly;

    [Fact]
    public void Every_rule_is_hosted_or_loaded_by_the_compiler_never_both()
    {
        var hosted = PrivacyRulesAnalyzer.HostedRules.Select(r => r.GetType()).ToHashSet();
        var analyzerTypes = AnalyzerAssembly.GetTypes().Where(t => !t.IsAbstract && t.IsPublic && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).ToList();
        Assert.Equal(PrivacyRulesAnalyzer.HostedRules.Length, hosted.Count);
        foreach (var type in analyzerTypes)
        {
            bool loaded = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null;
            Assert.True(loaded ^ hosted.Contains(type), $"{type.Name} must be either hosted by PrivacyRulesAnalyzer or carry [DiagnosticAnalyzer]");
            if (type == typeof(PrivacyRulesAnalyzer))
            {
                continue;
            }

            // A build skips a separate analyzer whose rules all stay below warning; hosting one would lose that.
            var rule = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            bool warns = rule.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning);
            Assert.True(warns == hosted.Contains(type), $"{type.Name}: hosted exactly when one of its rules warns by default");
        }
    }

    [Fact]
    public void The_host_declares_every_hosted_rule_once()
    {
        var expected = PrivacyRulesAnalyzer.HostedRules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        var declared = new PrivacyRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        Assert.Equal(expected, declared.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task The_host_reports_what_the_rules_report_as_separate_analyzers(int index)
    {
        var compilation = Compile(RealisticSources.All[index]);
        var hosted = await DiagnosticsAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyRulesAnalyzer()));
        var separate = await DiagnosticsAsync(compilation, PrivacyRulesAnalyzer.HostedRules);

        Assert.NotEmpty(separate);
        Assert.Equal(separate, hosted);
    }

    [Fact]
    public async Task Each_action_runs_for_its_kinds_in_the_order_the_rules_registered_them()
    {
        var log = new List<string>();
        var host = new PrivacyRulesAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeRule("A", log), new ProbeRule("B", log)));
        await DiagnosticsAsync(Compile("class C { int M() { return 1 + 2; } }"), ImmutableArray.Create<DiagnosticAnalyzer>(host));

        // Literal operations 1 and 2, the method symbol and the class declaration, each for A then B.
        Assert.Equal(new[] { "A literal", "B literal" }, log.Where(e => e.EndsWith(" literal", StringComparison.Ordinal)).Take(2));
        Assert.Equal(4, log.Count(e => e.EndsWith(" literal", StringComparison.Ordinal)));
        Assert.Equal(new[] { "A method M", "B method M" }, log.Where(e => e.EndsWith(" method M", StringComparison.Ordinal)));
        Assert.Equal(new[] { "A class", "B class" }, log.Where(e => e.EndsWith(" class", StringComparison.Ordinal)));
        Assert.Equal(new[] { "A end", "B end" }, log.Where(e => e.EndsWith(" end", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rule_switched_off_for_the_compilation_does_not_run()
    {
        var log = new List<string>();
        var host = ImmutableArray.Create<DiagnosticAnalyzer>(new PrivacyRulesAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeRule("A", log))));
        var source = "class C { int M() => 1; }";

        await DiagnosticsAsync(Compile(source, ("PROBE", ReportDiagnostic.Suppress)), host);
        Assert.Empty(log);

        await DiagnosticsAsync(Compile(source, ("PROBE", ReportDiagnostic.Error)), host);
        Assert.NotEmpty(log);
    }

    [Fact]
    public void A_rule_is_off_only_when_nothing_in_the_compilation_switches_it_on()
    {
        var exposure = RuleRegistrations.Record(new PersonalInfoExposedAnalyzer());
        var one = CSharpSyntaxTree.ParseText("class A { }", path: "A.cs");
        var two = CSharpSyntaxTree.ParseText("class B { }", path: "B.cs");
        bool IsOff(CSharpCompilationOptions options) => exposure.IsOff(CSharpCompilation.Create("t", new[] { one, two }, options: options), CancellationToken.None);
        var library = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var both = new[] { "PBD1001", "PBD1002" };

        Assert.False(IsOff(library));
        Assert.True(IsOff(library.WithSpecificDiagnosticOptions(both.ToDictionary(id => id, _ => ReportDiagnostic.Suppress))));
        Assert.False(IsOff(library.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["PBD1001"] = ReportDiagnostic.Suppress })));

        var globallyOff = both.ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
        Assert.True(IsOff(library.WithSyntaxTreeOptionsProvider(new TreeOptions(globallyOff, new Dictionary<SyntaxTree, string>()))));
        // One file's .editorconfig switching a rule back on keeps the whole rule running.
        Assert.False(IsOff(library.WithSyntaxTreeOptionsProvider(new TreeOptions(globallyOff, new Dictionary<SyntaxTree, string> { [two] = "PBD1002" }))));
    }

    private static CSharpCompilation Compile(string source, params (string Id, ReportDiagnostic Report)[] options)
        => CSharpCompilation.Create(
            "hosting",
            new[] { CSharpSyntaxTree.ParseText(source, path: "Source.cs") },
            RobustnessTests.FrameworkReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(options.ToDictionary(o => o.Id, o => o.Report)));

    private static async Task<List<string>> DiagnosticsAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
    }

#pragma warning disable RS1001, RS1025, RS1026 // test rules, hosted like the package's
    /// <summary>Logs each callback it gets: operation and syntax-node actions from its compilation start, symbol and end actions at the top.</summary>
    private sealed class ProbeRule(string name, List<string> log) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("PROBE", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(PrivacyByDesign.Analyzers.AnalyzerDefaults.GeneratedCode);
            context.RegisterSymbolAction(c => Log("method " + c.Symbol.Name), SymbolKind.Method);
            context.RegisterCompilationAction(_ => Log("end"));
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(_ => Log("literal"), OperationKind.Literal);
                start.RegisterSyntaxNodeAction(_ => Log("class"), SyntaxKind.ClassDeclaration);
            });
        }

        private void Log(string entry)
        {
            lock (log)
            {
                log.Add(name + " " + entry);
            }
        }
    }
#pragma warning restore RS1001, RS1025, RS1026

    /// <summary>Global severities plus, per tree, one rule it switches to warning (what .editorconfig sections give the compiler).</summary>
    private sealed class TreeOptions(Dictionary<string, ReportDiagnostic> global, Dictionary<SyntaxTree, string> onInTree) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Warn;
            return onInTree.TryGetValue(tree, out var id) && id == diagnosticId;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => global.TryGetValue(diagnosticId, out severity);
    }
}
