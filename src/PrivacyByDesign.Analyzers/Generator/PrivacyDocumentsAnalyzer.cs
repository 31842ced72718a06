using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyByDesign.Analyzers.Documents;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// Publishes the data inventory and the privacy documents on real builds (PrivacyByDesignOutputPath), and reports
    /// PBD9001 when the folder cannot be written. It runs at the end of the compilation, as an analyzer rather than in
    /// the generator, so that it reads the symbols the compiler has already bound and the classifier, EF Core model and
    /// collection points the rules have already built: a generator runs on a compilation of its own and would bind the
    /// whole program a second time.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PrivacyDocumentsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.DocumentsNotWritten,
            title: "Privacy documents could not be written",
            messageFormat: "The privacy documents could not be written to '{0}': {1}",
            category: RuleCategories.Generator,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The build went on without updating the data inventory and the privacy documents. Make the folder writable or point PrivacyByDesignOutputPath elsewhere.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DocumentsNotWritten),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private static readonly ImmutableHashSet<string> CodeAttributeNames = ModelBuilder.CodeAttributes
            .Select(name => name.Substring(name.LastIndexOf('.') + 1))
            .SelectMany(name => new[] { name, name.Substring(0, name.Length - "Attribute".Length) })
            .ToImmutableHashSet(StringComparer.Ordinal);

        private static readonly ImmutableHashSet<string> CodeAttributeMetadataNames = ModelBuilder.CodeAttributes.ToImmutableHashSet(StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var options = GeneratorOptions.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                if (!options.WritesFiles)
                {
                    return;
                }

                var facts = new CodeFacts(UsesAliases(start.Compilation, start.CancellationToken));
                start.RegisterSyntaxNodeAction(c => facts.Add((AttributeSyntax)c.Node, c.SemanticModel, c.CancellationToken), SyntaxKind.Attribute);
                start.RegisterCompilationEndAction(end =>
                {
                    var model = ModelBuilder.Combine(
                        ModelBuilder.ReadAssembly(end.Compilation, end.CancellationToken),
                        ModelBuilder.ReadData(end.Compilation, end.Options, end.CancellationToken),
                        ImmutableArray.Create(facts.ToEquatableArray()));
                    var documents = DocumentSet.Render(model);
                    try
                    {
                        DocumentWriter.WriteAll(options.OutputPath!, documents, DocumentSet.OptionalFileNames);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // A locked or read-only folder must not stop the build; it is reported and the next build writes again.
                        end.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, options.OutputPath, ex.Message));
                    }
                });
            });
        }

        /// <summary>
        /// A using alias can rename an attribute (<c>using Share = PrivacyByDesign.SharedWithAttribute;</c>); in a
        /// compilation with aliases every attribute is bound, otherwise only those whose name is one of ours.
        /// </summary>
        private static bool UsesAliases(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit
                    && (unit.Usings.Any(u => u.Alias != null) || unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Alias != null))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The code-level declarations of a compilation, one reading per declared symbol.</summary>
        private sealed class CodeFacts
        {
            private readonly bool _bindEveryAttribute;
            private readonly ConcurrentDictionary<ISymbol, EquatableArray<CodeFactModel>> _bySymbol = new(SymbolEqualityComparer.Default);

            public CodeFacts(bool bindEveryAttribute) => _bindEveryAttribute = bindEveryAttribute;

            public void Add(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
            {
                if (attribute.Parent is not AttributeListSyntax { Target: null } list || (!_bindEveryAttribute && !CodeAttributeNames.Contains(SimpleName(attribute.Name))))
                {
                    return;
                }

                if (model.GetTypeInfo(attribute, cancellationToken).Type is not INamedTypeSymbol type || !CodeAttributeMetadataNames.Contains(type.ToDisplayString()))
                {
                    return;
                }

                foreach (var symbol in DeclaredSymbols(list.Parent, model, cancellationToken))
                {
                    _bySymbol.GetOrAdd(symbol, s => ModelBuilder.ReadCodeFacts(s, s.GetAttributes(), cancellationToken));
                }
            }

            public EquatableArray<CodeFactModel> ToEquatableArray() => _bySymbol.Values.SelectMany(f => f).ToEquatableArray();

            private static IEnumerable<ISymbol> DeclaredSymbols(SyntaxNode? owner, SemanticModel model, CancellationToken cancellationToken)
            {
                var symbols = owner switch
                {
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken)),
                    MemberDeclarationSyntax or ParameterSyntax or LocalFunctionStatementSyntax => new[] { model.GetDeclaredSymbol(owner, cancellationToken) },
                    _ => Enumerable.Empty<ISymbol?>(),
                };
                return symbols.Where(s => s != null).Select(s => s!);
            }

            private static string SimpleName(NameSyntax name) => name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
        }
    }
}
