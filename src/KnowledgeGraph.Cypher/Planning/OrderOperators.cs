using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Sort (everything, stable) and Top (ORDER BY … LIMIT k: a bounded max-heap of the k best rows, the worst on top,
/// so a row that does not beat it costs one comparison, and one that does is copied into the arrays of the row it
/// drops, or kept as it is when nothing below refills it: <see cref="OwnsInputRows"/>). Ties keep input order (a sequence number breaks them), as the interpreter's stable sort does. Buffered
/// rows are accounted to the transaction's memory while held.
/// </summary>
internal sealed class SortOperator(PlanOperator child, SlotExpression[] keys, bool[] descending, long? top) : PlanOperator(child)
{
    public override string Name => top is null ? "Sort" : "Top";

    /// <summary>Sort keeps every input row array; Top keeps copies of the rows it holds, unless
    /// <see cref="OwnsInputRows"/>.</summary>
    public bool KeepsInputRows => top is null;

    /// <summary>Set by <see cref="RowReuse"/> for a Top whose input rows are never refilled by the operators below
    /// (rows each made once): it then holds those arrays themselves, as Sort does, instead of copies.</summary>
    public bool OwnsInputRows { get; set; }

    private int Compare(object?[] a, object?[] b)
    {
        for (var i = 0; i < descending.Length; i++)
        {
            var c = CypherValues.OrderCompare(a[i], b[i]);
            if (c != 0) return descending[i] ? -c : c;
        }
        return 0;
    }

    private int Compare(Entry a, Entry b) => Compare(a.Keys, b.Keys) is var c && c != 0 ? c : a.Seq.CompareTo(b.Seq);

    private readonly record struct Entry(object?[] Keys, long Seq, object?[] Row);

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var k = top is { } t ? (int)Math.Min(t, int.MaxValue) : int.MaxValue;
        if (k == 0)
        {
            foreach (var _ in Child!.Run(ctx)) { }
            yield break;
        }
        var heap = new List<Entry>();
        long seq = 0;
        // Keys are evaluated into a probe first: a row that does not beat a full heap allocates nothing.
        var probe = new object?[keys.Length];
        long accounted = 0;
        try
        {
            foreach (var batch in Child!.Run(ctx))
            {
                // Room for the batch at once, up to Top's k (a child yielding everything in one batch sizes the
                // buffer exactly instead of doubling up to it: 4, 8, 16 for the 11 of a GraphQL page).
                heap.EnsureCapacity((int)Math.Min(k, (long)heap.Count + batch.Count));
                foreach (var row in batch)
                {
                    ctx.Tick();
                    for (var i = 0; i < keys.Length; i++) probe[i] = keys[i](row, ctx);
                    // Later rows lose ties: only a strictly better row replaces the worst kept one.
                    if (heap.Count == k && Compare(probe, heap[0].Keys) >= 0)
                    {
                        seq++;
                        continue;
                    }
                    if (heap.Count == k)
                    {
                        // The dropped row's arrays are Top's own copies: the new row is copied into them, so a
                        // replacement allocates nothing.
                        var worst = heap[0];
                        var dropped = MemoryEstimate.Row(worst.Keys) + MemoryEstimate.Row(worst.Row);
                        ctx.Memory.Shrink(dropped);
                        accounted -= dropped;
                        probe.AsSpan().CopyTo(worst.Keys);
                        var reused = row;
                        if (!OwnsInputRows)
                        {
                            reused = worst.Row.Length == row.Length ? worst.Row : new object?[row.Length];
                            row.AsSpan().CopyTo(reused);
                        }
                        var replaced = MemoryEstimate.Row(probe) + MemoryEstimate.Row(row);
                        ctx.Memory.Grow(replaced);
                        accounted += replaced;
                        heap[0] = new Entry(worst.Keys, seq++, reused);
                        SiftDown(heap, 0);
                        continue;
                    }
                    var entryKeys = ExpandOperator.Copy(probe);
                    // Top copies the few rows it keeps, so the rows below can be refilled batch after batch.
                    var entry = new Entry(entryKeys, seq++, k == int.MaxValue || OwnsInputRows ? row : ExpandOperator.Copy(row));
                    if (k == int.MaxValue)
                    {
                        var size = MemoryEstimate.Row(entryKeys) + MemoryEstimate.Row(row);
                        ctx.Memory.Grow(size);
                        accounted += size;
                        heap.Add(entry);
                        continue;
                    }
                    heap.Add(entry);
                    SiftUp(heap, heap.Count - 1);
                    var keptBytes = MemoryEstimate.Row(entryKeys) + MemoryEstimate.Row(row);
                    ctx.Memory.Grow(keptBytes);
                    accounted += keptBytes;
                }
            }
            heap.Sort(Compare);
            var output = new List<object?[]>(Math.Min(BatchSize, heap.Count));
            foreach (var e in heap)
            {
                output.Add(e.Row);
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
            ctx.Memory.Shrink(accounted);
        }
    }

    // Max-heap on (keys, seq): the root is the worst row kept.
    private void SiftUp(List<Entry> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Compare(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private void SiftDown(List<Entry> heap, int i)
    {
        while (true)
        {
            int l = (2 * i) + 1, r = l + 1, worst = i;
            if (l < heap.Count && Compare(heap[l], heap[worst]) > 0) worst = l;
            if (r < heap.Count && Compare(heap[r], heap[worst]) > 0) worst = r;
            if (worst == i) return;
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}

/// <summary>Distinct: projects the items into fresh rows (only the projected slots live on) and keeps the first row
/// of each distinct tuple, streaming.</summary>
internal sealed class DistinctOperator(PlanOperator child, SlotExpression[] items, int[] slots, SlotLayout layout) : PlanOperator(child)
{
    public override string Name => "Distinct";

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var seen = new HashSet<GroupKey>(GroupKey.Comparer);
        long accounted = 0;
        // Items are evaluated into one probe; a new tuple is stored in its output row's slots, which the set's key
        // reads (no tuple array or object per row, none at all for a duplicate).
        var probe = new object?[items.Length];
        try
        {
            foreach (var batch in Child!.Run(ctx))
            {
                var output = new List<object?[]>(batch.Count);
                foreach (var row in batch)
                {
                    ctx.Tick();
                    for (var i = 0; i < items.Length; i++) probe[i] = items[i](row, ctx);
                    if (seen.Contains(new GroupKey(probe, null))) continue;
                    var outRow = new object?[layout.Width];
                    for (var i = 0; i < items.Length; i++) outRow[slots[i]] = probe[i];
                    seen.Add(new GroupKey(outRow, slots));
                    var bytes = MemoryEstimate.Row(probe);
                    ctx.Memory.Grow(bytes);
                    accounted += bytes;
                    output.Add(outRow);
                }
                if (output.Count > 0) yield return output;
            }
        }
        finally
        {
            ctx.Memory.Shrink(accounted);
        }
    }
}
