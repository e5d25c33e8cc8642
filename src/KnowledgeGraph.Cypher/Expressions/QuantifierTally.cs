using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Expressions;

/// <summary>
/// The three-valued verdict of <c>all</c> / <c>any</c> / <c>none</c> / <c>single</c> over the results of a list's
/// items, item by item: one rule for the evaluator and the compiled quantifiers, so both answer alike. A local of
/// the quantifier's loop (a mutable struct, never copied).
/// </summary>
internal struct QuantifierTally(ListPredicateKind kind)
{
    private int _trues;
    private int _nulls;

    /// <summary>Counts one item's result. Returns the verdict once it is decided whatever follows (always true or
    /// false, never null), or null while it is not.</summary>
    public object? Add(bool? result)
    {
        if (result == true) _trues++;
        else if (result is null) _nulls++;
        else if (kind == ListPredicateKind.All) return Boxed.False;
        return kind switch
        {
            ListPredicateKind.Any when _trues > 0 => Boxed.True,
            ListPredicateKind.None when _trues > 0 => Boxed.False,
            ListPredicateKind.Single when _trues > 1 => Boxed.False,
            _ => null,
        };
    }

    /// <summary>The verdict after the last item: unknown (null) when an item was, otherwise by the counts.</summary>
    public readonly object? Result() => _nulls > 0 ? null : kind switch
    {
        ListPredicateKind.All or ListPredicateKind.None => Boxed.True,
        ListPredicateKind.Any => Boxed.False,
        _ => Boxed.Of(_trues == 1),
    };
}
