using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyByDesign.Analyzers.Classification;
using static PrivacyByDesign.Analyzers.SymbolRelations;

namespace PrivacyByDesign.Analyzers.Rights
{
    /// <summary>A consent someone can give: <c>[Consent(purposes)]</c> or <c>[RequiresSeparateConsent(id)]</c>, where it is declared.</summary>
    internal readonly struct GivenConsent
    {
        public GivenConsent(string id, AttributeData attribute)
        {
            Id = id;
            Attribute = attribute;
        }

        public string Id { get; }

        public AttributeData Attribute { get; }
    }

    /// <summary>
    /// The data-subject-rights declarations of the source: rights handlers by subject, consent withdrawals, and the
    /// consents that can be given. Read from declarations only (attributes on types, members, methods and parameters),
    /// of the types where one of these attributes is written.
    /// </summary>
    internal sealed class DeclaredRights
    {
        /// <summary>Rights that delete: erasure, or deleting the whole account (PIPL Art. 47).</summary>
        public const int DeletionRights = 8 | 64;

        public const int Access = 1;
        public const int Portability = 2;
        public const int WithdrawConsent = 16;

        private readonly Dictionary<string, int> _rightsBySubject = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _withdrawable = new(StringComparer.Ordinal);
        private readonly List<GivenConsent> _consents = new();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, DeclaredRights> s_perCompilation = new();

        private const string HandlerAttribute = "PrivacyByDesign.DataSubjectRightsHandlerAttribute";
        private const string WithdrawalAttribute = "PrivacyByDesign.ConsentWithdrawalAttribute";
        private const string ConsentAttribute = "PrivacyByDesign.ConsentAttribute";
        private const string SeparateConsentAttribute = "PrivacyByDesign.RequiresSeparateConsentAttribute";

        private static readonly ImmutableHashSet<string> WrittenNames = AttributeNames.AsWritten(new[] { HandlerAttribute, WithdrawalAttribute, ConsentAttribute, SeparateConsentAttribute });

        private DeclaredRights(Compilation compilation, CancellationToken cancellationToken)
        {
            var handler = PrivacySymbols.Find(compilation, HandlerAttribute);
            var withdrawal = PrivacySymbols.Find(compilation, WithdrawalAttribute);
            var consent = PrivacySymbols.Find(compilation, ConsentAttribute);
            var separate = PrivacySymbols.Find(compilation, SeparateConsentAttribute);
            if (handler == null && consent == null && separate == null)
            {
                return;
            }

            foreach (var symbol in AttributeNames.OutermostTypesWith(compilation, WrittenNames, cancellationToken).SelectMany(TypeAndMembers))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var attribute in symbol.GetAttributes())
                {
                    var type = attribute.AttributeClass;
                    if (Same(type, handler) && attribute.ConstructorArguments.Length == 2
                        && attribute.ConstructorArguments[0].Value is int rights && attribute.ConstructorArguments[1].Value is string subject)
                    {
                        _rightsBySubject[subject] = (_rightsBySubject.TryGetValue(subject, out int known) ? known : 0) | rights;
                    }
                    else if (Same(type, withdrawal) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string withdrawn)
                    {
                        _withdrawable.Add(withdrawn);
                    }
                    else if (Same(type, separate) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string consentId)
                    {
                        _consents.Add(new GivenConsent(consentId, attribute));
                    }
                    else if (Same(type, consent) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array)
                    {
                        foreach (var purpose in attribute.ConstructorArguments[0].Values)
                        {
                            if (purpose.Value is string purposeId)
                            {
                                _consents.Add(new GivenConsent(purposeId, attribute));
                            }
                        }
                    }
                }
            }
        }

        public IReadOnlyList<GivenConsent> Consents => _consents;

        /// <summary>Read once per compilation: the rights and consent rules both walk every source symbol otherwise.</summary>
        public static DeclaredRights For(Compilation compilation, CancellationToken cancellationToken)
            => s_perCompilation.GetValue(compilation, c => new DeclaredRights(c, cancellationToken));

        /// <summary>The rights declared for a subject (flags of <c>DataSubjectRight</c>).</summary>
        public int RightsOf(string subject) => _rightsBySubject.TryGetValue(subject, out int rights) ? rights : 0;

        /// <summary>Whether a consent can be withdrawn: a <c>[ConsentWithdrawal(id)]</c> for it, or a handler granting WithdrawConsent to anyone.</summary>
        public bool CanWithdraw(string consentId) => _withdrawable.Contains(consentId) || _rightsBySubject.Values.Any(r => (r & WithdrawConsent) != 0);

        private static IEnumerable<ISymbol> TypeAndMembers(INamedTypeSymbol type)
        {
            yield return type;
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    foreach (var symbol in TypeAndMembers(nested))
                    {
                        yield return symbol;
                    }

                    continue;
                }

                yield return member;
                if (member is IMethodSymbol method)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        yield return parameter;
                    }
                }
            }
        }
    }
}
