using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Generator;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rights
{
    /// <summary>
    /// Reads a DbContext into <see cref="ContextRights"/>: its DbSets, which data subject each entity's personal
    /// information belongs to (the classification core decides), each subject's root entity (the entity marked with that
    /// <c>[DataSubject]</c> that has a key) and the sets linked to the root by a <c>{Root}Id</c> foreign key.
    /// </summary>
    internal static class RightsModelBuilder
    {
        private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        public static ContextRights? Build(INamedTypeSymbol context, Compilation compilation, CancellationToken cancellationToken)
        {
            var dbContext = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.DbContext");
            var dbSet = PrivacySymbols.Find(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
            var dataSubject = PrivacySymbols.Find(compilation, "PrivacyByDesign.DataSubjectAttribute");
            if (dbContext == null || dbSet == null || !DerivesFrom(context, dbContext))
            {
                return null;
            }

            var classifier = PersonalInfoClassifier.Create(compilation, null, cancellationToken);
            var sets = new List<(string Property, INamedTypeSymbol Entity)>();
            for (var current = context; current != null && !Same(current, dbContext); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, Type: INamedTypeSymbol { IsGenericType: true } type } property
                        && Same(type.OriginalDefinition, dbSet) && type.TypeArguments[0] is INamedTypeSymbol entity
                        && sets.All(s => s.Property != property.Name))
                    {
                        sets.Add((property.Name, entity));
                    }
                }
            }

            // Subject → the sets holding its personal information.
            var holders = new SortedDictionary<string, List<(string Property, INamedTypeSymbol Entity)>>(System.StringComparer.Ordinal);
            var unattributed = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var set in sets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in classifier.GetPersonalMembers(set.Entity))
                {
                    if (member.Classification.Subject is not { Length: > 0 } subject)
                    {
                        unattributed.Add(set.Property);
                        continue;
                    }

                    if (!holders.TryGetValue(subject, out var list))
                    {
                        holders[subject] = list = new List<(string, INamedTypeSymbol)>();
                    }

                    if (!list.Contains(set))
                    {
                        list.Add(set);
                    }
                }
            }

            var subjects = new List<SubjectRights>();
            foreach (var pair in holders)
            {
                var root = sets.FirstOrDefault(s => SubjectOf(s.Entity, dataSubject) == pair.Key && KeyOf(s.Entity) != null);
                if (root.Entity == null)
                {
                    unattributed.UnionWith(pair.Value.Select(s => s.Property));
                    continue;
                }

                var key = KeyOf(root.Entity)!;
                string foreignKey = root.Entity.Name + "Id";
                var subjectSets = new List<SubjectSet> { new(root.Property, Display(root.Entity), key.Name, IsRoot: true) };
                var unlinked = new List<string>();
                foreach (var set in sets.Where(s => s.Property != root.Property))
                {
                    var link = Properties(set.Entity).FirstOrDefault(p => p.Name == foreignKey && SymbolEqualityComparer.Default.Equals(Underlying(p.Type), Underlying(key.Type)));
                    if (link != null)
                    {
                        subjectSets.Add(new SubjectSet(set.Property, Display(set.Entity), link.Name, IsRoot: false));
                    }
                    else if (pair.Value.Contains(set))
                    {
                        unlinked.Add(set.Property);
                    }
                }

                subjects.Add(new SubjectRights(pair.Key, ContextRights.Pascal(pair.Key), Display(key.Type), new EquatableArray<SubjectSet>(subjectSets), new EquatableArray<string>(unlinked)));
            }

            return new ContextRights(
                context.ContainingNamespace.IsGlobalNamespace ? string.Empty : context.ContainingNamespace.ToDisplayString(),
                context.Name,
                Display(context),
                context.DeclaredAccessibility == Accessibility.Public,
                new EquatableArray<SubjectRights>(subjects),
                new EquatableArray<string>(unattributed));
        }

        private static string? SubjectOf(INamedTypeSymbol entity, INamedTypeSymbol? dataSubject)
        {
            for (var current = entity; current != null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (Same(attribute.AttributeClass, dataSubject) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string subject)
                    {
                        return subject;
                    }
                }
            }

            return null;
        }

        /// <summary>The EF Core key by convention: <c>Id</c> or <c>{Type}Id</c>.</summary>
        private static IPropertySymbol? KeyOf(INamedTypeSymbol entity)
            => Properties(entity).FirstOrDefault(p => p.Name == "Id" || p.Name == entity.Name + "Id");

        private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol entity)
        {
            for (var current = entity; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property)
                    {
                        yield return property;
                    }
                }
            }
        }

        private static ITypeSymbol Underlying(ITypeSymbol type)
            => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static string Display(ITypeSymbol type) => type.ToDisplayString(FullyQualified);
    }
}
