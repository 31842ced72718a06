using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyByDesign.Benchmarks;

// A wrapper, not an analyzer of its own: the wrapped analyzer declares itself, enables concurrency, configures
// generated code and registers its actions through the contexts below.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// Runs an analyzer with every callback it registers timed in CPU time of the thread that runs it (Linux
/// <c>CLOCK_THREAD_CPUTIME_ID</c>), summed over all wrapped analyzers in <see cref="Nanoseconds"/>. Measured inside the
/// same compile as the compile's own CPU time, the package's share does not move with the machine's speed from one
/// round to the next the way two separate compiles do. Only the registrations the package uses are supported.
/// </summary>
public sealed class CpuTimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private static long s_nanoseconds;
    private long _nanoseconds;

    /// <summary>CPU time spent in every wrapped analyzer's callbacks since the process started.</summary>
    public static long Nanoseconds => Interlocked.Read(ref s_nanoseconds);

    /// <summary>CPU time spent in this analyzer's callbacks since it was made.</summary>
    public long OwnNanoseconds => Interlocked.Read(ref _nanoseconds);

    public string Name => inner.GetType().Name;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedAnalysisContext(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        long start = ThreadCpuNanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            long spent = ThreadCpuNanoseconds() - start;
            Interlocked.Add(ref _nanoseconds, spent);
            Interlocked.Add(ref s_nanoseconds, spent);
        }
    };

    private static long ThreadCpuNanoseconds()
    {
        if (clock_gettime(ThreadCpuClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed; the own-CPU measurement needs Linux");
        }

        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    private const int ThreadCpuClock = 3;   // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private sealed class TimedAnalysisContext(AnalysisContext context, CpuTimedAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => context.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(start => action(new TimedCompilationStartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationAction(owner.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            => context.RegisterSymbolAction(owner.Timed(action), symbolKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => context.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => context.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => context.RegisterAdditionalFileAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported();
    }

    private sealed class TimedCompilationStartContext(CompilationStartAnalysisContext context, CpuTimedAnalyzer owner)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationEndAction(owner.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            => context.RegisterSymbolAction(owner.Timed(action), symbolKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => context.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => context.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => context.RegisterAdditionalFileAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported();
    }

    private static NotSupportedException Unsupported() => new("the package registers no such action; time it here before it does");
}
