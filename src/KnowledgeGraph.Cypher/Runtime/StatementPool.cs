namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>
/// Something a statement took from a <see cref="StatementPool{T}"/> and gives back when the statement is over
/// (<see cref="ExecContext.Finish"/>). Invariant: while leased it belongs to exactly one statement; after
/// <see cref="Release"/> the statement never touches it again (nothing of the statement runs any more).
/// </summary>
internal abstract class StatementLease
{
    /// <summary>The next lease of the same statement (a chain, so leasing allocates nothing).</summary>
    internal StatementLease? NextLease;

    /// <summary>Clears the object and gives it back to its pool, or drops it (too large to keep).</summary>
    public abstract void Release();
}

/// <summary>
/// A process-wide handful of idle, cleared objects that statements reuse instead of building their lookup
/// structures anew each time. Slots are taken and filled with atomic exchanges: an object is in at most one slot and,
/// once taken, in none, so two statements (on one thread or several, however their continuations move) never hold
/// the same object. A full pool drops what is given back (the GC takes it).
/// </summary>
internal sealed class StatementPool<T> where T : class
{
    private readonly T?[] _slots;

    public StatementPool(int size) => _slots = new T?[size];

    /// <summary>An idle object, or null when none is kept.</summary>
    public T? Take()
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null) continue;
            if (Interlocked.Exchange(ref slots[i], null) is { } found) return found;
        }
        return null;
    }

    /// <summary>Keeps <paramref name="item"/> (already cleared) for a later statement, unless every slot is full.</summary>
    public void Give(T item)
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], item, null) is null) return;
    }
}
