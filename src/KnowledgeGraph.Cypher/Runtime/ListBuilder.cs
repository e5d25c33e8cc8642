using KnowledgeGraph.Cypher.Memory;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>
/// A list being built by an expression (comprehension, COLLECT subquery): its estimated size is accounted while it
/// grows, so one enormous list fails with MemoryPoolOutOfMemoryError rather than exhausting the process, and released
/// once the expression is done with it (a list kept by an operator is accounted by that operator). A struct, so a
/// comprehension run per row allocates only its list; used as a local only (a copy would account apart).
/// </summary>
internal struct ListBuilder(ExecContext ctx, int capacity = 0)
{
    /// <summary>Elements accounted in one step, so the tracker is called once per 256 elements.</summary>
    private const int Batch = 256;

    private long _accounted;
    private int _pending;

    public List<object?> List { get; } = new(capacity);

    public void Add(object? item)
    {
        List.Add(item);
        if (++_pending < Batch) return;
        var bytes = Batch * (8 + MemoryEstimate.Of(item));
        _pending = 0;
        ctx.Memory.Grow(bytes);
        _accounted += bytes;
    }

    public void Release()
    {
        ctx.Memory.Shrink(_accounted);
        _accounted = 0;
    }
}
