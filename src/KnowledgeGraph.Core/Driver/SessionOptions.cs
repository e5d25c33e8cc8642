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

    /// <summary>
    /// Who is running the session, when a server runs it for a remote client (the Bolt server fills it per
    /// connection). The embedded engine shows it in <c>SHOW TRANSACTIONS</c>; null for in-process callers.
    /// </summary>
    public ClientConnection? Connection { get; init; }
}

/// <summary>A client connection as <c>SHOW TRANSACTIONS</c> reports it (Neo4j's connectionId, clientAddress, username).</summary>
/// <param name="ConnectionId">The server's id of the connection, e.g. <c>bolt-42</c>.</param>
/// <param name="ClientAddress">The client's address and port, e.g. <c>127.0.0.1:53412</c>.</param>
/// <param name="Username">The authenticated user, or null.</param>
/// <param name="Protocol">The protocol, e.g. <c>bolt</c>.</param>
/// <param name="ServerAddress">The server address the client connected to.</param>
/// <param name="ServerUsers">Every user the serving front door accepts (its configuration, never passwords), which
/// <c>SHOW USERS</c> lists; null: only the connection's own user is known.</param>
public sealed record ClientConnection(string? ConnectionId, string? ClientAddress, string? Username, string Protocol = "bolt", string? ServerAddress = null,
    IReadOnlyList<ServerUser>? ServerUsers = null);

/// <summary>A user a server accepts: its name and whether it may only read (Neo4j's <c>reader</c> role) or also
/// write (<c>admin</c>).</summary>
public sealed record ServerUser(string Name, bool ReadOnly);

/// <summary>Per-transaction settings.</summary>
public sealed record TransactionConfig
{
    /// <summary>Time limit; exceeding it fails with <c>Neo.ClientError.Transaction.TransactionTimedOut</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Metadata attached to the transaction (shown by Neo4j's <c>SHOW TRANSACTIONS</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }
}
