using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;

namespace PrivacyByDesign.Analyzers.Rules.Storage
{
    /// <summary>
    /// Writes that persist a value outside EF Core's model: Dapper and ADO.NET parameters, <c>IDistributedCache</c>, files.
    /// Each library type is resolved only once the code shows a type of its name; an absent library costs nothing.
    /// </summary>
    internal sealed class StorageSinks
    {
        private readonly KnownType _dapper;
        private readonly KnownType _dbParameter;
        private readonly KnownType _dbParameterCollection;
        private readonly KnownType _distributedCache;
        private readonly KnownType _distributedCacheExtensions;
        private readonly KnownType _file;

        public StorageSinks(Compilation compilation)
        {
            _dapper = new KnownType(compilation, "Dapper.SqlMapper");
            _dbParameter = new KnownType(compilation, "System.Data.Common.DbParameter");
            _dbParameterCollection = new KnownType(compilation, "System.Data.Common.DbParameterCollection");
            _distributedCache = new KnownType(compilation, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
            _distributedCacheExtensions = new KnownType(compilation, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions");
            _file = new KnownType(compilation, "System.IO.File");
        }

        /// <summary>Where an invocation stores data ("through Dapper SqlMapper.Execute") and the stored values; null when it stores nothing.</summary>
        public string? Match(IInvocationOperation invocation, List<IOperation> values)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            if (_dapper.Is(type) && (method.Name.StartsWith("Execute", System.StringComparison.Ordinal) || method.Name.StartsWith("Query", System.StringComparison.Ordinal)))
            {
                return Add(invocation, values, "param") ? "through Dapper " + method.Name : null;
            }

            if (method.Name == "AddWithValue" && _dbParameterCollection.IsOrIsBaseOf(type))
            {
                return Add(invocation, values, "value") ? "as an ADO.NET parameter" : null;
            }

            if ((_distributedCache.Is(type) && method.Name is "Set" or "SetAsync")
                || (_distributedCacheExtensions.Is(type) && method.Name is "Set" or "SetAsync" or "SetString" or "SetStringAsync"))
            {
                return Add(invocation, values, "value") ? "in IDistributedCache (" + method.Name + ")" : null;
            }

            if (_file.Is(type) && (method.Name.StartsWith("Write", System.StringComparison.Ordinal) || method.Name.StartsWith("Append", System.StringComparison.Ordinal)))
            {
                return Add(invocation, values, "contents") | Add(invocation, values, "bytes") ? "in a file (File." + method.Name + ")" : null;
            }

            return null;
        }

        /// <summary><c>parameter.Value = x</c> on an ADO.NET parameter.</summary>
        public bool IsParameterValue(IPropertySymbol property) => property.Name == "Value" && _dbParameter.IsOrIsBaseOf(property.ContainingType);

        /// <summary><c>new SqlParameter("@id", x)</c>: the value argument of a parameter constructor.</summary>
        public bool IsParameterCreation(ITypeSymbol? type) => _dbParameter.IsOrIsBaseOf(type as INamedTypeSymbol);

        private static bool Add(IInvocationOperation invocation, List<IOperation> values, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    values.Add(argument.Value);
                    return true;
                }
            }

            return false;
        }
    }
}
