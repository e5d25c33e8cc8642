using KnowledgeGraph.Cypher.Runtime;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// <c>CALL { … }</c> as Neo4j plans it: <c>Apply</c> over the outer rows with the subquery's plan on its right —
/// one branch, or <c>Union</c> of the branches (under <c>Distinct</c> for UNION, which removes duplicates per outer
/// row). For each outer row every branch's plan runs over an Argument holding the imported variables (its LIMIT
/// holds per outer row); each row the subquery returns joins the outer row (the first in place, see
/// <see cref="JoinsInPlace"/>, the later ones copies), in the interpreter's order (branches left to right). A subquery without RETURN passes the outer row once after running;
/// OPTIONAL CALL passes it with null columns when the subquery finds nothing.
/// </summary>
internal sealed class CallApplyOperator(PlanOperator child, SubqueryPlan[] branches, int[][] outerSlots, int[] slots, bool distinct, bool optional)
    : PlanOperator(child)
{
    private ProfileNode? _union;
    private ProfileNode? _distinct;

    public override string Name => "Apply";

    /// <summary>True (the default, right for a subtree <see cref="RowReuse"/> does not walk) when no operator below
    /// refills its rows: the first joined row per outer row is then the outer row itself, written in place. False
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

    /// <summary>True when no returned column's slot is one an import is read from: a joined row may then be written
    /// while later branches still read the outer row's imports.</summary>
    private readonly bool _columnsApartFromImports = !slots.Any(s => outerSlots.Any(from => Array.IndexOf(from, s) >= 0));

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        // UNION's duplicates are removed per outer row: one set for the whole run, cleared per row (it keeps its
        // capacity, and no entry outlives its row). A new tuple's key reads the joined row's column slots, which
        // nothing writes before the outer row's rows are all joined; the probe holds a tuple being tested.
        HashSet<GroupKey>? seen = distinct && branches.Length > 1 ? new(GroupKey.Comparer) : null;
        var probe = seen is null ? null : new object?[slots.Length];
        // One argument row for every branch run of this operator run: a run is read to its end before the next
        // starts, and the branch's plan keeps no row past its run (SubqueryPlan's invariant), so once a run is over
        // nothing reads the row; it is cleared (the inner operators may have written any slot) and refilled.
        object?[]? arguments = null;
        // The first joined row of an outer row is the outer row itself when written in place and no column slot is
        // an import slot (later branches read the imports from it); every later joined row copies it, then
        // overwrites all column slots.
        var firstInPlace = JoinsInPlace && _columnsApartFromImports;
        // The display nodes count only while profiling (a cached plan is shared by statements running at once).
        var union = ctx.Profiling ? _union : null;
        var distinctShown = ctx.Profiling ? _distinct : null;
        foreach (var batch in Child!.Run(ctx))
        {
            foreach (var row in batch)
            {
                ctx.Tick();
                seen?.Clear();
                var joinedFrom = output.Count;
                for (var b = 0; b < branches.Length; b++)
                {
                    var plan = branches[b];
                    arguments = plan.ArgumentsFrom(arguments);
                    var from = outerSlots[b];
                    for (var i = 0; i < from.Length; i++) arguments[plan.ImportSlots[i]] = row[from[i]];
                    var columns = plan.ColumnSlots;
                    // Values are copied out before the next pull: the branch's operators may refill their rows.
                    foreach (var inner in plan.Run(arguments, ctx))
                        foreach (var r in inner)
                        {
                            if (union is not null) union.Rows++;
                            if (probe is not null)
                            {
                                for (var i = 0; i < probe.Length; i++) probe[i] = r[columns[i]];
                                if (seen!.Contains(new GroupKey(probe, null))) continue;
                            }
                            if (distinctShown is not null) distinctShown.Rows++;
                            if (slots.Length == 0)
                            {
                                // Nothing to join (the outer row passes once below); the set still counts one tuple.
                                seen?.Add(new GroupKey(probe!, null));
                                continue;
                            }
                            var joined = output.Count == joinedFrom ? (firstInPlace ? row : ExpandOperator.Copy(row)) : ExpandOperator.Copy(output[joinedFrom]);
                            for (var i = 0; i < slots.Length; i++) joined[slots[i]] = r[columns[i]];
                            seen?.Add(new GroupKey(joined, slots));
                            output.Add(joined);
                        }
                }
                if (slots.Length == 0) output.Add(JoinsInPlace ? row : ExpandOperator.Copy(row));
                else if (output.Count == joinedFrom && optional)
                {
                    var empty = JoinsInPlace ? row : ExpandOperator.Copy(row);
                    foreach (var slot in slots) empty[slot] = null;
                    output.Add(empty);
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
