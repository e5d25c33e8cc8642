namespace KnowledgeGraph.Driver;

/// <summary>Read or write intent; a cluster routes reads to readers.</summary>
public enum AccessMode
{
    Write,
    Read,
}

/// <summary>How a session is opened.</summary>
public sealed record SessionOptions
{
    /// <summary>Database name; null means the default (<c>neo4j</c>).</summary>
    public string? Database { get; init; }

    /// <summary>Read or write intent.</summary>
    public AccessMode AccessMode { get; init; } = AccessMode.Write;

    /// <summary>Bookmarks the session's first transaction must observe.</summary>
    public IReadOnlyList<string> Bookmarks { get; init; } = [];

    /// <summary>
    /// When true, any write fails with <c>Neo.ClientError.Security.Forbidden</c> (a read-only user), rather than
    /// being merely routed as a read.
    /// </summary>
    public bool WritesForbidden { get; init; }
}

/// <summary>Per-transaction settings.</summary>
public sealed record TransactionConfig
{
    /// <summary>Time limit; exceeding it fails with <c>Neo.ClientError.Transaction.TransactionTimedOut</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Metadata attached to the transaction (shown by Neo4j's <c>SHOW TRANSACTIONS</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }
}
