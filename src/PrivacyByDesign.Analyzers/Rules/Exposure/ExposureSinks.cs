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
    /// debug and trace output, telemetry. Each type is resolved only once an invoked method belongs to a type of its name;
    /// a framework that is not referenced or not used costs nothing.
    /// </summary>
    internal sealed class ExposureSinks
    {
        private static readonly string[] SerilogLevels = { "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write" };
        private static readonly string[] NLogLevels = { "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace" };
        private static readonly string[] Log4NetLevels = { "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat" };

        private readonly KnownType _melLogger;
        private readonly KnownType _melLoggerExtensions;
        private readonly KnownType _loggerMessageAttribute;
        private readonly KnownType _logPropertiesAttribute;
        private readonly INamedTypeSymbol? _dataClassificationAttribute;
        private readonly KnownType _serilogLogger;
        private readonly KnownType _serilogLog;
        private readonly KnownType _nlogLoggerBase;
        private readonly KnownType _nlogLogger;
        private readonly KnownType _log4net;
        private readonly KnownType _console;
        private readonly KnownType _debug;
        private readonly KnownType _trace;
        private readonly KnownType _traceSource;
        private readonly KnownType _textWriter;
        private readonly KnownType _activity;
        private readonly KnownType _tagList;
        private readonly KnownType _instrument;
        private readonly KnownType _telemetryClient;

        public ExposureSinks(Compilation compilation)
        {
            _melLogger = new KnownType(compilation, "Microsoft.Extensions.Logging.ILogger");
            _melLoggerExtensions = new KnownType(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerMessageAttribute = new KnownType(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _logPropertiesAttribute = new KnownType(compilation, "Microsoft.Extensions.Logging.LogPropertiesAttribute");
            _dataClassificationAttribute = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            _serilogLogger = new KnownType(compilation, "Serilog.ILogger");
            _serilogLog = new KnownType(compilation, "Serilog.Log");
            _nlogLoggerBase = new KnownType(compilation, "NLog.ILoggerBase");
            _nlogLogger = new KnownType(compilation, "NLog.Logger");
            _log4net = new KnownType(compilation, "log4net.ILog");
            _console = new KnownType(compilation, "System.Console");
            _debug = new KnownType(compilation, "System.Diagnostics.Debug");
            _trace = new KnownType(compilation, "System.Diagnostics.Trace");
            _traceSource = new KnownType(compilation, "System.Diagnostics.TraceSource");
            _textWriter = new KnownType(compilation, "System.IO.TextWriter");
            _activity = new KnownType(compilation, "System.Diagnostics.Activity");
            _tagList = new KnownType(compilation, "System.Diagnostics.TagList");
            _instrument = new KnownType(compilation, "System.Diagnostics.Metrics.Instrument");
            _telemetryClient = new KnownType(compilation, "Microsoft.ApplicationInsights.TelemetryClient");
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

            if (_melLoggerExtensions.Is(type) && (method.Name.StartsWith("Log", StringComparison.Ordinal) || method.Name == "BeginScope"))
            {
                AddArguments(invocation, values, skipFirst: true, rendering: method.Name == "BeginScope" ? Rendering.Structured : Rendering.Text);
                return "the log (" + Display() + ")";
            }

            if (method.Name is "Log" or "BeginScope" && _melLogger.IsOrIsImplementedBy(type))
            {
                AddArguments(invocation, values, skipFirst: false, rendering: Rendering.Structured);
                return "the log (" + Display() + ")";
            }

            if (_loggerMessageAttribute.IsOn(method.PartialDefinitionPart ?? method))
            {
                return LoggerMessage(invocation, values) ? "the log ([LoggerMessage] " + Display() + ")" : null;
            }

            if (Array.IndexOf(SerilogLevels, method.Name) >= 0 && IsSerilog(type))
            {
                AddTemplateArguments(invocation, values);
                return "the log (Serilog " + method.Name + ")";
            }

            if (method.Name == "ForContext" && IsSerilog(type) && invocation.Arguments.Length >= 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                bool destructure = invocation.Arguments.Length > 2 && invocation.Arguments[2].Value.ConstantValue is { HasValue: true, Value: true };
                values.Add(new SinkValue(invocation.Arguments[1].Value, destructure ? Rendering.Structured : Rendering.Text));
                return "the log (Serilog ForContext)";
            }

            if (Array.IndexOf(NLogLevels, method.Name) >= 0 && (_nlogLoggerBase.IsOrIsImplementedBy(type) || _nlogLogger.IsOrIsBaseOf(type)))
            {
                AddTemplateArguments(invocation, values);
                return "the log (NLog " + method.Name + ")";
            }

            if (Array.IndexOf(Log4NetLevels, method.Name) >= 0 && _log4net.IsOrIsImplementedBy(type))
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the log (log4net " + method.Name + ")";
            }

            if (_console.Is(type) && method.Name is "Write" or "WriteLine")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the console (" + Display() + ")";
            }

            if (method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" && _textWriter.IsOrIsBaseOf(type)
                && invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } writer && _console.Is(writer.Property.ContainingType))
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "the console (Console." + writer.Property.Name + "." + method.Name + ")";
            }

            if ((_debug.Is(type) || _trace.Is(type)) && method.Name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "Fail" or "Assert" or "TraceInformation" or "TraceWarning" or "TraceError")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "debug and trace output (" + Display() + ")";
            }

            if (_traceSource.Is(type) && method.Name is "TraceEvent" or "TraceInformation" or "TraceData")
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Text);
                return "trace output (" + Display() + ")";
            }

            if (_activity.Is(type) && method.Name is "SetTag" or "AddTag" or "SetBaggage" or "AddBaggage" or "AddEvent" or "SetStatus")
            {
                AddArguments(invocation, values, skipFirst: method.Name != "AddEvent", Rendering.Text);
                return "telemetry (" + Display() + ")";
            }

            if (_tagList.Is(type) && method.Name is "Add")
            {
                AddArguments(invocation, values, skipFirst: invocation.Arguments.Length > 1, Rendering.Text);
                return "telemetry (TagList.Add)";
            }

            if (method.Name is "Add" or "Record" && _instrument.IsOrIsBaseOf(type))
            {
                AddArguments(invocation, values, skipFirst: true, Rendering.Text);
                return "telemetry (" + type.Name + "." + method.Name + ")";
            }

            if (_telemetryClient.Is(type) && method.Name.StartsWith("Track", StringComparison.Ordinal))
            {
                AddArguments(invocation, values, skipFirst: false, Rendering.Structured);
                return "telemetry (TelemetryClient." + method.Name + ")";
            }

            return null;
        }

        private bool IsSerilog(INamedTypeSymbol type) => _serilogLogger.IsOrIsImplementedBy(type) || _serilogLog.Is(type);

        /// <summary>
        /// [LoggerMessage] methods: the generated code logs every parameter, except parameters carrying a
        /// DataClassificationAttribute, which Microsoft's redaction pipeline redacts (our attributes are such on .NET 8+).
        /// </summary>
        private bool LoggerMessage(IInvocationOperation invocation, List<SinkValue> values)
        {
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || parameter.Type.Name is "ILogger" or "Exception" or "LogLevel" || _melLogger.IsOrIsImplementedBy(parameter.Type))
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

                bool properties = _logPropertiesAttribute.IsOn(declared);
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
