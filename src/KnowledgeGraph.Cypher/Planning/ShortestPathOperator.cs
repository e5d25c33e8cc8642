using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// ShortestPath: for each input row, the pattern matcher searches one shortestPath / allShortestPaths / selector part
/// exactly as the interpreter's MATCH does — the same BFS (or trail enumeration for other shapes), the same
/// predicates applied during the search, the same relationship uniqueness (the relationships the clause already
/// bound are passed as used) — over a row of the bound variables, and the variables it binds are written into their
/// slots. Delegating the search keeps the semantics identical; the operator is what EXPLAIN/PROFILE show, with the
/// rows it produced and the db hits the search counted.
/// </summary>
internal sealed class ShortestPathOperator(PlanOperator? child, PatternPart part, string[] inputNames, int[] inputSlots,
    string[] outputNames, int[] outputSlots, int[] usedSlots, Expression? where, List<PatternMatcher.SeekHint>? hints, SlotLayout layout)
    : PlanOperator(child)
{
    public override string Name => "ShortestPath";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var emit = new BatchWriter();
        var values = new object?[inputNames.Length];
        foreach (var batch in Input(ctx, layout.Width))
        {
            foreach (var input in batch)
            {
                ctx.Tick();
                for (var i = 0; i < values.Length; i++) values[i] = input[inputSlots[i]];
                var row = Row.FromArrays(inputNames, ExpandOperator.Copy(values));
                var used = VarLengthExpandOperator.UsedRelationships(input, usedSlots);
                foreach (var found in PatternMatcher.MatchPart(part, row, ctx, used, null, hints, where))
                {
                    var copy = ExpandOperator.Copy(input);
                    for (var i = 0; i < outputSlots.Length; i++) copy[outputSlots[i]] = found[outputNames[i]];
                    if (emit.Add(copy)) yield return emit.Take();
                }
            }
        }
        if (emit.Current.Count > 0) yield return emit.Current;
    }
}

/// <summary>
/// Projection of a path variable over a fixed- or variable-length chain: the path from the chain's first node
/// through its relationships in written order (a variable-length relationship's list spliced in, its inner nodes
/// being each relationship's far end). A null element (an OPTIONAL MATCH that found nothing) gives a null path.
/// </summary>
internal sealed class PathProjectionOperator(PlanOperator child, int startSlot, int[] relSlots, int[] nodeSlots, int pathSlot) : PlanOperator(child)
{
    public override string Name => "Projection";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var row in batch) row[pathSlot] = PathOf(row);
            yield return batch;
        }
    }

    private PathValue? PathOf(object?[] row)
    {
        if (row[startSlot] is not NodeValue start) return null;
        var nodes = new List<long>(relSlots.Length + 1) { start.Id };
        var rels = new List<RelValue>(relSlots.Length);
        for (var i = 0; i < relSlots.Length; i++)
        {
            switch (row[relSlots[i]])
            {
                case RelValue r:
                    if (row[nodeSlots[i]] is not NodeValue next) return null;
                    rels.Add(r);
                    nodes.Add(next.Id);
                    break;
                case IReadOnlyList<object?> list:
                    foreach (var x in list)
                    {
                        if (x is not RelValue lr) return null;
                        rels.Add(lr);
                        nodes.Add(lr.Other(nodes[^1]));
                    }
                    break;
                default:
                    return null;
            }
        }
        return new PathValue([.. nodes], [.. rels]);
    }
}
