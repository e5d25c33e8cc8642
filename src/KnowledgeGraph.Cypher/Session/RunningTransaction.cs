
namespace KnowledgeGraph.Cypher.Session;

/// <summary>A running transaction as <c>SHOW TRANSACTIONS</c> reports it.</summary>
/// <param name="TransactionId">Neo4j's form, <c>neo4j-transaction-42</c>.</param>
/// <param name="CurrentQueryId">The running statement's id (<c>query-7</c>), or empty between statements.</param>
/// <param name="CurrentQuery">The running statement's text, or empty.</param>
/// <param name="CurrentQueryStartTime">When the running statement started, or null.</param>
/// <param name="StartTime">When the transaction began.</param>
/// <param name="ActiveSince">When the transaction last started or finished a statement.</param>
/// <param name="Status"><c>Running</c>, <c>Idle</c> (between statements), or <c>Terminated with reason: ...</c>.</param>
/// <param name="Connection">Who runs it (from <see cref="Driver.SessionOptions.Connection"/>), or null in process.</param>
/// <param name="Metadata">The transaction metadata the client attached.</param>
/// <param name="Timeout">The transaction's timeout, or null.</param>
/// <param name="EstimatedMemoryBytes">The memory the transaction holds now, as estimated by the engine.</param>
/// <param name="PeakMemoryBytes">The most it has held.</param>
public sealed record RunningTransaction(
    string TransactionId,
    string CurrentQueryId,
    string CurrentQuery,
    DateTimeOffset? CurrentQueryStartTime,
    DateTimeOffset StartTime,
    DateTimeOffset ActiveSince,
    string Status,
    Driver.ClientConnection? Connection,
    IReadOnlyDictionary<string, object?> Metadata,
    TimeSpan? Timeout,
    long EstimatedMemoryBytes,
    long PeakMemoryBytes)
{
    /// <summary>The database the transaction's session is on (<c>neo4j</c> or <c>system</c>).</summary>
    public string Database { get; init; } = Catalog.DatabaseCatalog.DefaultDatabase;

    internal static RunningTransaction Of(TxState tx)
    {
        var current = tx.Current;
        var status = tx.TerminatedBy is { } by
            ? "Terminated with reason: " + (by.Length > 0 ? $"Transaction terminated by {by}." : "Transaction terminated.")
            : current is null ? "Idle" : "Running";
        return new RunningTransaction(tx.TransactionId, current?.QueryId ?? "", current?.Text ?? "", current?.Started, tx.Started,
            tx.ActiveSince, status, tx.Session.Connection, tx.Metadata ?? new Dictionary<string, object?>(), tx.Timeout,
            tx.Memory.Used, tx.Memory.Peak)
        {
            Database = Catalog.DatabaseCatalog.Canonical(tx.Session.Database) ?? Catalog.DatabaseCatalog.DefaultDatabase,
        };
    }
}
