using KnowledgeGraph.Bolt.Hosting;
using Microsoft.Extensions.Options;

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
    public BoltDriverSettings Neo4j { get; set; } = new();

    /// <summary>Embedded engine: timeout of a transaction whose client sets none (as Neo4j's db.transaction.timeout);
    /// <c>00:00:00</c> disables it.</summary>
    public TimeSpan TransactionTimeout { get; set; } = DefaultTransactionTimeout;

    /// <summary>Embedded engine: the folder <c>LOAD CSV FROM 'file:///…'</c> reads from (Neo4j's
    /// server.directories.import); empty refuses file URLs. A relative path is relative to the working directory.</summary>
    public string? ImportDirectory { get; set; }

    /// <summary>Embedded engine: whether <c>LOAD CSV</c> may read http(s) URLs.</summary>
    public bool ImportAllowHttp { get; set; }

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

/// <summary>The <c>Graph:ChangeRetention</c> section: the window of committed changes (kept in memory and in change files beside the store, restored after a restart).</summary>
public sealed class ChangeRetentionOptions
{
    /// <summary>Committed transactions kept; 0 turns change data capture off (db.cdc.* then fail with
    /// Neo.DatabaseError.ChangeDataCapture.Disabled and subscriptions see this API's own mutations only).</summary>
    public int Transactions { get; set; } = 10_000;

    /// <summary>Entity changes kept at most across those transactions (the oldest transactions go first).</summary>
    public long MaxChanges { get; set; } = 1_000_000;
}

/// <summary>Accepted values of <c>Graph:Provider</c>.</summary>
public static class GraphProviders
{
    public const string Embedded = "embedded";
    public const string Neo4j = "neo4j";
}

/// <summary>The one validator of <see cref="GraphOptions"/> (the Neo4j connection's own rules are
/// <see cref="BoltDriverSettingsValidator"/>'s, applied when that provider is chosen).</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Provider is not (GraphProviders.Embedded or GraphProviders.Neo4j))
            problems.Add($"Configuration key 'Graph:Provider' must be 'embedded' or 'neo4j' (got '{options.Provider}').");
        if (options.TransactionTimeout < TimeSpan.Zero)
            problems.Add($"Configuration key 'Graph:TransactionTimeout' must not be negative (got '{options.TransactionTimeout}').");
        if (!Graph.ByteSize.TryParse(options.MemoryLimit.Transaction, out _))
            problems.Add($"Configuration key 'Graph:MemoryLimit:Transaction' must be a byte size such as 512MB, 2GB or 0 (got '{options.MemoryLimit.Transaction}').");
        if (!Graph.ByteSize.TryParse(options.MemoryLimit.Global, out _))
            problems.Add($"Configuration key 'Graph:MemoryLimit:Global' must be a byte size such as 512MB, 2GB or 0 (got '{options.MemoryLimit.Global}').");
        if (options.ChangeRetention.Transactions < 0)
            problems.Add($"Configuration key 'Graph:ChangeRetention:Transactions' must be 0 (capture off) or more (got {options.ChangeRetention.Transactions}).");
        if (options.ChangeRetention.MaxChanges < 1)
            problems.Add($"Configuration key 'Graph:ChangeRetention:MaxChanges' must be at least 1 (got {options.ChangeRetention.MaxChanges}).");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add("Configuration key 'Graph:DataDirectory' must be a directory path (got an empty value).");
        if (options.Provider == GraphProviders.Neo4j)
        {
            var uri = options.Neo4j.Uri;
            if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
                || parsed.Scheme is not ("bolt" or "bolt+s" or "bolt+ssc" or "neo4j" or "neo4j+s" or "neo4j+ssc"))
                problems.Add($"Configuration key 'Graph:Neo4j:Uri' must be a bolt:// or neo4j:// URI such as bolt://localhost:7687 (got '{uri}').");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
