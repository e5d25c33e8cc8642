using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Memory;

/// <summary>
/// The estimated memory of one transaction. Only the thread running the transaction's statement changes it (a
/// transaction runs one statement at a time); others only read <see cref="Used"/>. The shared pool is touched in
/// 1 MiB steps, so growing by a few bytes per row costs an add and a compare.
/// </summary>
internal sealed class TransactionMemory(QueryMemoryPool pool)
{
    private const long Step = 1 << 20;
    private long _used;
    private long _reserved;

    /// <summary>Estimated bytes held now.</summary>
    public long Used => Volatile.Read(ref _used);

    /// <summary>The most this transaction has held.</summary>
    public long Peak { get; private set; }

    /// <summary>Accounts <paramref name="bytes"/> more; throws MemoryPoolOutOfMemoryError past a limit.</summary>
    public void Grow(long bytes)
    {
        var used = _used + bytes;
        Volatile.Write(ref _used, used);
        if (used <= _reserved) return;
        Reserve(used, bytes);
    }

    private void Reserve(long used, long bytes)
    {
        var limit = pool.TransactionLimitBytes;
        if (limit > 0 && used > limit)
        {
            Volatile.Write(ref _used, used - bytes);
            throw new GraphException(ErrorCodes.MemoryPoolOutOfMemory,
                $"The allocation of an extra {Describe(bytes)} would use more than the limit {Describe(limit)}. Currently using {Describe(used - bytes)}. "
                + "Graph:MemoryLimit:Transaction threshold reached (as Neo4j's db.memory.transaction.max)");
        }
        var step = ((used - _reserved) + Step - 1) / Step * Step;
        if (!pool.TryReserve(step))
        {
            Volatile.Write(ref _used, used - bytes);
            throw new GraphException(ErrorCodes.MemoryPoolOutOfMemory,
                $"The allocation of an extra {Describe(bytes)} would use more than the limit {Describe(pool.LimitBytes)}. Currently using {Describe(pool.UsedBytes)}. "
                + "Graph:MemoryLimit:Global threshold reached (as Neo4j's dbms.memory.transaction.total.max)");
        }
        _reserved += step;
        if (used > Peak) Peak = used;
    }

    /// <summary>Gives back what <see cref="Grow"/> accounted once it is no longer held.</summary>
    public void Shrink(long bytes)
    {
        var used = Math.Max(0, _used - bytes);
        Volatile.Write(ref _used, used);
        // Hand whole steps back to the pool when a lot is unused, keeping one step for the next growth.
        if (_reserved - used > 4 * Step)
        {
            var keep = (used + Step - 1) / Step * Step + Step;
            pool.Release(_reserved - keep);
            _reserved = keep;
        }
    }

    /// <summary>Fails now if a value of <paramref name="bytes"/> could not be held (a big string or list about to be built).</summary>
    public void EnsureRoom(long bytes)
    {
        Grow(bytes);
        Shrink(bytes);
    }

    /// <summary>Everything is released: the statement (or the transaction) is over.</summary>
    public void ReleaseAll()
    {
        Volatile.Write(ref _used, 0);
        pool.Release(_reserved);
        _reserved = 0;
    }

    private static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.##} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.##} KiB",
        _ => $"{bytes} B",
    };
}
