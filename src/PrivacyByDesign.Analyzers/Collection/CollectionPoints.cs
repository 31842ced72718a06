using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Collection
{
    /// <summary>The kind of inbound surface that receives data from outside the process.</summary>
    internal enum CollectionKind
    {
        ControllerAction,
        RazorPageHandler,
        MinimalApi,
        GrpcMethod,
        SignalRHubMethod,
    }

    /// <summary>Where a bound value comes from in the request.</summary>
    internal enum BindingSource
    {
        /// <summary>No explicit binding attribute: the framework's inference decides (body for complex types of [ApiController] actions).</summary>
        Inferred,
        Body,
        Form,
        Query,
        Route,
        Header,
        File,

        /// <summary>A Razor Pages <c>[BindProperty]</c> property.</summary>
        BoundProperty,

        /// <summary>A gRPC request message or SignalR hub argument.</summary>
        Message,
    }

    /// <summary>One personal value a collection point receives, with how it is reached from the bound input.</summary>
    internal sealed class CollectedItem
    {
        public CollectedItem(ISymbol member, PiClassification classification, ImmutableArray<ISymbol> path, ImmutableArray<INamedTypeSymbol> models)
        {
            Member = member;
            Classification = classification;
            Path = path;
            Models = models;
        }

        /// <summary>The member (or the input parameter/property itself) that holds personal information.</summary>
        public ISymbol Member { get; }

        public PiClassification Classification { get; }

        /// <summary>Members from the input down to <see cref="Member"/> (empty when the input itself is the value).</summary>
        public ImmutableArray<ISymbol> Path { get; }

        /// <summary>The model types the value sits in, innermost first (empty when the input itself is the value).</summary>
        public ImmutableArray<INamedTypeSymbol> Models { get; }

        /// <summary>"form.Address.Street" style display path from the input.</summary>
        public string DisplayPath(ISymbol input) => Path.IsEmpty ? input.Name : input.Name + "." + string.Join(".", Path.Select(p => p.Name));
    }

    /// <summary>A bound parameter or property of a collection point and the personal information reachable through it.</summary>
    internal sealed class CollectedInput
    {
        public CollectedInput(ISymbol symbol, BindingSource source, ImmutableArray<CollectedItem> items)
        {
            Symbol = symbol;
            Source = source;
            Items = items;
        }

        /// <summary>An <see cref="IParameterSymbol"/> or a Razor Pages bound <see cref="IPropertySymbol"/>.</summary>
        public ISymbol Symbol { get; }

        public BindingSource Source { get; }

        public ImmutableArray<CollectedItem> Items { get; }

        public Location Location => Symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
    }

    /// <summary>A method that receives data from outside: an action, a page handler, a minimal API handler, a gRPC or hub method.</summary>
    internal sealed class CollectionPoint
    {
        public CollectionPoint(IMethodSymbol handler, CollectionKind kind, INamedTypeSymbol? owner, ImmutableArray<CollectedInput> inputs, string? route)
        {
            Route = route;
            Handler = handler;
            Kind = kind;
            Owner = owner;
            Inputs = inputs;
        }

        /// <summary>The handler method; for a minimal API lambda, the lambda's symbol.</summary>
        public IMethodSymbol Handler { get; }

        public CollectionKind Kind { get; }

        /// <summary>The controller, page model, gRPC service or hub; null for minimal API lambdas.</summary>
        public INamedTypeSymbol? Owner { get; }

        public ImmutableArray<CollectedInput> Inputs { get; }

        /// <summary>"POST /api/patients" for a minimal API mapped with a constant pattern; null otherwise.</summary>
        public string? Route { get; }

        /// <summary>"PatientsController.Register", "minimal API POST handler".</summary>
        public string DisplayName => Handler.MethodKind == MethodKind.AnonymousFunction
            ? "the minimal API handler"
            : (Owner ?? Handler.ContainingType)?.Name + "." + Handler.Name;

        public bool HasPersonalInfo => Inputs.Any(i => !i.Items.IsEmpty);
    }

    /// <summary>
    /// Finds the places where an application collects data from people — ASP.NET Core controller actions, Razor Pages
    /// handlers and <c>[BindProperty]</c> properties, minimal API handlers (lambdas and method groups), gRPC service
    /// methods and SignalR hub methods — and which bound values carry personal information, nested models and
    /// collections included. Classification comes only from <see cref="PersonalInfoClassifier"/>. The framework types
    /// are resolved once per compilation; <see cref="For"/> returns null when none of the frameworks is referenced.
    /// </summary>
    internal sealed class CollectionPoints
    {
        private const int MaxDepth = 4;

        private static readonly string[] HttpVerbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

        private static readonly HashSet<string> MapMethods = new(StringComparer.Ordinal)
        {
            "MapGet", "MapPost", "MapPut", "MapPatch", "MapDelete", "MapMethods", "Map", "MapFallback",
        };

        // Type-name endings of injected services rather than request data (DI-resolved handler parameters).
        private static readonly string[] ServiceSuffixes =
        {
            "Context", "Service", "Services", "Repository", "Client", "Factory", "Manager", "Provider", "Logger", "Options",
            "Settings", "Handler", "Store", "Cache", "Accessor", "Mediator", "Sender", "Publisher", "Validator",
        };

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, CollectionPoints> s_perCompilation = new();

        private readonly PersonalInfoClassifier _classifier;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly KnownType _pageModel;
        private readonly KnownType _hub;
        private readonly KnownType _hubOfT;
        private readonly KnownType _serverCallContext;
        private readonly KnownType _formFile;
        private readonly KnownType _formFileCollection;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _delegate;
        private readonly KnownType _endpointRouteBuilderExtensions;
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<CollectedItem>> _modelItems = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, CollectionPoint?> _declaredPoints = new(SymbolEqualityComparer.Default);
        private readonly Func<IMethodSymbol, CollectionPoint?> _buildDeclaredPoint;
        private readonly Func<ITypeSymbol, ImmutableArray<CollectedItem>> _walkModel;

        private CollectionPoints(Compilation compilation, PersonalInfoClassifier classifier)
        {
            _classifier = classifier;
            _buildDeclaredPoint = BuildDeclaredPoint;
            _walkModel = WalkModel;
            _controllerBase = PrivacySymbols.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            _pageModel = new KnownType(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            _hub = new KnownType(compilation, "Microsoft.AspNetCore.SignalR.Hub");
            _hubOfT = new KnownType(compilation, "Microsoft.AspNetCore.SignalR.Hub`1");
            _serverCallContext = new KnownType(compilation, "Grpc.Core.ServerCallContext");
            _formFile = new KnownType(compilation, "Microsoft.AspNetCore.Http.IFormFile");
            _formFileCollection = new KnownType(compilation, "Microsoft.AspNetCore.Http.IFormFileCollection");
            _cancellationToken = PrivacySymbols.Find(compilation, "System.Threading.CancellationToken");
            _delegate = PrivacySymbols.Find(compilation, "System.Delegate");
            _endpointRouteBuilderExtensions = new KnownType(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        }

        /// <summary>Whether minimal APIs are referenced; asked after the cheaper tests, since it loads their namespace.</summary>
        public bool HasMinimalApis => _endpointRouteBuilderExtensions.Symbol != null;

        /// <summary>Whether any inbound framework is referenced at all.</summary>
        public bool IsAvailable => _controllerBase != null || _pageModel.Symbol != null || _hub.Symbol != null || _serverCallContext.Symbol != null || HasMinimalApis;

        /// <summary>The detector for this compilation (shared by every analyzer and the generator), or null without any inbound framework.</summary>
        public static CollectionPoints? For(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
        {
            var points = s_perCompilation.GetValue(compilation, c => new CollectionPoints(c, PersonalInfoClassifier.For(c, options, cancellationToken)));
            return points.IsAvailable ? points : null;
        }

        /// <summary>
        /// The collection point a declared method is, or null: controller actions, page handlers, gRPC and hub methods.
        /// Built once per method: the collection rules, the public-endpoint rule and the documents all ask.
        /// </summary>
        public CollectionPoint? FromMethod(IMethodSymbol method)
        {
            // Compiler-generated members (a record's Equals, say) take no request.
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsAbstract || method.IsImplicitlyDeclared
                || method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { TypeKind: TypeKind.Class })
            {
                return null;
            }

            return _declaredPoints.GetOrAdd(method, _buildDeclaredPoint);
        }

        private CollectionPoint? BuildDeclaredPoint(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (IsController(type))
            {
                return IsAction(method) ? Build(method, CollectionKind.ControllerAction, type, BindingSource.Inferred, extraInputs: null) : null;
            }

            if (_pageModel.IsOrIsBaseOf(type.BaseType))
            {
                return IsPageHandler(method, out bool isGet) ? Build(method, CollectionKind.RazorPageHandler, type, BindingSource.Inferred, BoundProperties(type, isGet)) : null;
            }

            if (IsGrpcMethod(method, type))
            {
                return Build(method, CollectionKind.GrpcMethod, type, BindingSource.Message, extraInputs: null);
            }

            if (IsHub(type) && !method.IsOverride && !FromFramework(method))
            {
                return Build(method, CollectionKind.SignalRHubMethod, type, BindingSource.Message, extraInputs: null);
            }

            return null;
        }

        /// <summary>The handler a minimal API registration (<c>app.MapPost("/x", handler)</c>) maps, or null for any other call.</summary>
        public CollectionPoint? FromMapInvocation(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            if (!MapMethods.Contains(target.Name) || target.ContainingType?.Name != "EndpointRouteBuilderExtensions"
                || !SymbolRelations.IsNamespace(target.ContainingNamespace, "Microsoft.AspNetCore.Builder") || !HasMinimalApis)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter == null || !SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, _delegate))
                {
                    continue;
                }

                var handler = HandlerOf(argument.Value);
                if (handler != null)
                {
                    var owner = handler.MethodKind == MethodKind.AnonymousFunction ? null : handler.ContainingType;
                    return Build(handler, CollectionKind.MinimalApi, owner, BindingSource.Inferred, extraInputs: null, RouteOf(invocation));
                }
            }

            return null;
        }

        /// <summary>
        /// The personal information a value of <paramref name="type"/> carries through its members, nested models and
        /// collections included (paths start below the value). Cached per model type.
        /// </summary>
        public ImmutableArray<CollectedItem> ItemsOf(ITypeSymbol type)
        {
            if (PersonalInfoClassifier.UnwrapValueType(type) is not INamedTypeSymbol model || !IsModelType(model))
            {
                return ImmutableArray<CollectedItem>.Empty;
            }

            return _modelItems.GetOrAdd(model, _walkModel);
        }

        private ImmutableArray<CollectedItem> WalkModel(ITypeSymbol model)
        {
            var items = ImmutableArray.CreateBuilder<CollectedItem>();
            Walk((INamedTypeSymbol)model, ImmutableArray<ISymbol>.Empty, ImmutableArray<INamedTypeSymbol>.Empty, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), items);
            return items.ToImmutable();
        }

        /// <summary>Every collection point declared or mapped in the compilation's source, for whole-program consumers (the generator).</summary>
        public IEnumerable<CollectionPoint> FindAll(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var slice = new char[4096];
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                // Bodies are entered only in files that can hold a minimal API registration; elsewhere the walk stays on
                // declarations, where the other kinds of collection points are declared.
                bool enterBodies = MayContainMapCall(tree.GetText(cancellationToken), slice) && HasMinimalApis;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => enterBodies || n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (node is MethodDeclarationSyntax declaration && MayBeCollectionMethod(declaration))
                    {
                        if (model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method && FromMethod(method) is { } point)
                        {
                            yield return point;
                        }
                    }
                    else if (node is InvocationExpressionSyntax call && MayBeMapCall(call) && HasMinimalApis
                             && model.GetOperation(node, cancellationToken) is IInvocationOperation invocation && FromMapInvocation(invocation) is { } mapped)
                    {
                        yield return mapped;
                    }
                }
            }
        }

        /// <summary>
        /// Syntax-only filter with the same outcome as <see cref="FromMethod"/> for every method it rejects, so the
        /// whole-program walk binds only candidates: public instance methods of a class that names a base type, carries
        /// an attribute, is partial or is named *Controller, or that take a gRPC ServerCallContext.
        /// </summary>
        private static bool MayBeCollectionMethod(MethodDeclarationSyntax method)
        {
            var modifiers = method.Modifiers;
            if (!modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.AbstractKeyword)
                || method.Parent is not (ClassDeclarationSyntax or RecordDeclarationSyntax))
            {
                return false;
            }

            var type = (TypeDeclarationSyntax)method.Parent;
            return type.BaseList != null || type.AttributeLists.Count > 0 || type.Modifiers.Any(SyntaxKind.PartialKeyword)
                || type.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal)
                || method.ParameterList.Parameters.Any(p => p.Type != null && NamesServerCallContext(p.Type));
        }

        // By the identifiers' values, so an escaped spelling counts too, and without rendering the type as text.
        private static bool NamesServerCallContext(TypeSyntax type)
        {
            foreach (var token in type.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf("ServerCallContext", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a file's text has "Map" anywhere (every mapping method's name starts with it) or a unicode escape, which
        /// could spell it. Scanned in slices of <paramref name="buffer"/>'s length (one buffer serves every file), without
        /// making the text one string.
        /// </summary>
        private static bool MayContainMapCall(SourceText text, char[] buffer)
        {
            for (int start = 0; start < text.Length; start += buffer.Length - 2)
            {
                int count = Math.Min(buffer.Length, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                for (int i = 0; i + 1 < count; i++)
                {
                    if ((buffer[i] == '\\' && buffer[i + 1] == 'u') || (buffer[i] == 'M' && buffer[i + 1] == 'a' && i + 2 < count && buffer[i + 2] == 'p'))
                    {
                        return true;
                    }
                }

                if (start + count >= text.Length)
                {
                    break;
                }
            }

            return false;
        }

        // Syntax-only filter: binding every call in the program would be the whole-program walk's main cost.
        private static bool MayBeMapCall(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax member => MapMethods.Contains(member.Name.Identifier.ValueText),
            MemberBindingExpressionSyntax binding => MapMethods.Contains(binding.Name.Identifier.ValueText),
            SimpleNameSyntax simple => MapMethods.Contains(simple.Identifier.ValueText),
            _ => false,
        };

        private static string? RouteOf(IInvocationOperation invocation)
        {
            string verb = invocation.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal) ? invocation.TargetMethod.Name.Substring(3).ToUpperInvariant() : invocation.TargetMethod.Name;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "pattern" && argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
                {
                    return (verb.Length == 0 ? "MAP" : verb) + " " + pattern;
                }
            }

            return null;
        }

        private CollectionPoint Build(IMethodSymbol handler, CollectionKind kind, INamedTypeSymbol? owner, BindingSource defaultSource, IEnumerable<CollectedInput>? extraInputs, string? route = null)
        {
            var inputs = ImmutableArray.CreateBuilder<CollectedInput>();
            foreach (var parameter in handler.Parameters)
            {
                var input = InputOf(parameter, defaultSource);
                if (input != null)
                {
                    inputs.Add(input);
                }
            }

            if (extraInputs != null)
            {
                inputs.AddRange(extraInputs);
            }

            return new CollectionPoint(handler, kind, owner, inputs.ToImmutable(), route);
        }

        private CollectedInput? InputOf(IParameterSymbol parameter, BindingSource defaultSource)
        {
            var explicitSource = SourceFromAttributes(parameter.GetAttributes());
            if (explicitSource == null && IsInfrastructure(parameter))
            {
                return null;
            }

            var source = explicitSource ?? (IsFile(parameter.Type) ? BindingSource.File : defaultSource);
            return new CollectedInput(parameter, source, ItemsOfValue(parameter));
        }

        private ImmutableArray<CollectedItem> ItemsOfValue(ISymbol value)
        {
            var items = ImmutableArray.CreateBuilder<CollectedItem>();
            var classification = _classifier.Classify(value);
            if (classification.IsPersonal)
            {
                items.Add(new CollectedItem(value, classification, ImmutableArray<ISymbol>.Empty, ImmutableArray<INamedTypeSymbol>.Empty));
            }

            if (ModelOf(value) is { } model)
            {
                items.AddRange(ItemsOf(model));
            }

            return items.ToImmutable();
        }

        private void Walk(INamedTypeSymbol model, ImmutableArray<ISymbol> path, ImmutableArray<INamedTypeSymbol> models, HashSet<ITypeSymbol> visiting, ImmutableArray<CollectedItem>.Builder items)
        {
            if (path.Length >= MaxDepth || !visiting.Add(model))
            {
                return;
            }

            var innermostFirst = models.Insert(0, model);
            foreach (var personal in _classifier.GetPersonalMembers(model))
            {
                if (IsBindable(personal.Member))
                {
                    items.Add(new CollectedItem(personal.Member, personal.Classification, path.Add(personal.Member), innermostFirst));
                }
            }

            for (var current = model; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (PersonalInfoClassifier.IsDataMember(member) && IsBindable(member) && ModelOf(member) is { } nested)
                    {
                        Walk(nested, path.Add(member), innermostFirst, visiting, items);
                    }
                }
            }

            visiting.Remove(model);
        }

        private INamedTypeSymbol? ModelOf(ISymbol value)
        {
            var type = value switch
            {
                IParameterSymbol p => p.Type,
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                _ => null,
            };
            if (type == null)
            {
                return null;
            }

            // gRPC client streaming: IAsyncStreamReader<TRequest>.
            if (type is INamedTypeSymbol { IsGenericType: true, Name: "IAsyncStreamReader", TypeArguments.Length: 1 } reader)
            {
                type = reader.TypeArguments[0];
            }

            return PersonalInfoClassifier.UnwrapValueType(type) is INamedTypeSymbol model && IsModelType(model) ? model : null;
        }

        private static bool IsBindable(ISymbol member) => !member.IsStatic && member.DeclaredAccessibility == Accessibility.Public;

        private static bool IsModelType(INamedTypeSymbol type)
        {
            if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract)
            {
                return false;
            }

            return !IsFrameworkNamespace(type.ContainingNamespace);
        }

        private bool IsInfrastructure(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
                {
                    return true;
                }
            }

            var type = parameter.Type;
            if (SymbolEqualityComparer.Default.Equals(type, _cancellationToken) || _serverCallContext.Is(type) || IsFile(type))
            {
                return SymbolEqualityComparer.Default.Equals(type, _cancellationToken) || _serverCallContext.Is(type);
            }

            // gRPC server streaming writes responses, it does not receive; client streaming receives messages.
            if (type is INamedTypeSymbol { Name: "IServerStreamWriter" or "IAsyncStreamReader" } stream)
            {
                return stream.Name == "IServerStreamWriter";
            }

            var valueType = PersonalInfoClassifier.ValueTypeOf(parameter);
            if (valueType == null || valueType.SpecialType != SpecialType.None || PersonalInfoClassifier.ShapeOf(valueType) != ValueShape.Other
                || valueType.TypeKind == TypeKind.Enum)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Interface || type.IsAbstract || type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }

            if (IsFrameworkNamespace(valueType.ContainingNamespace))
            {
                return true;
            }

            foreach (string suffix in ServiceSuffixes)
            {
                if (valueType.Name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsFile(ITypeSymbol type)
        {
            var valueType = PersonalInfoClassifier.UnwrapValueType(type);
            return _formFile.Is(valueType) || _formFileCollection.Is(valueType);
        }

        private static BindingSource? SourceFromAttributes(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "FromBodyAttribute":
                        return BindingSource.Body;
                    case "FromFormAttribute":
                        return BindingSource.Form;
                    case "FromQueryAttribute":
                        return BindingSource.Query;
                    case "FromRouteAttribute":
                        return BindingSource.Route;
                    case "FromHeaderAttribute":
                        return BindingSource.Header;
                    case "AsParametersAttribute":
                        return BindingSource.Inferred;
                }
            }

            return null;
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public || HasAttributeNamed(type, "NonControllerAttribute"))
            {
                return false;
            }

            // MVC's own convention: a public class named *Controller is a controller too (POCO controllers).
            return (_controllerBase != null && (SymbolRelations.DerivesFrom(type, _controllerBase) || type.Name.EndsWith("Controller", StringComparison.Ordinal)))
                   || HasAttributeNamed(type, "ApiControllerAttribute") || HasAttributeNamed(type, "ControllerAttribute");
        }

        private static bool IsAction(IMethodSymbol method)
            => !method.IsGenericMethod && !HasAttributeNamed(method, "NonActionAttribute") && !FromFramework(method);

        private static bool IsPageHandler(IMethodSymbol method, out bool isGet)
        {
            isGet = false;
            if (FromFramework(method) || !method.Name.StartsWith("On", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string verb in HttpVerbs)
            {
                if (string.CompareOrdinal(method.Name, 2, verb, 0, verb.Length) == 0)
                {
                    isGet = verb == "Get";
                    return true;
                }
            }

            return false;
        }

        private IEnumerable<CollectedInput> BoundProperties(INamedTypeSymbol page, bool isGet)
        {
            for (var current = page; current != null && !_pageModel.Is(current); current = current.BaseType)
            {
                var bindAll = current.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "BindPropertiesAttribute");
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.SetMethod == null || property.DeclaredAccessibility != Accessibility.Public)
                    {
                        continue;
                    }

                    var bind = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "BindPropertyAttribute") ?? bindAll;
                    if (bind == null || (isGet && !SupportsGet(bind)))
                    {
                        continue;
                    }

                    yield return new CollectedInput(property, SourceFromAttributes(property.GetAttributes()) ?? BindingSource.BoundProperty, ItemsOfValue(property));
                }
            }
        }

        private static bool SupportsGet(AttributeData bind)
            => bind.NamedArguments.Any(a => a.Key == "SupportsGet" && a.Value.Value is true);

        private bool IsGrpcMethod(IMethodSymbol method, INamedTypeSymbol type)
        {
            // The generated *Base class only declares the methods; the service deriving from it implements them.
            // Interceptors' generic handlers see every request but are not a service's surface.
            if (method.IsGenericMethod || type.IsAbstract || type.GetAttributes().Any(a => a.AttributeClass?.Name == "BindServiceMethodAttribute"))
            {
                return false;
            }

            if (method.Parameters.Any(p => _serverCallContext.Is(p.Type)))
            {
                return true;
            }

            // Generated *Base classes carry [BindServiceMethod]; their overrides are the service methods.
            return method.IsOverride && method.OverriddenMethod?.ContainingType is { } declaring && HasAttributeNamed(declaring, "BindServiceMethodAttribute");
        }

        private bool IsHub(INamedTypeSymbol type)
            => _hub.IsOrIsBaseOf(type.BaseType) || DerivesFromGeneric(type, _hubOfT);

        private static IMethodSymbol? HandlerOf(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IDelegateCreationOperation creation:
                        value = creation.Target;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol;
                    case IMethodReferenceOperation reference:
                        return reference.Method;
                    default:
                        return null;
                }
            }
        }

        private static bool FromFramework(IMethodSymbol method)
        {
            for (var m = method; m != null; m = m.OverriddenMethod)
            {
                if (IsFrameworkNamespace(m.ContainingNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>System, Microsoft, Grpc.* and Google.Protobuf*: read from the outermost namespace, without building the name.</summary>
        private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
        {
            var (root, depth) = SymbolRelations.RootNamespace(ns);
            return root?.Name switch
            {
                "System" or "Microsoft" => true,
                "Grpc" => depth > 1,
                "Google" => ns!.ToDisplayString().StartsWith("Google.Protobuf", StringComparison.Ordinal),
                _ => false,
            };
        }

        private static bool HasAttributeNamed(ISymbol symbol, string name)
        {
            for (var current = symbol; current != null; current = current is INamedTypeSymbol t ? t.BaseType : null)
            {
                if (current.GetAttributes().Any(a => a.AttributeClass?.Name == name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFromGeneric(ITypeSymbol type, KnownType genericDefinition)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (genericDefinition.Is(current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
