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
    /// <summary>Pushes the OrderedExpand when <paramref name="q"/> has the shape; returns the query left to plan over it.</summary>
    private SingleQuery? TryOrderedExpand(SingleQuery q)
    {
        if (q.Clauses.Count < 3 || _ctx.Reader is not IAdjacencyStamps || _ctx.DeletedNodes.Count > 0 || _ctx.DeletedRels.Count > 0) return null;
        if (OrderedExpandShape.Of(q) is not { } shape) return null;
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

    private static string QueryTextOf(OrderedExpandShape shape) =>
        $"({shape.Start})-[{shape.Rel}:{shape.Type}]-({shape.End}) ORDER BY " + string.Join(", ", shape.Keys.Select(k => shape.End + "." + k.Item1 + (k.Item2 ? " DESC" : " ASC")));
}
