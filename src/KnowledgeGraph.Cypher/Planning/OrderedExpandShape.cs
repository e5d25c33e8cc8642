using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// A subquery of the GraphQL connections' shape, <c>MATCH (a)-[r:T]-&gt;(b:L) [WHERE p] WITH r, b ORDER BY b.x, b.y
/// LIMIT k …</c>: what the planner (OrderedExpandOperator) and the interpreter (QueryExecutor.TryOrderedExpand) both
/// read from the text to walk <c>a</c>'s neighbours already sorted and stop after k rows. One finder for both, so the
/// two never disagree on which subqueries take the ordered walk. All sort keys are properties of <c>b</c>; <see
/// cref="Rest"/> is the query that runs on the ordered rows (the WITH without its ORDER BY and LIMIT, then the rest),
/// the same tree every time, so what is cached per tree below it stays cached.
/// </summary>
internal sealed record OrderedExpandShape(MatchClause Match, string Start, string? Rel, string End, NodePattern EndPattern, string Type,
    Expression Limit, (string Key, bool Descending)[] Keys, SingleQuery Rest, Direction Direction)
{
    private sealed record Holder(OrderedExpandShape? Shape);

    // Per query tree: found once per cached statement.
    private static readonly ConditionalWeakTable<SingleQuery, Holder> Shapes = new();

    /// <summary>The shape of <paramref name="q"/>, or null when it has another one.</summary>
    public static OrderedExpandShape? Of(SingleQuery q) => Shapes.GetValue(q, static query => new Holder(Find(query))).Shape;

    private static OrderedExpandShape? Find(SingleQuery q)
    {
        if (q.Clauses.Count < 3) return null;
        if (q.Clauses[0] is not MatchClause { Optional: false } m || m.Hints.Count > 0 || m.Pattern.Parts.Count != 1) return null;
        var part = m.Pattern.Parts[0];
        if (part.Selector is not null || part.PathVariable is not null) return null;
        if (part.Path.Elements is not [NodePattern a, RelationshipPattern r, NodePattern b]) return null;
        if (a is not { Variable: { } av, Labels: null, Properties: null, Where: null }) return null;
        if (r is not { IsVariableLength: false, Properties: null, Where: null, Types: LabelName type }
            || r.Direction is not (RelationshipDirection.Outgoing or RelationshipDirection.Incoming)) return null;
        if (b is not { Variable: { } bv, Properties: null, Where: null } || bv == av || bv == r.Variable) return null;
        var rv = r.Variable;
        if (rv is not null && rv == av) return null;
        if (q.Clauses[1] is not WithClause { Where: null, Body: { Distinct: false, IncludeExisting: false, Skip: null, Limit: { } limit } body } with
            || body.OrderBy.Count == 0) return null;
        if (!body.Items.All(i => i.Expression is Variable v && i.Name == v.Name && (v.Name == bv || v.Name == rv)) || !body.Items.Any(i => i.Name == bv))
            return null;
        var keys = new List<(string, bool)>();
        foreach (var o in body.OrderBy)
        {
            if (o.Expression is not PropertyAccess { Target: Variable target, Key: var key } || target.Name != bv) return null;
            keys.Add((key, o.Descending));
        }
        var rest = new SingleQuery(AstList.From(q.Clauses.Skip(2).Prepend(with with { Body = body with { OrderBy = AstList<SortItem>.Empty, Limit = null } })));
        return new OrderedExpandShape(m, av, rv, bv, b, type.Name, limit, [.. keys], rest, LabelMatch.ToStorage(r.Direction));
    }
}
