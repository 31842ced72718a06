using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rules.Storage
{
    /// <summary>
    /// Writes that persist a value outside EF Core's model: Dapper and ADO.NET parameters, <c>IDistributedCache</c>, files.
    /// Types are resolved once per compilation; an absent library costs nothing.
    /// </summary>
    internal sealed class StorageSinks
    {
        private readonly INamedTypeSymbol? _dapper;
        private readonly INamedTypeSymbol? _dbParameter;
        private readonly INamedTypeSymbol? _dbParameterCollection;
        private readonly INamedTypeSymbol? _distributedCache;
        private readonly INamedTypeSymbol? _distributedCacheExtensions;
        private readonly INamedTypeSymbol? _file;

        public StorageSinks(Compilation compilation)
        {
            _dapper = PrivacySymbols.Find(compilation, "Dapper.SqlMapper");
            _dbParameter = PrivacySymbols.Find(compilation, "System.Data.Common.DbParameter");
            _dbParameterCollection = PrivacySymbols.Find(compilation, "System.Data.Common.DbParameterCollection");
            _distributedCache = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
            _distributedCacheExtensions = PrivacySymbols.Find(compilation, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions");
            _file = PrivacySymbols.Find(compilation, "System.IO.File");
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

            if (Same(type, _dapper) && (method.Name.StartsWith("Execute", System.StringComparison.Ordinal) || method.Name.StartsWith("Query", System.StringComparison.Ordinal)))
            {
                return Add(invocation, values, "param") ? "through Dapper " + method.Name : null;
            }

            if (method.Name == "AddWithValue" && IsOrDerivesFrom(type, _dbParameterCollection))
            {
                return Add(invocation, values, "value") ? "as an ADO.NET parameter" : null;
            }

            if ((Same(type, _distributedCache) && method.Name is "Set" or "SetAsync")
                || (Same(type, _distributedCacheExtensions) && method.Name is "Set" or "SetAsync" or "SetString" or "SetStringAsync"))
            {
                return Add(invocation, values, "value") ? "in IDistributedCache (" + method.Name + ")" : null;
            }

            if (Same(type, _file) && method.Name.StartsWith("Write", System.StringComparison.Ordinal) || Same(type, _file) && method.Name.StartsWith("Append", System.StringComparison.Ordinal))
            {
                return Add(invocation, values, "contents") | Add(invocation, values, "bytes") ? "in a file (File." + method.Name + ")" : null;
            }

            return null;
        }

        /// <summary><c>parameter.Value = x</c> on an ADO.NET parameter.</summary>
        public bool IsParameterValue(IPropertySymbol property) => property.Name == "Value" && IsOrDerivesFrom(property.ContainingType, _dbParameter);

        /// <summary><c>new SqlParameter("@id", x)</c>: the value argument of a parameter constructor.</summary>
        public bool IsParameterCreation(ITypeSymbol? type) => IsOrDerivesFrom(type as INamedTypeSymbol, _dbParameter);

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
