namespace KnowledgeGraph.Storage;

/// <summary>Tuning knobs of a <see cref="GraphStore"/>; the defaults suit the service.</summary>
public sealed record GraphStoreOptions
{
    /// <summary>Log bytes written since the last checkpoint that trigger a background checkpoint (0 disables).</summary>
    public long CheckpointLogBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Open a store whose log lost acknowledged transactions (tail zeroed, truncated or deleted), keeping what is
    /// left, instead of refusing to open. Off by default; meant for one recovery run, after which the loss is
    /// recorded (the high-water mark is reset) and later opens succeed without it. Checksum damage in the middle of
    /// the log is refused either way.
    /// </summary>
    public bool AcceptDataLoss { get; init; }

    /// <summary>First delay before the store retries resuming writes after an I/O failure (doubles up to
    /// <see cref="WriteRetryMaxDelay"/>); <see cref="TimeSpan.Zero"/> disables automatic retries.</summary>
    public TimeSpan WriteRetryInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two automatic attempts to resume writes.</summary>
    public TimeSpan WriteRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Committed transactions the commit stream keeps in memory for change data capture
    /// (<c>db.cdc.query</c>); 0 turns capture off. Older ones are forgotten: asking for them is an invalid change id.</summary>
    public int ChangeRetentionTransactions { get; init; } = 10_000;

    /// <summary>Entity changes kept in memory at most, across the retained transactions (the oldest go first; the
    /// newest transaction is kept whatever its size).</summary>
    public long ChangeRetentionMaxChanges { get; init; } = 1_000_000;
}
