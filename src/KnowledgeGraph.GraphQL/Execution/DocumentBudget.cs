using System.Runtime.CompilerServices;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>Why a document was refused before validation: a stable code and a message naming the limit.</summary>
internal sealed record BudgetViolation(string Code, string Message);

/// <summary>
/// The document budget, checked after parsing and before any validation rule runs. Validation work in GraphQL.NET
/// grows with the document after fragment expansion (OverlappingFieldsCanBeMerged compares fields with the same
/// response name pairwise; the complexity rule walks every spread), so a 1.6 KB document whose fragments each spread
/// the previous one twice, or 32,000 copies of one field, would keep a core busy for minutes. Capping the expanded
/// field and spread counts bounds every rule by a polynomial of small numbers: with at most <c>MaxFields</c> fields
/// after expansion, the pairwise rule does at most MaxFields² comparisons.
/// </summary>
/// <remarks>
/// The expanded counts are computed without expanding: each fragment's count is computed once (memoised) and a
/// spread adds its fragment's count; arithmetic saturates, so 2^39 copies cost 39 steps. A spread that closes a
/// cycle adds nothing here; the NoFragmentCycles rule reports the cycle.
/// </remarks>
internal static partial class DocumentBudget
{
    /// <summary>Parses with the configured nesting cap; returns the document or the violation.</summary>
    public static (GraphQLDocument? Document, BudgetViolation? Violation) Parse(string query, KgGraphQLOptions options)
    {
        try
        {
            return (Parser.Parse(query, new ParserOptions { MaxDepth = options.MaxDocumentDepth }), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new BudgetViolation(KgErrorCodes.NestingTooDeep,
                $"The document is nested deeper than GraphQL:MaxDocumentDepth ({options.MaxDocumentDepth} syntax nodes)."));
        }
        catch (GraphQLSyntaxErrorException)
        {
            // the executor reports the syntax error in the GraphQL way, with its location
            return (null, null);
        }
        catch (InsufficientExecutionStackException)
        {
            return (null, new BudgetViolation(KgErrorCodes.NestingTooDeep, "The document is nested too deeply."));
        }
    }

    /// <summary>Checks tokens, string encoding and expanded field/spread counts; null when within budget.</summary>
    public static BudgetViolation? Check(string query, GraphQLDocument document, KgGraphQLOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (CheckTokens(query, options) is { } tokens) return tokens;
        try
        {
            return CheckExpansion(document, options);
        }
        catch (InsufficientExecutionStackException)
        {
            return new BudgetViolation(KgErrorCodes.NestingTooDeep, "The document's fragments are nested too deeply.");
        }
    }

    /// <summary>Counts lexical tokens (comments excluded) up to the cap, and refuses string values that are not
    /// valid UTF-16 (a lone <c>\ud800</c> escape): they cannot be stored, compared or written back as JSON.</summary>
    private static BudgetViolation? CheckTokens(string query, KgGraphQLOptions options)
    {
        var source = new ROM(query.AsMemory());
        var position = 0;
        var count = 0;
        while (true)
        {
            var token = Lexer.Lex(source, position);
            if (token.Kind == TokenKind.EOF) return null;
            position = token.End;
            if (token.Kind == TokenKind.COMMENT) continue;
            if (++count > options.MaxTokens)
                return new BudgetViolation(KgErrorCodes.MaxTokensExceeded,
                    $"The document has more than GraphQL:MaxTokens ({options.MaxTokens}) tokens.");
            if (token.Kind == TokenKind.STRING && !IsValidUtf16(token.Value.Span))
                return new BudgetViolation(KgErrorCodes.InvalidEncoding,
                    "A string in the document is not valid Unicode (a lone surrogate such as \\ud800).");
        }
    }

    internal static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    private static BudgetViolation? CheckExpansion(GraphQLDocument document, KgGraphQLOptions options)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var f in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(f.FragmentName.Name.StringValue, f);
        var counter = new Counter(fragments);
        // Validation visits every definition, so each one's expansion counts, used or not.
        var total = Cost.Zero;
        foreach (var definition in document.Definitions)
        {
            var cost = definition switch
            {
                GraphQLOperationDefinition o => counter.Of(o.SelectionSet),
                GraphQLFragmentDefinition f => counter.OfFragment(f.FragmentName.Name.StringValue),
                _ => Cost.Zero,
            };
            total = total.Plus(cost);
        }
        if (total.Spreads > options.MaxFragmentSpreads)
            return new BudgetViolation(KgErrorCodes.MaxFragmentSpreadsExceeded,
                $"The document has more than GraphQL:MaxFragmentSpreads ({options.MaxFragmentSpreads}) fragment spreads once fragments are expanded.");
        if (total.Fields > options.MaxFields)
            return new BudgetViolation(KgErrorCodes.MaxFieldsExceeded,
                $"The document selects more than GraphQL:MaxFields ({options.MaxFields}) fields once fragments are expanded.");
        // Only now is expanding affordable: at most MaxFields fields and MaxFragmentSpreads spreads.
        var pairs = FieldPairs(document, fragments);
        if (pairs > options.MaxFieldPairs)
            return new BudgetViolation(KgErrorCodes.MaxFieldPairsExceeded,
                $"Validating the document would compare {pairs} pairs of same-named fields or of fragments (fragments expanded), more than GraphQL:MaxFieldPairs ({options.MaxFieldPairs}).");
        return null;
    }

    /// <summary>Expanded counts, saturating at <see cref="long.MaxValue"/>.</summary>
    internal readonly record struct Cost(long Fields, long Spreads)
    {
        public static Cost Zero => default;

        public Cost Plus(Cost other) => new(Add(Fields, other.Fields), Add(Spreads, other.Spreads));

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }

    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, Cost> _done = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public Cost OfFragment(string name)
        {
            if (_done.TryGetValue(name, out var known)) return known;
            // unknown fragment (KnownFragmentNames reports it) or a cycle (NoFragmentCycles reports it)
            if (!fragments.TryGetValue(name, out var definition) || !_inProgress.Add(name)) return Cost.Zero;
            var cost = Of(definition.SelectionSet);
            _inProgress.Remove(name);
            _done[name] = cost;
            return cost;
        }

        public Cost Of(GraphQLSelectionSet? set)
        {
            if (set is null) return Cost.Zero;
            // Nesting is bounded by the parser's depth cap; a long chain of fragments is not, hence the guard.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var cost = Cost.Zero;
            foreach (var selection in set.Selections)
            {
                cost = cost.Plus(selection switch
                {
                    GraphQLField field => new Cost(1, 0).Plus(Of(field.SelectionSet)),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => new Cost(0, 1).Plus(OfFragment(spread.FragmentName.Name.StringValue)),
                    _ => Cost.Zero,
                });
            }
            return cost;
        }
    }
}
