using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// Sort (everything, stable) and Top (ORDER BY … LIMIT k: a bounded max-heap of the k best rows, the worst on top,
/// so a row that does not beat it costs one comparison). Ties keep input order (a sequence number breaks them), as
/// the interpreter's stable sort does. Buffered rows are accounted to the transaction's memory while held.
/// </summary>
internal sealed class SortOperator(PlanOperator child, SlotExpression[] keys, bool[] descending, long? top) : PlanOperator(child)
{
    public override string Name => top is null ? "Sort" : "Top";

    /// <summary>Sort keeps every input row array; Top keeps copies of the rows it holds.</summary>
    public bool KeepsInputRows => top is null;

    private static int Compare(object?[] flat, int a, object?[] other, int b, bool[] descending)
    {
        for (var i = 0; i < descending.Length; i++)
        {
            var c = CypherValues.OrderCompare(flat[a + i], other[b + i]);
            if (c != 0) return descending[i] ? -c : c;
        }
        return 0;
    }

    /// <summary>A kept row: its keys at <see cref="Keys"/> in the flat key array, its input order and the bytes
    /// accounted for it.</summary>
    private readonly record struct Entry(int Keys, long Seq, object?[] Row, long Bytes);

    /// <summary>The kept rows. Their keys live in one flat array (an entry's at its offset, keys.Length wide), so a
    /// buffered row costs no key array of its own and Top refills the keys of the row it drops.</summary>
    private sealed class Heap(int width, bool[] descending)
    {
        private object?[] _flat = new object?[width * 4];

        public List<Entry> Entries { get; } = [];

        public object?[] Flat => _flat;

        public int Compare(Entry a, Entry b) =>
            SortOperator.Compare(Flat, a.Keys, Flat, b.Keys, descending) is var c && c != 0 ? c : a.Seq.CompareTo(b.Seq);

        /// <summary>A free key offset for a new entry (the flat array grows by doubling).</summary>
        public int NextOffset()
        {
            var offset = Entries.Count * width;
            if (offset + width > _flat.Length) Array.Resize(ref _flat, Math.Max(_flat.Length * 2, offset + width));
            return offset;
        }
    }

    protected override IEnumerable<List<object?[]>> Produce(ExecContext ctx)
    {
        var k = top is { } t ? (int)Math.Min(t, int.MaxValue) : int.MaxValue;
        if (k == 0)
        {
            foreach (var _ in Child!.Run(ctx)) { }
            yield break;
        }
        var width = keys.Length;
        var h = new Heap(width, descending);
        var heap = h.Entries;
        long seq = 0;
        // Keys are evaluated into a probe first: a row that does not beat a full heap allocates nothing.
        var probe = new object?[width];
        long accounted = 0;
        try
        {
            foreach (var batch in Child!.Run(ctx))
            {
                foreach (var row in batch)
                {
                    ctx.Tick();
                    for (var i = 0; i < width; i++) probe[i] = keys[i](row, ctx);
                    // Later rows lose ties: only a strictly better row replaces the worst kept one.
                    if (heap.Count == k && Compare(probe, 0, h.Flat, heap[0].Keys, descending) >= 0)
                    {
                        seq++;
                        continue;
                    }
                    var bytes = MemoryEstimate.Row(probe) + MemoryEstimate.Row(row);
                    if (heap.Count == k)
                    {
                        // Top copies the few rows it keeps, so the rows below can be refilled batch after batch.
                        var dropped = heap[0];
                        ctx.Memory.Shrink(dropped.Bytes);
                        accounted -= dropped.Bytes;
                        ctx.Memory.Grow(bytes);
                        accounted += bytes;
                        probe.AsSpan().CopyTo(h.Flat.AsSpan(dropped.Keys, width));
                        heap[0] = new Entry(dropped.Keys, seq++, ExpandOperator.Copy(row), bytes);
                        SiftDown(h, 0);
                        continue;
                    }
                    ctx.Memory.Grow(bytes);
                    accounted += bytes;
                    var offset = h.NextOffset();
                    probe.AsSpan().CopyTo(h.Flat.AsSpan(offset, width));
                    heap.Add(new Entry(offset, seq++, k == int.MaxValue ? row : ExpandOperator.Copy(row), bytes));
                    if (k != int.MaxValue) SiftUp(h, heap.Count - 1);
                }
            }
            heap.Sort(h.Compare);
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
    private static void SiftUp(Heap h, int i)
    {
        var heap = h.Entries;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (h.Compare(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(Heap h, int i)
    {
        var heap = h.Entries;
        while (true)
        {
            int l = (2 * i) + 1, r = l + 1, worst = i;
            if (l < heap.Count && h.Compare(heap[l], heap[worst]) > 0) worst = l;
            if (r < heap.Count && h.Compare(heap[r], heap[worst]) > 0) worst = r;
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
