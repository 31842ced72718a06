using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Flow;
using PrivacyByDesign.Analyzers.Storage;

namespace PrivacyByDesign.Analyzers.Rules.Storage
{
    /// <summary>
    /// PBD4001–PBD4004: sensitive personal information persisted unprotected, C3 card authentication data persisted at all,
    /// credentials not stored as salted hashes, raw biometric samples. Checks EF Core entities (members of every type a
    /// DbContext reaches, with protection declared by attribute or configured with an encrypting value converter) and
    /// direct writes through Dapper, ADO.NET parameters, IDistributedCache and files.
    /// </summary>
    public sealed class PersonalInfoStorageAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            StorageRules.SensitiveUnprotected, StorageRules.CardDataStored, StorageRules.CredentialNotHashed, StorageRules.RawBiometricStored);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(AnalyzerDefaults.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var flow = PersonalDataFlow.For(start.Compilation, start.Options, start.CancellationToken);
                var classifier = flow.Classifier;
                var sinks = new StorageSinks(start.Compilation);
                start.RegisterOperationAction(c => AnalyzeWrite(c, sinks, flow), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeParameterValue(c, sinks, flow), OperationKind.SimpleAssignment, OperationKind.ObjectCreation);

                var model = EfCoreModel.For(start.Compilation, start.CancellationToken);
                if (!model.IsPresent)
                {
                    return;
                }

                var configuration = new EfConfiguration(start.Compilation, flow);
                start.RegisterOperationAction(configuration.Collect, OperationKind.Invocation);
                start.RegisterCompilationEndAction(c => AnalyzeEntities(c, model, configuration, classifier));
            });
        }

        private static void AnalyzeWrite(OperationAnalysisContext context, StorageSinks sinks, PersonalDataFlow flow)
        {
            var values = new List<IOperation>();
            if (sinks.Match((IInvocationOperation)context.Operation, values) is { } store)
            {
                foreach (var value in values)
                {
                    ReportWrite(context, value, store, flow);
                }
            }
        }

        private static void AnalyzeParameterValue(OperationAnalysisContext context, StorageSinks sinks, PersonalDataFlow flow)
        {
            switch (context.Operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when sinks.IsParameterValue(target.Property):
                    ReportWrite(context, assignment.Value, "as an ADO.NET parameter", flow);
                    break;
                case IObjectCreationOperation creation when sinks.IsParameterCreation(creation.Type):
                    foreach (var argument in creation.Arguments.Where(a => a.Parameter?.Type.SpecialType == SpecialType.System_Object))
                    {
                        ReportWrite(context, argument.Value, "as an ADO.NET parameter", flow);
                    }

                    break;
            }
        }

        private static void ReportWrite(OperationAnalysisContext context, IOperation value, string store, PersonalDataFlow flow)
        {
            // A raw write stores the value as it is in memory: declared encryption at rest does not apply here.
            var evidence = flow.Find(value, Rendering.Structured, context.CancellationToken, c => StorageRules.Violated(c, InMemoryForm(c)) != null);
            if (evidence != null && StorageRules.Violated(evidence.Classification, InMemoryForm(evidence.Classification)) is { } rule)
            {
                var location = value.Syntax.Span.Contains(evidence.Syntax.Span) ? evidence.Syntax.GetLocation() : value.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(rule, location, evidence.Describe(), store));
            }
        }

        private static PiProtection InMemoryForm(PiClassification classification)
            => classification.HoldsProtectedValue ? classification.Protection : PiProtection.None;

        private static void AnalyzeEntities(CompilationAnalysisContext context, EfCoreModel model, EfConfiguration configuration, PersonalInfoClassifier classifier)
        {
            var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var entity in model.Entities(configuration.ConfiguredEntities))
            {
                foreach (var member in classifier.GetPersonalMembers(entity.Type))
                {
                    if (member.Member.IsStatic || IsComputed(member.Member))
                    {
                        continue;
                    }

                    var protection = configuration.ProtectionOf(member.Member) ?? member.Classification.Protection;
                    if (StorageRules.Violated(member.Classification, protection) is not { } rule || !reported.Add(member.Member))
                    {
                        continue;
                    }

                    var location = member.Member.Locations.FirstOrDefault(l => l.IsInSource);
                    if (location != null)
                    {
                        string owner = member.Member.ContainingType.Name + "." + member.Member.Name;
                        string describe = $"'{owner}' ({member.Classification.Describe()}; {member.Classification.Reason})";
                        context.ReportDiagnostic(Diagnostic.Create(rule, location, describe, "in EF Core entity '" + entity.Type.Name + "' (" + entity.ReachedFrom + ")"));
                    }
                }
            }
        }

        /// <summary>Expression-bodied get-only properties are computed, not mapped to a column.</summary>
        internal static bool IsComputed(ISymbol member)
            => member.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: not null });
    }

    /// <summary>
    /// What OnModelCreating and IEntityTypeConfiguration say: entity types configured with <c>Entity&lt;T&gt;()</c>, and
    /// properties given an encrypting value converter (a converter type marked <c>[StoredAs]</c>, one whose code calls a
    /// sanitiser such as <c>IDataProtector.Protect</c>, or conversion lambdas that call one).
    /// </summary>
    internal sealed class EfConfiguration
    {
        private readonly INamedTypeSymbol? _modelBuilder;
        private readonly INamedTypeSymbol? _valueConverter;
        private readonly INamedTypeSymbol? _storedAs;
        private readonly PersonalDataFlow _flow;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _entities = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, ITypeSymbol?> _converted = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _protectedByLambda = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _encryptingConverters = new(SymbolEqualityComparer.Default);

        public EfConfiguration(Compilation compilation, PersonalDataFlow flow)
        {
            _modelBuilder = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder");
            _valueConverter = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter");
            _storedAs = PrivacySymbols.Find(compilation, "PrivacyByDesign.StoredAsAttribute");
            _flow = flow;
        }

        public IEnumerable<INamedTypeSymbol> ConfiguredEntities => _entities.Keys;

        public void Collect(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name == "Entity" && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol entity
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, _modelBuilder))
            {
                _entities.TryAdd(entity, true);
            }
            else if (method.Name == "HasConversion" && ConfiguredProperty(invocation.Instance) is { } property)
            {
                var converterType = method.TypeArguments.FirstOrDefault(t => IsConverter(t))
                    ?? invocation.Arguments.Select(a => a.Value is IConversionOperation c ? c.Operand.Type : a.Value.Type).FirstOrDefault(IsConverter);
                _converted[property] = converterType;
                if (invocation.Arguments.Any(a => CallsSanitizer(a.Value)))
                {
                    _protectedByLambda[property] = true;
                }
            }
            else if (_flow.IsSanitizer(method) && context.ContainingSymbol.ContainingType is { } owner && IsConverter(owner))
            {
                _encryptingConverters.TryAdd(owner.OriginalDefinition, true);
            }
        }

        /// <summary>The protection fluent configuration gives a member, or null when it configures none.</summary>
        public PiProtection? ProtectionOf(ISymbol member)
        {
            if (_protectedByLambda.ContainsKey(member))
            {
                return PiProtection.Encrypted;
            }

            if (!_converted.TryGetValue(member, out var converter) || converter == null)
            {
                return null;
            }

            for (var type = converter; type != null; type = type.BaseType)
            {
                if (_encryptingConverters.ContainsKey(type.OriginalDefinition))
                {
                    return PiProtection.Encrypted;
                }

                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _storedAs) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int form)
                    {
                        return (PiProtection)form;
                    }
                }
            }

            return null;
        }

        /// <summary>The member in <c>.Property(x => x.Member)</c> at the start of a fluent chain.</summary>
        private static ISymbol? ConfiguredProperty(IOperation? receiver)
        {
            while (receiver is IInvocationOperation call)
            {
                if (call.TargetMethod.Name == "Property" && call.Arguments.Length == 1)
                {
                    var lambda = call.Arguments[0].Value;
                    while (lambda is IConversionOperation or IDelegateCreationOperation)
                    {
                        lambda = lambda is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)lambda).Target;
                    }

                    return lambda is IAnonymousFunctionOperation function
                        ? function.Body.Descendants().OfType<IMemberReferenceOperation>().Select(m => m.Member).FirstOrDefault()
                        : null;
                }

                receiver = call.Instance;
            }

            return null;
        }

        private bool CallsSanitizer(IOperation value)
            => value.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => _flow.IsSanitizer(i.TargetMethod));

        private bool IsConverter(ITypeSymbol? type)
        {
            for (var current = type; current != null && _valueConverter != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _valueConverter))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
