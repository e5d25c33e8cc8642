using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Expand(All) binds the relationship and the far node of each relationship of the node in <see cref="From"/>;
/// Expand(Into) keeps the relationships that end at the node already bound in <see cref="To"/>. A relationship
/// already bound by the same MATCH (the slots in <see cref="Distinct"/>) is skipped: relationship uniqueness.
/// The relationship value is only built when something reads it (<see cref="BindsRelationship"/>): an anonymous
/// relationship that no later hop of the clause checks for uniqueness is never materialised.
/// </summary>
internal sealed class ExpandOperator(PlanOperator child, int from, int rel, int to, bool into, Direction direction,
    LabelExpression? types, int[] distinct, string fromName) : PlanOperator(child)
{
    public int From { get; } = from;

    public int Rel { get; } = rel;

    public int To { get; } = to;

    public bool Into { get; } = into;

    public Direction Direction { get; } = direction;

    public LabelExpression? Types { get; } = types;

    public int[] Distinct { get; } = distinct;

    public string FromName { get; } = fromName;

    /// <summary>The relationship's and the far node's names in the pattern (hidden anonymous names start with a space).</summary>
    public string RelName { get; init; } = "";

    public string ToName { get; init; } = "";

    /// <summary>False when nothing reads the relationship slot (set by the planner once the clause is planned).</summary>
    public bool BindsRelationship { get; set; } = true;

    /// <summary>True when no operator above keeps this operator's row arrays past the next pull (set by
    /// <see cref="RowReuse"/>): the rows of a batch are then refilled in place for the next batch.</summary>
    public bool ReuseRows { get; set; }

    public override string Name => Into ? "Expand(Into)" : "Expand(All)";

    /// <summary>The type names to ask the store for (null: every type, or a type expression tested per relationship).</summary>
    public IReadOnlyList<string>? TypeList { get; } = types?.AsDisjunction();

    /// <summary>The start node's id, or null for a null slot (no rows); anything else than a node is a type error.</summary>
    public long? StartOf(object?[] input) => NodeIdOf(input[From], FromName);

    /// <summary>The id of the node an expansion starts from, read from variable <paramref name="name"/>: null for
    /// null (no rows); anything else than a node is a type error. One rule for every expanding operator.</summary>
    internal static long? NodeIdOf(object? value, string name) => value switch
    {
        NodeValue n => n.Id,
        null => null,
        var other => throw Err.Type($"Variable `{name}` already declared as {CypherValues.TypeName(other)}", "VariableTypeConflict"),
    };

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var filterTypes = TypeList is null && Types is not null;
        var capacity = FirstBatchSize;
        var output = new List<object?[]>(capacity);
        var reuse = ReuseRows;
        var pool = default(RowPool);
        foreach (var batch in Child!.Run(ctx))
        {
            // A walk below (a `paths` statement's) may already have made the values of the relationships found here,
            // and kept the adjacency read here.
            var shared = WalkGraph.Shared(ctx);
            var walks = BindsRelationship ? shared : null;
            var kept = Into && !filterTypes && shared is not null ? KeepingSameAdjacency(shared) : null;
            foreach (var input in batch)
            {
                ctx.Tick();
                if (StartOf(input) is not { } start) continue;
                long target = -1;
                if (Into)
                {
                    if (input[To] is not NodeValue t) continue;
                    target = t.Id;
                }
                var walkFrom = start;
                var walkDirection = Direction;
                var reached = target;
                RelationshipRecord[]? keptRecords = null;
                int next = 0, end = 0;
                if (Into)
                {
                    // Into between a hub and a small node reads the small node's adjacency (same relationships; only
                    // their order can differ, and only for such hubs), as the matcher does (PatternMatcher.Into).
                    // Degrees come from a walk's kept adjacency when it holds them (equal to the store's count).
                    var startKept = kept is not null && kept.TryKept(start, Direction, out keptRecords, out next, out end);
                    var fromDegree = startKept ? end : start == target ? 0 : ctx.Reader.GetDegree(start, Direction, TypeList);
                    var opposite = PatternMatcher.Opposite(Direction);
                    if (start != target && PatternMatcher.MayPreferOtherEnd(fromDegree)
                        && PatternMatcher.OtherEndIsCheaper(fromDegree, kept is not null && kept.TryKept(target, opposite, out _, out _, out var kc) ? kc : ctx.Reader.GetDegree(target, opposite, TypeList)))
                    {
                        (walkFrom, reached) = (target, start);
                        walkDirection = opposite;
                        startKept = kept is not null && kept.TryKept(target, opposite, out keptRecords, out next, out end);
                    }
                    if (!startKept) keptRecords = null;
                    end += next;
                }
                // The walk's kept copy of the adjacency, else the store's (same records, same order; one db hit each).
                var cursor = keptRecords is null ? ctx.Reader.Adjacency(walkFrom, walkDirection, TypeList) : default;
                // Unpooled, the input row is this operator's once pulled (the child keeps no row: RowReuse marks
                // the subtree as retained), so the last match is written into it in place and only the earlier
                // matches of the same input row are copies. The match is held back one step to know it is the last.
                RelationshipRecord pending = default;
                long pendingOther = 0;
                var hasPending = false;
                while (true)
                {
                    RelationshipRecord r;
                    if (keptRecords is not null)
                    {
                        if (next >= end) break;
                        r = keptRecords[next++];
                    }
                    else if (cursor.MoveNext()) r = cursor.Current;
                    else break;
                    ctx.DbHits++;
                    if (filterTypes && !LabelMatch.TypeMatches(r.Type, Types)) continue;
                    if (Distinct.Length > 0 && Used(input, r.Id)) continue;
                    var other = r.OtherNode(walkFrom);
                    if (Into && other != reached) continue;
                    object?[] row;
                    if (reuse) row = Bind(pool.Next(input), r, other, walks);
                    else
                    {
                        var previous = hasPending;
                        (var held, var heldOther) = (pending, pendingOther);
                        (pending, pendingOther, hasPending) = (r, other, true);
                        if (!previous) continue;
                        row = Bind(Copy(input), held, heldOther, walks);
                    }
                    output.Add(row);
                    if (output.Count == capacity)
                    {
                        yield return output;
                        capacity = Grow(capacity);
                        if (!reuse) output = new List<object?[]>(capacity);
                        else
                        {
                            // The consumer is done with the batch once it pulls again: refill the same rows.
                            pool.Reset(output);
                            output.Clear();
                        }
                    }
                }
                if (!hasPending) continue;
                output.Add(Bind(input, pending, pendingOther, walks));
                if (output.Count == capacity)
                {
                    yield return output;
                    capacity = Grow(capacity);
                    output = new List<object?[]>(capacity);
                }
            }
        }
        if (output.Count > 0) yield return output;
    }

    /// <summary>The type list a walk graph was last compared with (by reference: a plan's lists never change) and
    /// whether it names the same types as this expansion. Plans are shared by threads; a torn read is impossible
    /// (one reference) and a lost write only costs a comparison.</summary>
    private Tuple<IReadOnlyList<string>?, bool>? _sameTypes;

    /// <summary>A shared walk graph of the statement that reads the adjacency this Expand(Into) reads: the same types
    /// (as a set: the store lists a node's relationships in its own order whatever the order of the names asked for)
    /// and this direction or its opposite; null when none.</summary>
    private WalkGraph? KeepingSameAdjacency(List<WalkGraph> graphs)
    {
        foreach (var graph in graphs)
        {
            if (graph.FollowsTypeExpression || !graph.Keeps(Direction)) continue;
            var names = graph.TypeNames;
            if (_sameTypes is { } known && ReferenceEquals(known.Item1, names))
            {
                if (known.Item2) return graph;
                continue;
            }
            var same = names is null ? TypeList is null : TypeList is not null && names.All(TypeList.Contains) && TypeList.All(names.Contains);
            _sameTypes = Tuple.Create(names, same);
            if (same) return graph;
        }
        return null;
    }

    private object?[] Bind(object?[] row, RelationshipRecord r, long other, List<WalkGraph>? walks)
    {
        row[Rel] = !BindsRelationship ? null : (walks is null ? null : WalkGraph.KnownValue(walks, r)) ?? RelValue.Of(r);
        if (!Into) row[To] = new NodeValue(other);
        return row;
    }

    /// <summary>A fresh copy of <paramref name="input"/> (cheaper than <see cref="Array.Clone"/> for small rows).</summary>
    internal static object?[] Copy(object?[] input)
    {
        var row = new object?[input.Length];
        input.AsSpan().CopyTo(row);
        return row;
    }

    private bool Used(object?[] row, long id)
    {
        foreach (var slot in Distinct)
            if (row[slot] is RelValue r && r.Id == id) return true;
        return false;
    }
}

