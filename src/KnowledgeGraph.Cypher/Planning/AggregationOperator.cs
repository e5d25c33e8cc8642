using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>One aggregate of an EagerAggregation: the call (for the aggregator's kind), its compiled argument
/// (null for count(*)) and the slot its result goes to.</summary>
internal sealed record PlannedAggregate(Expression Call, SlotExpression? Argument, int Slot);

/// <summary>
/// EagerAggregation: hash grouping on the compiled key tuple (Cypher equivalence: 1 and 1.0 group together, nulls
/// group), the evaluator's <see cref="Aggregator"/> per group and aggregate, groups produced in first-seen order once
/// the input is exhausted. Without grouping keys there is one group, also over no rows (count is 0). Group entries
/// are accounted to the transaction's memory until the groups have been produced.
/// </summary>
internal sealed class AggregationOperator(PlanOperator child, SlotExpression[] keys, int[] keySlots, PlannedAggregate[] aggregates, SlotLayout layout)
    : PlanOperator(child)
{
    public override string Name => "EagerAggregation";

    /// <summary>True when the input rows are this operator's to keep (set by <see cref="RowReuse"/> when no
    /// operator below would refill them): each group's first input row becomes its output row.</summary>
    public bool ReusesInputRows { get; set; }

    /// <summary>A group: its output row (the key values already in their slots, made when the group is first seen)
    /// and its aggregators.</summary>
    private sealed class Group(object?[] row, Aggregator[] aggs)
    {
        public object?[] Row { get; } = row;

        public Aggregator[] Aggs { get; } = aggs;
    }

    private Aggregator[] NewAggregators()
    {
        var result = new Aggregator[aggregates.Length];
        for (var i = 0; i < result.Length; i++) result[i] = Aggregator.Create(aggregates[i].Call);
        return result;
    }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var groups = new Dictionary<GroupKey, Group>(GroupKey.Comparer);
        var order = new List<Group>();
        long accounted = 0;
        try
        {
            Group? single = keys.Length == 0 ? new Group(new object?[layout.Width], NewAggregators()) : null;
            if (single is not null) order.Add(single);
            // Keys are evaluated into one probe; only a new group stores them, in its output row's key slots, which
            // its dictionary key reads (no key array or tuple object per group).
            var probe = new object?[keys.Length];
            foreach (var batch in Child!.Run(ctx))
            {
                foreach (var row in batch)
                {
                    ctx.Tick();
                    var g = single;
                    if (g is null)
                    {
                        for (var i = 0; i < probe.Length; i++) probe[i] = keys[i](row, ctx);
                        if (!groups.TryGetValue(new GroupKey(probe, null), out g))
                        {
                            var bytes = MemoryEstimate.Row(probe) + (aggregates.Length * 96);
                            ctx.Memory.Grow(bytes);
                            accounted += bytes;
                            g = new Group(ReusesInputRows && row.Length == layout.Width ? row : new object?[layout.Width], NewAggregators());
                            // The group's first row is added before its row can become the output row.
                            for (var i = 0; i < aggregates.Length; i++)
                                g.Aggs[i].AddValue(aggregates[i].Argument?.Invoke(row, ctx), ctx);
                            // A reused input row is cleared first: the output row holds only keys and aggregates, as
                            // a fresh one does (nothing of the input's scope stays reachable through it).
                            if (ReferenceEquals(g.Row, row)) Array.Clear(row);
                            for (var i = 0; i < keySlots.Length; i++) g.Row[keySlots[i]] = probe[i];
                            groups[new GroupKey(g.Row, keySlots)] = g;
                            order.Add(g);
                            continue;
                        }
                    }
                    for (var i = 0; i < aggregates.Length; i++)
                        g.Aggs[i].AddValue(aggregates[i].Argument?.Invoke(row, ctx), ctx);
                }
            }
            var output = new List<object?[]>(Math.Min(BatchSize, order.Count));
            foreach (var g in order)
            {
                var outRow = g.Row;
                for (var i = 0; i < aggregates.Length; i++) outRow[aggregates[i].Slot] = g.Aggs[i].Result();
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
            foreach (var g in order)
                foreach (var a in g.Aggs) accounted += a.AccountedBytes;
            ctx.Memory.Shrink(accounted);
        }
    }
}
