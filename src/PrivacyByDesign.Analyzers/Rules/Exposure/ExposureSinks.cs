using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Flow;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rules.Exposure
{
    /// <summary>One value handed to an exposure sink, and how the sink renders it.</summary>
    internal readonly struct SinkValue
    {
        public SinkValue(IOperation value, Rendering rendering)
        {
            Value = value;
            Rendering = rendering;
        }

        public IOperation Value { get; }

        public Rendering Rendering { get; }
    }

    /// <summary>
    /// The places personal information leaks into output that outlives its purpose: logging frameworks, console,
    /// debug and trace output, telemetry. Types are resolved once per compilation; a framework that is not referenced
    /// costs nothing.
    /// </summary>
    internal sealed class ExposureSinks
    {
        private static readonly string[] SerilogLevels = { "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write" };
        private static readonly string[] NLogLevels = { "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace" };
        private static readonly string[] Log4NetLevels = { "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat" };

        private readonly INamedTypeSymbol? _melLogger;
        private readonly INamedTypeSymbol? _melLoggerExtensions;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly INamedTypeSymbol? _logPropertiesAttribute;
        private readonly INamedTypeSymbol? _dataClassificationAttribute;
        private readonly INamedTypeSymbol? _serilogLogger;
        private readonly INamedTypeSymbol? _serilogLog;
        private readonly INamedTypeSymbol? _nlogLoggerBase;
        private readonly INamedTypeSymbol? _nlogLogger;
        private readonly INamedTypeSymbol? _log4net;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _trace;
        private readonly INamedTypeSymbol? _traceSource;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _activity;
        private readonly INamedTypeSymbol? _tagList;
        private readonly INamedTypeSymbol? _instrument;
        private readonly INamedTypeSymbol? _telemetryClient;

        public ExposureSinks(Compilation compilation)
        {
            _melLogger = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Logging.ILogger");
            _melLoggerExtensions = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerMessageAttribute = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _logPropertiesAttribute = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Logging.LogPropertiesAttribute");
            _dataClassificationAttribute = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            _serilogLogger = PrivacySymbols.Find(compilation, "Serilog.ILogger");
            _serilogLog = PrivacySymbols.Find(compilation, "Serilog.Log");
            _nlogLoggerBase = PrivacySymbols.Find(compilation, "NLog.ILoggerBase");
            _nlogLogger = PrivacySymbols.Find(compilation, "NLog.Logger");
            _log4net = PrivacySymbols.Find(compilation, "log4net.ILog");
            _console = PrivacySymbols.Find(compilation, "System.Console");
            _debug = PrivacySymbols.Find(compilation, "System.Diagnostics.Debug");
            _trace = PrivacySymbols.Find(compilation, "System.Diagnostics.Trace");
            _traceSource = PrivacySymbols.Find(compilation, "System.Diagnostics.TraceSource");
            _textWriter = PrivacySymbols.Find(compilation, "System.IO.TextWriter");
            _activity = PrivacySymbols.Find(compilation, "System.Diagnostics.Activity");
            _tagList = PrivacySymbols.Find(compilation, "System.Diagnostics.TagList");
            _instrument = PrivacySymbols.Find(compilation, "System.Diagnostics.Metrics.Instrument");
            _telemetryClient = PrivacySymbols.Find(compilation, "Microsoft.ApplicationInsights.TelemetryClient");
        }

        /// <summary>The sink an invocation writes to ("the log (ILogger.LogInformation)") and the values it renders; null when it is no sink.</summary>
        public string? Match(IInvocationOperation invocation, List<SinkValue> values)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            // Named only for the sinks found: most invocations are not one.
            string Display() => type.Name + "." + method.Name;

            if (_melLoggerExtensions != null && Same(type, _melLoggerExtensions) && (method.Name.StartsWith("Log", StringComparison.Ordinal) || method.Name == "BeginScope"))
            {
                AddArguments(invocation, values, skipFirst: true, rendering: method.Name == "BeginScope" ? Rendering.Structured : Rendering.Text);
                return "the log (" + Display() + ")";
            }

            if (_melLogger != null && IsOrImplements(type, _melLogger) && method.Name is "Log" or "BeginScope")
            {
                AddArguments(invocation, values, skipFirst: false, rendering: Rendering.Structured);
                return "the log (" + Display() + ")";
            }

            if (_loggerMessageAttribute != null && HasAttribute(method.PartialDefinitionPart ?? method, _loggerMessageAttribute))
            {
                return LoggerMessage(invocation, values) ? "the log ([LoggerMessage] " + Display() + ")" : null;
            }

            if ((_serilogLogger != null && IsOrImplements(type, _serilogLogger) || (_serilogLog != null && Same(type, _serilogLog)))
                && Array.IndexOf(SerilogLevels, method.Name) >= 0)
            {
                AddTemplateArguments(invocation, values);
                return "the log (Serilog " + method.Name + ")";
            }

            if ((_serilogLogger != null && IsOrImplements(type, _serilogLogger) || (_serilogLog != null && Same(type, _serilogLog)))
                && method.Name == "ForContext" && invocation.Arguments.Length >= 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                bool destructure = invocation.Arguments.Length > 2 && invocation.Arguments[2].Value.ConstantValue is { HasValue: true, Value: true };
                values.Add(new SinkValue(invocation.Arguments[1].Value, destructure ? Rendering.Structured : Rendering.Text));
                return "the log (Serilog ForContext)";
            }

            if ((IsOrImplements(type, _nlogLoggerBase) || IsOrDerivesFrom(type, _nlogLogger)) && Array.IndexOf(NLogLevels, method.Name) >= 0)
            {
                AddTemplateArguments(invocation, values);
                return "the log (NLog " + method.Name + ")";
            }

            if (IsOrImplements(type, _log4net) && Array.IndexOf(Log4NetLevels, method.Name) >= 0)
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the log (log4net " + method.Name + ")";
            }

            if (Same(type, _console) && method.Name is "Write" or "WriteLine")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the console (" + Display() + ")";
            }

            if (_textWriter != null && IsOrDerivesFrom(type, _textWriter) && method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync"
                && invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } writer && Same(writer.Property.ContainingType, _console))
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the console (Console." + writer.Property.Name + "." + method.Name + ")";
            }

            if ((Same(type, _debug) || Same(type, _trace)) && method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "Fail" or "Assert" or "TraceInformation" or "TraceWarning" or "TraceError")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "debug and trace output (" + Display() + ")";
            }

            if (Same(type, _traceSource) && method.Name is "TraceEvent" or "TraceInformation" or "TraceData")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "trace output (" + Display() + ")";
            }

            if (Same(type, _activity) && method.Name is "SetTag" or "AddTag" or "SetBaggage" or "AddBaggage" or "AddEvent" or "SetStatus")
            {
                AddArguments(invocation, values, skipFirst: method.Name != "AddEvent", Rendering.Text);
                return "telemetry (" + Display() + ")";
            }

            if (Same(type, _tagList) && method.Name is "Add")
            {
                AddArguments(invocation, values, skipFirst: invocation.Arguments.Length > 1, Rendering.Text);
                return "telemetry (TagList.Add)";
            }

            if (_instrument != null && IsOrDerivesFrom(type, _instrument) && method.Name is "Add" or "Record")
            {
                AddArguments(invocation, values, skipFirst: true, Rendering.Text);
                return "telemetry (" + type.Name + "." + method.Name + ")";
            }

            if (Same(type, _telemetryClient) && method.Name.StartsWith("Track", StringComparison.Ordinal))
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Structured);
                return "telemetry (TelemetryClient." + method.Name + ")";
            }

            return null;
        }

        /// <summary>
        /// [LoggerMessage] methods: the generated code logs every parameter, except parameters carrying a
        /// DataClassificationAttribute, which Microsoft's redaction pipeline redacts (our attributes are such on .NET 8+).
        /// </summary>
        private bool LoggerMessage(IInvocationOperation invocation, List<SinkValue> values)
        {
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || parameter.Type.Name is "ILogger" or "Exception" or "LogLevel" || IsOrImplements(parameter.Type, _melLogger))
                {
                    continue;
                }

                var declared = parameter.ContainingSymbol is IMethodSymbol { PartialDefinitionPart: { } definition } && parameter.Ordinal < definition.Parameters.Length
                    ? definition.Parameters[parameter.Ordinal]
                    : parameter;
                if (_dataClassificationAttribute != null && HasAttribute(declared, _dataClassificationAttribute, orDerived: true))
                {
                    continue;
                }

                bool properties = _logPropertiesAttribute != null && HasAttribute(declared, _logPropertiesAttribute);
                values.Add(new SinkValue(argument.Value, properties ? Rendering.Structured : Rendering.Text));
            }

            return values.Count > 0;
        }

        private static void AddArguments(IInvocationOperation invocation, List<SinkValue> values, bool skipFirst, Rendering rendering)
        {
            for (int i = skipFirst ? 1 : 0; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                if (argument.Parameter?.Type.Name is "Exception" or "EventId" or "LogLevel")
                {
                    continue;
                }

                AddFlattened(argument, values, rendering);
            }
        }

        /// <summary>Serilog and NLog: `{@Name}` holes destructure the matching argument; other holes render it as text.</summary>
        private static void AddTemplateArguments(IInvocationOperation invocation, List<SinkValue> values)
        {
            int templateIndex = -1;
            for (int i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    templateIndex = i;
                    break;
                }
            }

            var holes = templateIndex >= 0 && invocation.Arguments[templateIndex].Value.ConstantValue is { HasValue: true, Value: string template }
                ? MessageTemplate.Holes(template)
                : ImmutableArray<MessageTemplate.Hole>.Empty;
            if (templateIndex >= 0)
            {
                values.Add(new SinkValue(invocation.Arguments[templateIndex].Value, Rendering.Text));
            }

            var arguments = new List<IOperation>();
            for (int i = templateIndex + 1; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                if (argument.Parameter?.Type.Name is "Exception" or "LogEventLevel" or "LogLevel" or "IFormatProvider")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    arguments.AddRange(initializer.ElementValues);
                }
                else
                {
                    arguments.Add(argument.Value);
                }
            }

            bool positional = !holes.IsEmpty && holes.All(h => h.Position >= 0);
            for (int i = 0; i < arguments.Count; i++)
            {
                var hole = positional ? holes.FirstOrDefault(h => h.Position == i) : (i < holes.Length ? holes[i] : null);
                values.Add(new SinkValue(arguments[i], hole?.Destructure == true ? Rendering.Structured : Rendering.Text));
            }

            // Exceptions and non-template overloads before the template (e.g. Error(ex, "...")) are not rendered.
        }

        private static void AddFlattened(IArgumentOperation argument, List<SinkValue> values, Rendering rendering)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    values.Add(new SinkValue(element, rendering));
                }
            }
            else
            {
                values.Add(new SinkValue(argument.Value, rendering));
            }
        }
    }
}
