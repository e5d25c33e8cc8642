namespace KnowledgeGraph.Cypher.Memory;

/// <summary>
/// The memory the embedded engine's running transactions hold, as estimated by the engine (collect and other list
/// building, sort and DISTINCT buffers, grouping and hash-join tables, eager buffers, path searches), and its limits
/// (<see cref="GraphDatabaseOptions.TransactionMemoryLimit"/>, <see cref="GraphDatabaseOptions.GlobalMemoryLimit"/>).
/// Figures are estimates in bytes, not exact heap sizes; they are meant for limits and a gauge metric.
/// </summary>
public sealed class QueryMemoryPool
{
    private long _used;

    internal QueryMemoryPool(long limitBytes, long transactionLimitBytes)
    {
        LimitBytes = Math.Max(0, limitBytes);
        TransactionLimitBytes = Math.Max(0, transactionLimitBytes);
    }

    /// <summary>Bytes reserved by all running transactions together (reserved in 1 MiB steps, so never below the
    /// sum of what they use).</summary>
    public long UsedBytes => Volatile.Read(ref _used);

    /// <summary>The limit of <see cref="UsedBytes"/>; 0 means unlimited.</summary>
    public long LimitBytes { get; }

    /// <summary>The limit of one transaction's estimated memory; 0 means unlimited.</summary>
    public long TransactionLimitBytes { get; }

    /// <summary>Reserves <paramref name="bytes"/>; false (and nothing reserved) when that would pass the limit.</summary>
    internal bool TryReserve(long bytes)
    {
        var after = Interlocked.Add(ref _used, bytes);
        if (LimitBytes > 0 && after > LimitBytes)
        {
            Interlocked.Add(ref _used, -bytes);
            return false;
        }
        return true;
    }

    internal void Release(long bytes)
    {
        if (bytes > 0) Interlocked.Add(ref _used, -bytes);
    }
}
