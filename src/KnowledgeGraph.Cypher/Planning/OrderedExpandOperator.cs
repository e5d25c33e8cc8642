using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// OrderedExpand (the interpreter's name for it): top-k over ordered neighbours in a subquery's plan. For each
/// input row it walks the bound start node's neighbours already sorted by the far node's sort keys
/// (<see cref="OrderedNeighbours"/>) and stops after <c>limit</c> rows that pass the far node's labels and the
/// MATCH's WHERE, so a page of a hub reads about a page — the interpreter's ordered path, row for row.
/// </summary>
internal sealed class OrderedExpandOperator(PlanOperator child, int startSlot, int relSlot, int endSlot, LabelExpression? labels, Direction direction,
    string type, (string Key, bool Descending)[] keys, long limit, SlotExpression? where) : PlanOperator(child)
{
    public override string Name => "OrderedExpand";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        foreach (var batch in Child!.Run(ctx))
        {
            var output = new List<object?[]>();
            foreach (var row in batch)
            {
                ctx.Tick();
                if (limit == 0 || row[startSlot] is not NodeValue start) continue;
                var sorted = OrderedNeighbours.Get(start.Id, direction, type, keys, ctx)
                    ?? throw new InvalidOperationException("ordered neighbours need a published snapshot");
                var taken = 0L;
                for (var i = 0; i < sorted.RelIds.Length; i++)
                {
                    ctx.Tick();
                    ctx.DbHits++;
                    var other = sorted.Others[i];
                    if (!LabelMatch.NodeLabelsMatch(other, labels, ctx)) continue;
                    var matched = ExpandOperator.Copy(row);
                    if (relSlot >= 0)
                        matched[relSlot] = direction == Direction.Outgoing
                            ? new RelValue(sorted.RelIds[i], sorted.Type, start.Id, other)
                            : new RelValue(sorted.RelIds[i], sorted.Type, other, start.Id);
                    matched[endSlot] = new NodeValue(other);
                    if (where is not null && where(matched, ctx) is not true) continue;
                    output.Add(matched);
                    if (++taken == limit) break;
                }
            }
            if (output.Count > 0) yield return output;
        }
    }
}
