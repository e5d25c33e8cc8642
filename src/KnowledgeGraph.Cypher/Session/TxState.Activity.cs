using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>What <c>SHOW TRANSACTIONS</c> reports about a transaction, and <c>TERMINATE TRANSACTIONS</c>.</summary>
internal sealed partial class TxState
{
    private volatile string? _terminatedBy;
    private volatile bool _cancelled;
    private volatile StatementActivity? _current;
    private long _activeSince = DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>The number in <see cref="TransactionId"/>, unique while the database is open.</summary>
    public long Id { get; }

    /// <summary>Neo4j's form: <c>neo4j-transaction-42</c>.</summary>
    public string TransactionId => TransactionIds.Format(Id);

    public SessionOptions Session { get; }

    public IReadOnlyDictionary<string, object?>? Metadata { get; }

    /// <summary>The statement running now (null between statements of an explicit transaction).</summary>
    public StatementActivity? Current => _current;

    /// <summary>When the transaction last started or finished a statement (idle time is measured from here).</summary>
    public DateTimeOffset ActiveSince => new(Interlocked.Read(ref _activeSince), TimeSpan.Zero);

    /// <summary>Who terminated the transaction (a user name, or empty), or null while it may run.</summary>
    public string? TerminatedBy => _terminatedBy;

    /// <summary>Marks the start of a statement; its loops see termination from now on.</summary>
    public void StatementStarted(string text)
    {
        var now = DateTimeOffset.UtcNow;
        _current = new StatementActivity(TransactionIds.NextQueryNumber(), text, now);
        Interlocked.Exchange(ref _activeSince, now.UtcTicks);
    }

    /// <summary>Marks the end of the current statement.</summary>
    public void StatementEnded()
    {
        _current = null;
        Interlocked.Exchange(ref _activeSince, DateTimeOffset.UtcNow.UtcTicks);
    }

    /// <summary>True once a caller's cancellation token fired while reading a result of this transaction.</summary>
    public bool Cancelled => _cancelled;

    /// <summary>The token a result is read with fired: the running statement stops at its next check.</summary>
    public void CancelRunning() => _cancelled = true;

    /// <summary>Asks the transaction to stop: its running statement fails at its next check with
    /// Neo.TransientError.Transaction.Terminated, and so does any later use. Returns false if it already ended.</summary>
    public bool Terminate(string by)
    {
        if (Finished) return false;
        _terminatedBy ??= by;
        return true;
    }
}

/// <summary>A running statement: Neo4j's <c>query-7</c> id, its text, when it started.</summary>
internal sealed record StatementActivity(long QueryNumber, string Text, DateTimeOffset Started)
{
    /// <summary>Formatted only when SHOW TRANSACTIONS asks, not for every statement.</summary>
    public string QueryId => TransactionIds.FormatQuery(QueryNumber);
}

/// <summary>Transaction and query ids as Neo4j prints them.</summary>
internal static class TransactionIds
{
    private static long _queries;

    public const string Prefix = "neo4j-transaction-";

    public static string Format(long id) => Prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static long NextQueryNumber() => Interlocked.Increment(ref _queries);

    public static string FormatQuery(long number) => "query-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
