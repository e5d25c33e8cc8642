using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// <c>CALL { … }</c> as Neo4j plans it: <c>Apply</c> over the outer rows with the subquery's plan on its right —
/// one branch, or <c>Union</c> of the branches (under <c>Distinct</c> for UNION, which removes duplicates per outer
/// row). For each outer row every branch's plan runs over an Argument holding the imported variables (its LIMIT
/// holds per outer row); the subquery's rows are read completely, then each joins a copy of the outer row, in the
/// interpreter's order (branches left to right). A subquery without RETURN passes the outer row once after running;
/// OPTIONAL CALL passes it with null columns when the subquery finds nothing.
/// </summary>
internal sealed class CallApplyOperator(PlanOperator child, SubqueryPlan[] branches, int[][] outerSlots, int[] slots, bool distinct, bool optional)
    : PlanOperator(child)
{
    private ProfileNode? _union;
    private ProfileNode? _distinct;

    public override string Name => "Apply";

    /// <summary>True (the default, right for a subtree <see cref="RowReuse"/> does not walk) when no operator below
    /// refills its rows: the last joined row per outer row is then the outer row itself, written in place. False
    /// when RowReuse lets the operators below refill their rows: every joined row is a copy.</summary>
    public bool JoinsInPlace { get; set; } = true;

    protected override ProfileNode MakeProfile()
    {
        var right = branches[0].Root.Profile;
        if (branches.Length > 1)
        {
            right = _union = new ProfileNode("Union", [.. branches.Select(b => b.Root.Profile)]) { EstimatedRows = branches.Sum(b => b.Root.EstimatedRows), Runtime = Pipelined };
            if (distinct) right = _distinct = new ProfileNode("Distinct", [right]) { Details = Details, EstimatedRows = right.EstimatedRows, Runtime = Pipelined };
        }
        if (optional) right = new ProfileNode("Optional", [right]) { EstimatedRows = right.EstimatedRows, Runtime = Pipelined };
        return new ProfileNode(Name, [Child!.Profile, right]) { Details = Details, EstimatedRows = EstimatedRows, Runtime = Pipelined };
    }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        var found = new List<object?[]>();
        // UNION's duplicates are removed per outer row: one set for the whole run, cleared per row (it keeps its
        // capacity, and no entry outlives its row).
        HashSet<GroupKey>? seen = distinct && branches.Length > 1 ? new(GroupKey.Comparer) : null;
        // The display nodes count only while profiling (a cached plan is shared by statements running at once).
        var union = ctx.Profiling ? _union : null;
        var distinctShown = ctx.Profiling ? _distinct : null;
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var row in batch)
            {
                ctx.Tick();
                found.Clear();
                seen?.Clear();
                for (var b = 0; b < branches.Length; b++)
                {
                    var plan = branches[b];
                    var arguments = plan.NewArguments();
                    var from = outerSlots[b];
                    for (var i = 0; i < from.Length; i++) arguments[plan.ImportSlots[i]] = row[from[i]];
                    var columns = plan.ColumnSlots;
                    // Values are copied out before the next pull: the branch's operators may refill their rows.
                    foreach (var inner in plan.Run(arguments, ctx))
                        foreach (var r in inner)
                        {
                            var values = new object?[columns.Length];
                            for (var i = 0; i < values.Length; i++) values[i] = r[columns[i]];
                            if (union is not null) union.Rows++;
                            if (seen is not null && !seen.Add(new GroupKey(values, null))) continue;
                            if (distinctShown is not null) distinctShown.Rows++;
                            found.Add(values);
                        }
                }
                // In place, the last joined row is the outer row itself; the earlier ones are copies made before it
                // is written.
                if (slots.Length == 0) output.Add(JoinsInPlace ? row : ExpandOperator.Copy(row));
                else if (found.Count == 0 && optional)
                {
                    var empty = JoinsInPlace ? row : ExpandOperator.Copy(row);
                    foreach (var slot in slots) empty[slot] = null;
                    output.Add(empty);
                }
                else
                    for (var f = 0; f < found.Count; f++)
                    {
                        var values = found[f];
                        var joined = JoinsInPlace && f == found.Count - 1 ? row : ExpandOperator.Copy(row);
                        for (var i = 0; i < slots.Length; i++) joined[slots[i]] = values[i];
                        output.Add(joined);
                    }
                if (output.Count >= capacity)
                {
                    yield return output;
                    capacity = Grow(capacity);
                    output = new List<object?[]>(capacity);
                }
            }
        }
        if (output.Count > 0) yield return output;
    }
}
