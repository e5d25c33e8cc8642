using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>How <see cref="DegreeCountOperator"/> counts one start node's expansion.</summary>
internal enum DegreeCountKind
{
    /// <summary>No test on the relationship or the far node: the store's typed degree, O(number of types).</summary>
    Degree,

    /// <summary>The far node's only test is one label, one relationship type: <see cref="LabelDegrees"/> (a
    /// label-bitmap test per relationship, its result kept across statements while the snapshot proves it).</summary>
    LabelCount,

    /// <summary>Anything else: walk the relationships and test each far node (and relationship) in a scratch row.</summary>
    Walk,
}

/// <summary>
/// GetDegree: an Expand(All) plus the Filter on its far end, fused, for an aggregation that only counts the
/// expansion's rows (<c>count(*)</c>, <c>count(p)</c> of the far node or the relationship) and groups by what was
/// bound before the hop. Instead of a row per relationship it writes, on each input row, how many relationships
/// the expand would have produced (<see cref="CountSlot"/>), and drops rows whose count is 0 (they form no group);
/// the aggregation above sums the counts. Same relationships as the expand (same reader, same type list, same
/// uniqueness and null/type rules), so deleted or uncommitted data of the transaction counts as the expand sees it.
/// </summary>
internal sealed class DegreeCountOperator(PlanOperator child, ExpandOperator expand, SlotExpression? predicate, DegreeCountKind kind,
    string? label, int countSlot) : PlanOperator(child)
{
    /// <summary>Whether the filter reads the relationship (else the walk builds no relationship value).</summary>
    public bool ReadsRelationship { get; init; } = true;

    public override string Name => "GetDegree";

    public DegreeCountKind Kind { get; } = kind;

    public int CountSlot { get; } = countSlot;

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var scratch = Array.Empty<object?>();
        foreach (var batch in Child!.Run(ctx))
        {
            // Counting in place: the batch belongs to this operator once pulled.
            var kept = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var input = batch[i];
                ctx.Tick();
                if (expand.StartOf(input) is not { } start) continue;
                long count;
                if (Kind == DegreeCountKind.Degree && ctx.DeletedNodes.Count == 0 && ctx.DeletedRels.Count == 0)
                {
                    ctx.DbHits++;
                    count = ctx.Reader.GetDegree(start, expand.Direction, expand.TypeList);
                }
                else if (Kind == DegreeCountKind.LabelCount && ctx.DeletedNodes.Count == 0 && ctx.DeletedRels.Count == 0
                    && LabelDegrees.CountToLabel(start, expand.Direction, expand.TypeList![0], label!, ctx) is { } labelled)
                    count = labelled;
                else if (Kind == DegreeCountKind.LabelCount && ctx.DeletedNodes.Count == 0 && ctx.DeletedRels.Count == 0
                    && ctx.Reader is INeighbourLabelCounts)
                {
                    // A writer's snapshot (its own uncommitted relationships and labels): counted, never kept.
                    ctx.DbHits++;
                    var degree = ctx.Reader.GetDegree(start, expand.Direction, expand.TypeList);
                    count = LabelDegrees.Count(start, expand.Direction, expand.TypeList![0], expand.TypeList, label!, degree, ctx);
                }
                else
                {
                    if (scratch.Length != input.Length) scratch = new object?[input.Length];
                    count = Walk(input, start, scratch, ctx);
                }
                if (count == 0) continue;
                input[CountSlot] = count;
                batch[kept++] = input;
            }
            if (kept == 0) continue;
            batch.RemoveRange(kept, batch.Count - kept);
            yield return batch;
        }
    }

    /// <summary>The rows Expand(All) + Filter would produce from <paramref name="input"/>, counted: each candidate
    /// is written into a scratch copy of the row and tested by the filter's own compiled predicate.</summary>
    private long Walk(object?[] input, long start, object?[] scratch, ExecContext ctx)
    {
        var filterTypes = expand.TypeList is null && expand.Types is not null;
        input.AsSpan().CopyTo(scratch);
        long count = 0;
        foreach (var r in ctx.Reader.Adjacency(start, expand.Direction, expand.TypeList))
        {
            ctx.Tick();
            ctx.DbHits++;
            if (filterTypes && !Expressions.LabelMatch.TypeMatches(r.Type, expand.Types)) continue;
            if (Used(input, r.Id)) continue;
            if (predicate is not null)
            {
                if (ReadsRelationship) scratch[expand.Rel] = RelValue.Of(r);
                scratch[expand.To] = new NodeValue(r.OtherNode(start));
                if (predicate(scratch, ctx) is not true) continue;
            }
            count++;
        }
        return count;
    }

    private bool Used(object?[] row, long id)
    {
        foreach (var slot in expand.Distinct)
            if (row[slot] is RelValue r && r.Id == id) return true;
        return false;
    }
}
