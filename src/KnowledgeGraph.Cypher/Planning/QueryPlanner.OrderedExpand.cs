using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// A subquery of the GraphQL connections' shape, <c>MATCH (a)-[r:T]-&gt;(b:L) [WHERE p] WITH r, b ORDER BY b.x, b.y
/// LIMIT k …</c> with <c>a</c> imported, starts with <see cref="OrderedExpandOperator"/> (top-k over sorted
/// neighbours, degree-independent) instead of Expand and Top, exactly where the interpreter takes its ordered path
/// (Execution/QueryExecutor.OrderedExpand.cs): same shape, same conditions; the rest of the subquery is planned
/// as usual over its rows.
/// </summary>
internal sealed partial class QueryPlanner
{
    private sealed record OrderedShape(MatchClause Match, string Start, string? Rel, string End, NodePattern EndPattern, string Type,
        Expression Limit, (string, bool)[] Keys, SingleQuery Rest, Direction Direction);

    private sealed record OrderedShapeHolder(OrderedShape? Shape);

    // Per query tree, so the rest query is one tree too (what is cached per tree below it stays cached).
    private static readonly ConditionalWeakTable<SingleQuery, OrderedShapeHolder> OrderedShapes = new();

    /// <summary>Pushes the OrderedExpand when <paramref name="q"/> has the shape; returns the query left to plan over it.</summary>
    private SingleQuery? TryOrderedExpand(SingleQuery q)
    {
        if (q.Clauses.Count < 3 || _ctx.Reader is not IAdjacencyStamps || _ctx.DeletedNodes.Count > 0 || _ctx.DeletedRels.Count > 0) return null;
        if (OrderedShapes.GetValue(q, static query => new OrderedShapeHolder(ShapeOf(query))).Shape is not { } shape) return null;
        if (!_scope.TryGetValue(shape.Start, out var startSlot) || _scope.ContainsKey(shape.End) || (shape.Rel is not null && _scope.ContainsKey(shape.Rel)))
            return null;
        var limit = Argument(shape.Limit, "LIMIT");
        var relSlot = shape.Rel is null ? -1 : _scope[shape.Rel] = _layout.Add();
        var endSlot = _scope[shape.End] = _layout.Add();
        var where = shape.Match.Where is null ? null : Compile(shape.Match.Where);
        _estimate = Math.Max(1, Math.Min(limit, 10));
        Push(new OrderedExpandOperator(_plan!, startSlot, relSlot, endSlot, shape.EndPattern.Labels, shape.Direction, shape.Type, shape.Keys, limit, where)
        {
            Details = _ctx.Describing ? QueryTextOf(shape) : null,
            EstimatedRows = _estimate,
        });
        return shape.Rest;
    }

    private static string QueryTextOf(OrderedShape shape) =>
        $"({shape.Start})-[{shape.Rel}:{shape.Type}]-({shape.End}) ORDER BY " + string.Join(", ", shape.Keys.Select(k => shape.End + "." + k.Item1 + (k.Item2 ? " DESC" : " ASC")));

    /// <summary>The interpreter's ordered shape (OrderedShape.Of in Execution/QueryExecutor.OrderedExpand.cs).</summary>
    private static OrderedShape? ShapeOf(SingleQuery q)
    {
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
        return new OrderedShape(m, av, rv, bv, b, type.Name, limit, [.. keys], rest, LabelMatch.ToStorage(r.Direction));
    }
}
