using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>One aggregate of an EagerAggregation: the call (for the aggregator's kind), its compiled argument
/// (null for count(*)) and the slot its result goes to.</summary>
internal sealed record PlannedAggregate(Expression Call, SlotExpression? Argument, int Slot);

/// <summary>
/// EagerAggregation: hash grouping on the compiled key tuple (Cypher equivalence: 1 and 1.0 group together, nulls
/// group), groups produced in first-seen order once the input is exhausted. Without grouping keys there is one group,
/// also over no rows (count is 0). Group entries are accounted to the transaction's memory until the groups have
/// been produced.
/// </summary>
/// <remarks>
/// A group is its output row and an index: <c>collect(x)</c> builds its list in the output row's slot itself,
/// <c>count(x)</c> and <c>count(*)</c> count in one flat array for all groups, and only the other aggregates (DISTINCT,
/// sum, min, …) get the evaluator's <see cref="Aggregator"/> — so a group of collects and counts costs its list and
/// its dictionary entry, no objects of its own. Invariant: the rows holding lists being built are this operator's
/// until it produces them (nothing else reads them before).
/// </remarks>
internal sealed class AggregationOperator : PlanOperator
{
    private enum Kind : byte { Collect, Count, CountStar, General }

    private readonly SlotExpression[] _keys;
    private readonly int[] _keySlots;
    private readonly PlannedAggregate[] _aggregates;
    private readonly SlotLayout _layout;
    private readonly Kind[] _kinds;

    /// <summary>Per aggregate, its place among the counts or among the general aggregators (by kind).</summary>
    private readonly int[] _lane;

    private readonly int _counts, _generals;

    public AggregationOperator(PlanOperator child, SlotExpression[] keys, int[] keySlots, PlannedAggregate[] aggregates, SlotLayout layout)
        : base(child)
    {
        (_keys, _keySlots, _aggregates, _layout) = (keys, keySlots, aggregates, layout);
        _kinds = new Kind[aggregates.Length];
        _lane = new int[aggregates.Length];
        for (var i = 0; i < aggregates.Length; i++)
        {
            _kinds[i] = aggregates[i].Call switch
            {
                CountStar => Kind.CountStar,
                FunctionCall { Distinct: false } f when f.Name.Equals("collect", StringComparison.OrdinalIgnoreCase) => Kind.Collect,
                FunctionCall { Distinct: false } f when f.Name.Equals("count", StringComparison.OrdinalIgnoreCase) => Kind.Count,
                _ => Kind.General,
            };
            _lane[i] = _kinds[i] switch
            {
                Kind.Count or Kind.CountStar => _counts++,
                Kind.General => _generals++,
                _ => -1,
            };
        }
    }

    public override string Name => "EagerAggregation";

    /// <summary>True when the input rows are this operator's to keep (set by <see cref="RowReuse"/> when no
    /// operator below would refill them): each group's first input row becomes its output row.</summary>
    public bool ReusesInputRows { get; set; }

    /// <summary>The groups of one run: output rows in first-seen order, and the counts and general aggregators of
    /// group g at g × their number per group.</summary>
    private sealed class Groups(int counts, int generals)
    {
        public readonly List<object?[]> Rows = [];
        public long[] Counts = counts == 0 ? [] : new long[counts * 4];
        public readonly List<Aggregator> Generals = generals == 0 ? [] : new List<Aggregator>(generals * 4);
        public long Accounted;

        public int Add(object?[] row, PlannedAggregate[] aggregates, Kind[] kinds)
        {
            Rows.Add(row);
            if (counts > 0 && Rows.Count * counts > Counts.Length) Array.Resize(ref Counts, Counts.Length * 2);
            if (generals > 0)
                for (var i = 0; i < aggregates.Length; i++)
                    if (kinds[i] == Kind.General) Generals.Add(Aggregator.Create(aggregates[i].Call));
            return Rows.Count - 1;
        }
    }

    /// <summary>Adds <paramref name="value"/> (the argument's value for this row) to aggregate <paramref name="i"/> of group <paramref name="g"/>.</summary>
    private void Add(Groups groups, int g, int i, object? value, ExecContext ctx)
    {
        switch (_kinds[i])
        {
            case Kind.CountStar:
                groups.Counts[(g * _counts) + _lane[i]]++;
                return;
            case Kind.Count:
                if (value is not null) groups.Counts[(g * _counts) + _lane[i]]++;
                return;
            case Kind.Collect:
                {
                    if (value is null) return;
                    var row = groups.Rows[g];
                    var slot = _aggregates[i].Slot;
                    var list = row[slot] as List<object?>;
                    if (list is null) row[slot] = list = [];
                    list.Add(value);
                    // As the evaluator's aggregator accounts a collected value.
                    var bytes = 8 + MemoryEstimate.Of(value);
                    ctx.Memory.Grow(bytes);
                    groups.Accounted += bytes;
                    return;
                }
            default:
                groups.Generals[(g * _generals) + _lane[i]].AddValue(value, ctx);
                return;
        }
    }

    /// <summary>True when every key value of this row is the previous row's own object (a null counts as the same:
    /// null groups with null). Boxed numbers are new objects per row and simply take the lookup.</summary>
    private static bool SameReferences(object?[] probe, object?[] previous)
    {
        for (var i = 0; i < probe.Length; i++)
            if (!ReferenceEquals(probe[i], previous[i])) return false;
        return true;
    }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var index = new Dictionary<GroupKey, int>(GroupKey.Comparer);
        var groups = new Groups(_counts, _generals);
        try
        {
            if (_keys.Length == 0) groups.Add(new object?[_layout.Width], _aggregates, _kinds);
            // Keys are evaluated into one probe; only a new group stores them, in its output row's key slots, which
            // its dictionary key reads (no key array or tuple object per group).
            var probe = new object?[_keys.Length];
            var values = new object?[_aggregates.Length];
            // The keys of the previous row and its group: rows of one group often come together holding the very same
            // key values (an UNWIND's rows share their list, a path's hops its node list), and a key equal by reference
            // is in the same group, so only a new reference is hashed and looked up (a list key hashes every element).
            var previous = new object?[_keys.Length];
            var previousGroup = -1;
            foreach (var batch in Child!.Run(ctx))
            {
                foreach (var row in batch)
                {
                    ctx.Tick();
                    for (var i = 0; i < probe.Length; i++) probe[i] = _keys[i](row, ctx);
                    for (var i = 0; i < values.Length; i++) values[i] = _aggregates[i].Argument?.Invoke(row, ctx);
                    var g = 0;
                    if (_keys.Length > 0 && previousGroup >= 0 && SameReferences(probe, previous)) g = previousGroup;
                    else if (_keys.Length > 0)
                    {
                        if (!index.TryGetValue(new GroupKey(probe, null), out g))
                        {
                            var bytes = MemoryEstimate.Row(probe) + (_aggregates.Length * 96);
                            ctx.Memory.Grow(bytes);
                            groups.Accounted += bytes;
                            // A reused input row is cleared first (its values were read above): the output row holds
                            // only keys and aggregates, as a fresh one does (nothing of the input's scope stays
                            // reachable through it, and no aggregate slot holds a stale value).
                            var outRow = ReusesInputRows && row.Length == _layout.Width ? row : new object?[_layout.Width];
                            if (ReferenceEquals(outRow, row)) Array.Clear(row);
                            for (var i = 0; i < _keySlots.Length; i++) outRow[_keySlots[i]] = probe[i];
                            g = groups.Add(outRow, _aggregates, _kinds);
                            index[new GroupKey(outRow, _keySlots)] = g;
                        }
                        probe.AsSpan().CopyTo(previous);
                        previousGroup = g;
                    }
                    for (var i = 0; i < values.Length; i++) Add(groups, g, i, values[i], ctx);
                }
            }
            var output = new List<object?[]>(Math.Min(BatchSize, groups.Rows.Count));
            for (var g = 0; g < groups.Rows.Count; g++)
            {
                var outRow = groups.Rows[g];
                for (var i = 0; i < _aggregates.Length; i++)
                {
                    var slot = _aggregates[i].Slot;
                    outRow[slot] = _kinds[i] switch
                    {
                        Kind.Collect => outRow[slot] ?? new List<object?>(),
                        Kind.Count or Kind.CountStar => Boxed.Of(groups.Counts[(g * _counts) + _lane[i]]),
                        _ => groups.Generals[(g * _generals) + _lane[i]].Result(),
                    };
                }
                output.Add(outRow);
                if (output.Count == BatchSize)
                {
                    yield return output;
                    output = new List<object?[]>(BatchSize);
                }
            }
            if (output.Count > 0) yield return output;
        }
        finally
        {
            foreach (var a in groups.Generals) groups.Accounted += a.AccountedBytes;
            ctx.Memory.Shrink(groups.Accounted);
        }
    }
}
