using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Argument: the leaf of an Apply's inner plan. It produces one row: for OPTIONAL MATCH's Apply a copy of the outer
/// row the Apply is running the inner plan for (<see cref="Current"/>), so the inner operators see the outer
/// variables as bound; for a subquery's plan the row its runner filled with the imported variables, kept in the
/// statement's <see cref="ArgumentCell"/> (so the plan holds no state and can be shared); for a statement starting
/// with a projection, an empty row.
/// </summary>
internal sealed class ArgumentOperator : PlanOperator
{
    private readonly SlotLayout? _layout;
    private readonly object? _cell;

    /// <summary>The Argument of OPTIONAL MATCH's Apply, fed through <see cref="Current"/>.</summary>
    public ArgumentOperator() : base(null) { }

    /// <summary>An Argument fed through the statement's cell under <paramref name="cell"/> (null: one empty row).</summary>
    public ArgumentOperator(SlotLayout layout, object? cell) : base(null)
    {
        _layout = layout;
        _cell = cell;
    }

    public override string Name => "Argument";

    /// <summary>The outer row; set by the Apply before each run of the inner plan.</summary>
    public object?[] Current { get; set; } = [];

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        if (_layout is null)
        {
            // A copy: the inner operators may write their slots in place.
            yield return [ExpandOperator.Copy(Current)];
            yield break;
        }
        // A subquery's runner fills a fresh row for every run: it is the inner operators' to write.
        yield return [_cell is null ? new object?[_layout.Width] : ArgumentCell.Of(ctx, _cell).Take()];
    }
}

/// <summary>The row a subquery plan's Argument produces next, one cell per subquery plan and statement (in the
/// statement's memo), so that one cached plan can run in many statements at once.</summary>
internal sealed class ArgumentCell
{
    private object?[]? _row;

    public static ArgumentCell Of(ExecContext ctx, object key) => ctx.Memo(key, static () => new ArgumentCell());

    public void Set(object?[] row) => _row = row;

    /// <summary>The row set for this run (a run reads it once).</summary>
    public object?[] Take() => _row ?? throw new InvalidOperationException("a subquery plan ran without its argument row");
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
                var empty = ExpandOperator.Copy(row);
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
