using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Network
{
    /// <summary>One place where an address is handed to a network API, with the values that travel with it.</summary>
    internal sealed class NetworkCall
    {
        public NetworkCall(string api, IOperation address, IReadOnlyList<IOperation> payload, IOperation? client = null)
        {
            Api = api;
            Address = address;
            Payload = payload;
            Client = client;
        }

        /// <summary>The HttpClient the call goes through (instance or extension receiver), whose BaseAddress a relative address is resolved against.</summary>
        public IOperation? Client { get; }

        /// <summary>"HttpClient.PostAsync".</summary>
        public string Api { get; }

        public IOperation Address { get; }

        /// <summary>Bodies, form values and request messages sent to the address.</summary>
        public IReadOnlyList<IOperation> Payload { get; }
    }

    /// <summary>
    /// The network APIs whose address parameters and properties decide where data goes, each resolved only once the code
    /// shows a type of its name, so that APIs a project does not use (gRPC, RabbitMQ, WebSockets) cost nothing.
    /// </summary>
    internal sealed class NetworkApis
    {
        private static readonly string[] TypeNames =
        {
            "System.Net.Http.HttpClient",
            "System.Net.Http.Json.HttpClientJsonExtensions",
            "System.Net.Http.HttpRequestMessage",
            "System.Net.WebRequest",
            "System.Net.WebClient",
            "System.Net.WebSockets.ClientWebSocket",
            "Grpc.Net.Client.GrpcChannel",
            "RabbitMQ.Client.ConnectionFactory",
        };

        private static readonly string[] AddressParameters = { "requestUri", "requestUriString", "uri", "address", "baseAddress" };

        private static readonly string[] AddressProperties = { "BaseAddress", "RequestUri", "Uri" };

        private static readonly string[] PayloadParameters = { "content", "value", "data", "request" };

        // By name, so that each type in a call's hierarchy costs one lookup; the names differ.
        private readonly Dictionary<string, KnownType> _types = new(System.StringComparer.Ordinal);

        public NetworkApis(Compilation compilation)
        {
            foreach (string name in TypeNames)
            {
                var known = new KnownType(compilation, name);
                _types.Add(known.Name, known);
            }
        }

        public NetworkCall? Match(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when IsNetworkType(invocation.TargetMethod.ContainingType):
                    return FromArguments(invocation.TargetMethod, invocation.Arguments, client: invocation.Instance);
                case IObjectCreationOperation { Constructor: { } constructor } creation when IsNetworkType(constructor.ContainingType):
                    return FromArguments(constructor, creation.Arguments, self: creation);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when IsNetworkType(property.Property.ContainingType) && IsAddressProperty(property.Property):
                    return new NetworkCall(property.Property.ContainingType.Name + "." + property.Property.Name, assignment.Value, new List<IOperation>());
                default:
                    return null;
            }
        }

        private bool IsNetworkType(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (_types.TryGetValue(current.Name, out var known) && known.Is(current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAddressProperty(IPropertySymbol property)
            => System.Array.IndexOf(AddressProperties, property.Name) >= 0 && IsAddressType(property.Type);

        private static bool IsAddressType(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String || type is { Name: "Uri", ContainingNamespace.Name: "System" };

        private static NetworkCall? FromArguments(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IOperation? self = null, IOperation? client = null)
        {
            IOperation? address = null;
            var payload = new List<IOperation>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (parameter.Name == "client" && method.IsExtensionMethod)
                {
                    client = argument.Value;
                }
                else if (address == null && System.Array.IndexOf(AddressParameters, parameter.Name) >= 0 && IsAddressType(parameter.Type))
                {
                    address = argument.Value;
                }
                else if (System.Array.IndexOf(PayloadParameters, parameter.Name) >= 0)
                {
                    payload.Add(argument.Value);
                }
            }

            if (address == null)
            {
                return null;
            }

            // A request message carries what is put into it later (initializer, Content, Headers).
            if (self != null)
            {
                payload.Add(self);
            }

            string owner = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
            return new NetworkCall(owner, address, payload, client);
        }
    }
}
