using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Execution;

internal static partial class QueryExecutor
{
    /// <summary>
    /// Top-k over ordered neighbours: a subquery (COLLECT / COUNT / EXISTS body or CALL) of the shape
    /// <c>MATCH (a)-[r:T]-&gt;(b:L) [WHERE p] WITH r, b ORDER BY b.x, b.y LIMIT k ...</c> with <c>a</c> bound
    /// from outside walks <c>a</c>'s neighbours already sorted by (b.x, b.y) (<see cref="OrderedNeighbours"/>) and
    /// stops after k rows that pass the labels and the predicate, instead of expanding and sorting the whole
    /// neighbourhood. This is the shape GraphQL connections compile to; the Cypher text is the same for Neo4j.
    /// All sort keys must be properties of <c>b</c> (each ASC or DESC); anything else, and any writer (whose
    /// snapshot is still moving), takes the general path.
    /// </summary>
    private static Pipeline? TryOrderedExpand(SingleQuery q, IEnumerable<Row> input, ExecContext ctx, IReadOnlyList<string> outerScope)
    {
        if (outerScope.Count == 0 || q.Clauses.Count < 3 || ctx.Reader is not IAdjacencyStamps) return null;
        if (ctx.DeletedNodes.Count > 0 || ctx.DeletedRels.Count > 0) return null;
        if (OrderedExpandShape.Of(q) is not { } shape) return null;
        var (m, av, rv, bv) = (shape.Match, shape.Start, shape.Rel, shape.End);
        if (!outerScope.Contains(av) || outerScope.Contains(bv) || (rv is not null && outerScope.Contains(rv))) return null;
        var (b, type, limit, keys, rest, direction) = (shape.EndPattern, shape.Type, shape.Limit, shape.Keys, shape.Rest, shape.Direction);
        var scope = outerScope.Concat(rv is null ? [bv] : [rv, bv]).Distinct().ToList();

        IEnumerable<Row> Rows()
        {
            long? k = null;
            foreach (var row in input)
            {
                ctx.Tick();
                k ??= CountArg(limit, ctx, "LIMIT");
                if (k == 0 || !row.TryGet(av, out var bound) || bound is not NodeValue start) continue;
                var sorted = OrderedNeighbours.Get(start.Id, direction, type, keys, ctx)
                    ?? throw new InvalidOperationException("ordered neighbours need a published snapshot");
                var taken = 0L;
                var count = sorted.RelIds.Length;
                for (var i = 0; i < count; i++)
                {
                    ctx.Tick();
                    ctx.DbHits++;
                    var other = sorted.Others[i];
                    if (!LabelMatch.NodeLabelsMatch(other, b.Labels, ctx)) continue;
                    var matched = row;
                    if (rv is not null)
                    {
                        var rel = direction == Direction.Outgoing
                            ? new RelValue(sorted.RelIds[i], sorted.Type, start.Id, other)
                            : new RelValue(sorted.RelIds[i], sorted.Type, other, start.Id);
                        matched = matched.With(rv, rel);
                    }
                    matched = matched.With(bv, new NodeValue(other));
                    if (m.Where is not null && Evaluator.Eval(m.Where, matched, ctx) is not true) continue;
                    yield return matched;
                    if (++taken == k) break;
                }
            }
        }

        var head = new ProfileNode("OrderedExpand", []) { Details = ctx.Describing ? PatternText(m.Pattern) : null };
        return BuildSingle(rest, head.Wrap(Rows(), ctx), ctx, scope);
    }
}
