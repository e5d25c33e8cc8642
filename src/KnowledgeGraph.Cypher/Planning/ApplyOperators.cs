using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Argument: the leaf of an Apply's inner plan. It produces one row, a copy of the outer row the Apply is running
/// the inner plan for (<see cref="Current"/>), so the inner operators see the outer variables as bound.
/// </summary>
internal sealed class ArgumentOperator : PlanOperator
{
    public ArgumentOperator() : base(null) { }

    public override string Name => "Argument";

    /// <summary>The outer row; set by the Apply before each run of the inner plan.</summary>
    public object?[] Current { get; set; } = [];

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        // A copy: the inner operators may write their slots in place.
        yield return [(object?[])Current.Clone()];
    }
}

/// <summary>
/// OPTIONAL MATCH as Neo4j plans it in general: <c>Apply</c> over the outer rows with <c>Optional</c> over the
/// inner plan (the MATCH planned from an <see cref="ArgumentOperator"/>). For each outer row the inner plan runs
/// once; its rows pass through, or, when it finds none, the outer row passes with the MATCH's new variables set
/// to null. Outer row order is kept (the interpreter's order).
/// </summary>
internal sealed class OptionalApplyOperator(PlanOperator? child, ArgumentOperator argument, PlanOperator inner, int[] newSlots, SlotLayout layout)
    : PlanOperator(child)
{
    private ProfileNode? _optional;

    public override string Name => "Apply";

    protected override ProfileNode MakeProfile()
    {
        _optional = new ProfileNode("Optional", [inner.Profile]) { EstimatedRows = EstimatedRows, Runtime = Pipelined };
        ProfileNode[] children = Child is null ? [_optional] : [Child.Profile, _optional];
        return new ProfileNode(Name, children) { EstimatedRows = EstimatedRows, Runtime = Pipelined };
    }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var optional = ctx.Profiling ? (Profile.Children[^1]) : null;
        var capacity = FirstBatchSize;
        var nulls = new List<object?[]>(capacity);
        foreach (var batch in Input(ctx, layout.Width))
        {
            foreach (var row in batch)
            {
                ctx.Tick();
                argument.Current = row;
                var any = false;
                var before = ctx.DbHits;
                foreach (var found in inner.Run(ctx))
                {
                    if (found.Count == 0) continue;
                    any = true;
                    if (optional is not null)
                    {
                        optional.InclusiveDbHits += ctx.DbHits - before;
                        optional.Rows += found.Count;
                    }
                    // Inner batches pass as they are (their operator owns them); rows waiting before them go first.
                    if (nulls.Count > 0)
                    {
                        yield return nulls;
                        nulls = new List<object?[]>(capacity);
                    }
                    yield return found;
                    before = ctx.DbHits;
                }
                if (optional is not null) optional.InclusiveDbHits += ctx.DbHits - before;
                if (any) continue;
                var empty = (object?[])row.Clone();
                foreach (var slot in newSlots) empty[slot] = null;
                nulls.Add(empty);
                if (optional is not null) optional.Rows++;
                if (nulls.Count == capacity)
                {
                    yield return nulls;
                    capacity = Grow(capacity);
                    nulls = new List<object?[]>(capacity);
                }
            }
        }
        if (nulls.Count > 0) yield return nulls;
    }
}