/// <summary>
/// The row arrays of an operator whose batches nobody above keeps (<see cref="RowReuse"/>): once the consumer pulls
/// again, the previous batch's rows are refilled in place. A local of the operator's enumerator (a struct, so it costs
/// nothing of its own); the list of rows is made only when a batch is handed on and refilled, so a run whose rows fit
/// one batch (an index seek's single node) allocates no pool.
/// </summary>
internal struct RowPool
{
    private List<object?[]>? _rows;
    private int _used;

    /// <summary>A row holding a copy of <paramref name="input"/>: a pooled array when one is free, else a new one.</summary>
    public object?[] Next(object?[] input)
    {
        if (_rows is not { } rows) return ExpandOperator.Copy(input);
        if (_used < rows.Count && rows[_used].Length == input.Length)
        {
            var reused = rows[_used++];
            input.AsSpan().CopyTo(reused);
            return reused;
        }
        var row = ExpandOperator.Copy(input);
        if (_used < rows.Count) rows[_used] = row;
        else rows.Add(row);
        _used++;
        return row;
    }

    /// <summary>Every row of <paramref name="batch"/>, the batch just consumed (all of it made by <see cref="Next"/>,
    /// in order), is free again; call before clearing it.</summary>
    public void Reset(List<object?[]> batch)
    {
        _rows ??= [.. batch];
        _used = 0;
    }
}
