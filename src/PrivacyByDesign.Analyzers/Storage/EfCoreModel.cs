using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Storage
{
    /// <summary>An EF Core entity type declared in the compilation and how it is reached ("ClinicDbContext.Patients").</summary>
    internal readonly struct EfEntity
    {
        public EfEntity(INamedTypeSymbol type, string reachedFrom)
        {
            Type = type;
            ReachedFrom = reachedFrom;
        }

        public INamedTypeSymbol Type { get; }

        public string ReachedFrom { get; }
    }

    /// <summary>
    /// The EF Core entity types of a compilation: the types of every <c>DbSet&lt;T&gt;</c> on a source <c>DbContext</c>,
    /// and what they reach through navigations and owned types (including collections). Computed once per compilation
    /// and shared by the storage analyzers and the generator.
    /// </summary>
    internal sealed class EfCoreModel
    {
        private static readonly ConditionalWeakTable<Compilation, EfCoreModel> s_perCompilation = new();

        private EfCoreModel(INamedTypeSymbol? dbContext, INamedTypeSymbol? dbSet, ImmutableArray<INamedTypeSymbol> contexts)
        {
            DbContext = dbContext;
            DbSet = dbSet;
            Contexts = contexts;
        }

        public INamedTypeSymbol? DbContext { get; }

        public INamedTypeSymbol? DbSet { get; }

        /// <summary>The DbContext subclasses declared in source.</summary>
        public ImmutableArray<INamedTypeSymbol> Contexts { get; }

        public bool IsPresent => DbContext != null && DbSet != null;

        public static EfCoreModel For(Compilation compilation, CancellationToken cancellationToken)
            => s_perCompilation.GetValue(compilation, c => Create(c, cancellationToken));

        private static EfCoreModel Create(Compilation compilation, CancellationToken cancellationToken)
        {
            var dbContext = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.DbContext");
            var dbSet = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
            var contexts = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            if (dbContext != null && dbSet != null)
            {
                CollectContexts(compilation.Assembly.GlobalNamespace, dbContext, contexts, cancellationToken);
            }

            return new EfCoreModel(dbContext, dbSet, contexts.ToImmutable());
        }

        private static void CollectContexts(INamespaceSymbol ns, INamedTypeSymbol dbContext, ImmutableArray<INamedTypeSymbol>.Builder contexts, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    CollectContexts(inner, dbContext, contexts, cancellationToken);
                }
                else if (member is INamedTypeSymbol type)
                {
                    CollectContextTypes(type, dbContext, contexts);
                }
            }
        }

        private static void CollectContextTypes(INamedTypeSymbol type, INamedTypeSymbol dbContext, ImmutableArray<INamedTypeSymbol>.Builder contexts)
        {
            if (!type.IsAbstract && DerivesFrom(type, dbContext))
            {
                contexts.Add(type);
            }

            foreach (var nested in type.GetTypeMembers())
            {
                CollectContextTypes(nested, dbContext, contexts);
            }
        }

        /// <summary>Every entity type, each once, with the first path that reaches it; <paramref name="extraRoots"/> are types configured with <c>modelBuilder.Entity&lt;T&gt;()</c>.</summary>
        public ImmutableArray<EfEntity> Entities(IEnumerable<INamedTypeSymbol> extraRoots)
        {
            var result = ImmutableArray.CreateBuilder<EfEntity>();
            if (!IsPresent)
            {
                return result.ToImmutable();
            }

            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<EfEntity>();
            foreach (var context in Contexts)
            {
                for (var current = context; current != null && !SymbolEqualityComparer.Default.Equals(current, DbContext); current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } set } property
                            && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, DbSet)
                            && set.TypeArguments[0] is INamedTypeSymbol entity)
                        {
                            queue.Enqueue(new EfEntity(entity, context.Name + "." + property.Name));
                        }
                    }
                }
            }

            foreach (var root in extraRoots)
            {
                queue.Enqueue(new EfEntity(root, "modelBuilder.Entity<" + root.Name + ">()"));
            }

            while (queue.Count > 0)
            {
                var next = queue.Dequeue();
                if (!seen.Add(next.Type) || next.Type.Locations.IsEmpty || !next.Type.Locations[0].IsInSource)
                {
                    continue;
                }

                result.Add(next);
                foreach (var navigation in Navigations(next.Type))
                {
                    queue.Enqueue(new EfEntity(navigation, next.ReachedFrom + " → " + navigation.Name));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Source class types a navigation or owned property points at (directly or as a collection element).</summary>
        private static IEnumerable<INamedTypeSymbol> Navigations(INamedTypeSymbol entity)
        {
            for (var current = entity; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol { IsStatic: false } property)
                    {
                        continue;
                    }

                    var type = property.Type as INamedTypeSymbol;
                    if (type is { IsGenericType: true } && type.TypeArguments.Length == 1 && type.SpecialType == SpecialType.None && type.TypeArguments[0] is INamedTypeSymbol element && IsCollection(type))
                    {
                        type = element;
                    }

                    if (type is { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } && !type.Locations.IsEmpty && type.Locations[0].IsInSource)
                    {
                        yield return type;
                    }
                }
            }
        }

        private static bool IsCollection(INamedTypeSymbol type)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return true;
                }
            }

            return type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
        }
    }
}
