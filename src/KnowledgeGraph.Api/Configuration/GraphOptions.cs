namespace KnowledgeGraph.Api.Configuration;

/// <summary>The <c>Graph</c> section: which engine answers Cypher.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary><c>embedded</c> (default) or <c>neo4j</c>.</summary>
    public string Provider { get; set; } = GraphProviders.Embedded;

    /// <summary>Where the embedded engine keeps its files.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Connection to a Neo4j server (Provider = neo4j).</summary>
    public Neo4jOptions Neo4j { get; set; } = new();

    /// <summary>Embedded engine: timeout of a transaction whose client sets none (as Neo4j's db.transaction.timeout);
    /// <c>00:00:00</c> disables it.</summary>
    public TimeSpan TransactionTimeout { get; set; } = DefaultTransactionTimeout;

    /// <summary>Embedded engine: query memory limits.</summary>
    public MemoryLimitOptions MemoryLimit { get; set; } = new();

    /// <summary>Embedded engine: how much of the commit stream <c>db.cdc.query</c> (and so subscription resume) keeps.</summary>
    public ChangeRetentionOptions ChangeRetention { get; set; } = new();

    /// <summary>One minute: every statement the service runs (GraphQL, seeding, Bolt) finishes or fails by then
    /// unless its client asks for longer.</summary>
    public static readonly TimeSpan DefaultTransactionTimeout = TimeSpan.FromMinutes(1);
}

/// <summary>The <c>Graph:MemoryLimit</c> section: byte sizes such as <c>512MB</c> or <c>2GB</c>; <c>0</c> is unlimited.</summary>
public sealed class MemoryLimitOptions
{
    /// <summary>Estimated memory one transaction may hold (as Neo4j's db.memory.transaction.max).</summary>
    public string Transaction { get; set; } = "2GB";

    /// <summary>Estimated memory all running transactions together may hold (as Neo4j's dbms.memory.transaction.total.max).</summary>
    public string Global { get; set; } = "8GB";
}

/// <summary>The <c>Graph:ChangeRetention</c> section: the in-memory window of committed changes (lost on restart).</summary>
public sealed class ChangeRetentionOptions
{
    /// <summary>Committed transactions kept; 0 turns change data capture off (db.cdc.* then fail with
    /// Neo.DatabaseError.ChangeDataCapture.Disabled and subscriptions see this API's own mutations only).</summary>
    public int Transactions { get; set; } = 10_000;

    /// <summary>Entity changes kept at most across those transactions (the oldest transactions go first).</summary>
    public long MaxChanges { get; set; } = 1_000_000;
}

/// <summary>The <c>Graph:Neo4j</c> section.</summary>
public sealed class Neo4jOptions
{
    public string? Uri { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}

/// <summary>Accepted values of <c>Graph:Provider</c>.</summary>
public static class GraphProviders
{
    public const string Embedded = "embedded";
    public const string Neo4j = "neo4j";
}
