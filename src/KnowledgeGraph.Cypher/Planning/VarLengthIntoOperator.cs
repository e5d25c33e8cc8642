using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// VarLengthExpand(Into) with pushed path predicates: <c>MATCH p = (a)-[T*m..n]-(b) WHERE all(… nodes(p) …) AND
/// all(… relationships(p) …)</c> with a and b bound, as each branch of a `paths` statement. The walk is a
/// <see cref="BoundWalk"/> over the statement's <see cref="WalkGraph"/> (verdicts and adjacency shared by the
/// branches), which finds the matcher's paths in the matcher's order; only the paths found are made into values.
/// The WHERE is then tested as <see cref="PatternWalkOperator"/> does: only the conjuncts the walk did not check
/// (<paramref name="unchecked"/>, null: none) while no pushed predicate failed with an error, else the whole of it.
/// A statement that can write runs <paramref name="fallback"/> (the matcher's walk, which reads adjacency as it goes).
/// </summary>
internal sealed class VarLengthIntoOperator(PlanOperator child, RelationshipPattern rp, IReadOnlyList<string>? types, PathPredicates filter, long min, long max,
    int fromSlot, string fromName, int toSlot, int pathSlot, int relsSlot, int[] readSlots, SlotExpression? where, SlotExpression? @unchecked,
    PlanOperator fallback) : PlanOperator(child)
{
    public override string Name => "VarLengthExpand(Into)";

    private readonly WalkGraph.Key _key = WalkGraph.KeyOf(rp, filter);

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        if (ctx.Writer is not null)
        {
            foreach (var batch in fallback.Run(ctx)) yield return batch;
            yield break;
        }
        var emit = new BatchWriter();
        var walk = BoundWalk.Rent(min, max, filter.DistinctNodes, ctx);
        var reads = new object?[readSlots.Length];
        try
        {
            foreach (var batch in Child!.Run(ctx))
            {
                foreach (var input in batch)
                {
                    ctx.Tick();
                    if (ExpandOperator.NodeIdOf(input[fromSlot], fromName) is not { } start) continue;
                    if (ctx.DeletedNodes.Contains(start) || !ctx.Reader.NodeExists(start)) continue;
                    if (input[toSlot] is not NodeValue target) continue;
                    for (var i = 0; i < reads.Length; i++) reads[i] = input[readSlots[i]];
                    var graph = WalkGraph.For(rp, types, filter, _key, reads, ctx);
                    var errors = ctx.PathPredicateErrors;
                    // The walk's first node is on every path it finds.
                    if (!graph.NodeOk(start, ctx)) continue;
                    walk.Start(start, target.Id, graph);
                    while (walk.Next(ctx))
                    {
                        var copy = ExpandOperator.Copy(input);
                        Bind(copy, walk);
                        var test = ctx.PathPredicateErrors == errors ? @unchecked : where;
                        if (test is not null && test(copy, ctx) is not true) continue;
                        if (emit.Add(copy)) yield return emit.Take();
                    }
                }
            }
        }
        finally
        {
            walk.Close();
            BoundWalk.Return(walk, ctx);
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }

    /// <summary>Writes the path and the relationship list (those the statement binds) of the walk's current path.</summary>
    private void Bind(object?[] row, BoundWalk walk)
    {
        if (pathSlot < 0 && relsSlot < 0) return;
        var records = walk.Rels;
        var rels = new RelValue[records.Length];
        // The walk's own values (judged once per statement), not a new one per path holding the relationship.
        for (var i = 0; i < rels.Length; i++) rels[i] = walk.Graph.ValueOf(records[i]);
        if (pathSlot >= 0)
        {
            // The graph's node values: nodes(p) then lists values the statement already holds.
            var ids = walk.Nodes;
            var nodes = new NodeValue[ids.Length];
            for (var i = 0; i < nodes.Length; i++) nodes[i] = walk.Graph.NodeValueOf(ids[i]);
            row[pathSlot] = new PathValue(nodes, rels);
        }
        if (relsSlot >= 0)
        {
            var list = new List<object?>(rels.Length);
            foreach (var r in rels) list.Add(r);
            row[relsSlot] = list;
        }
    }
}
