using System.Globalization;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Cypher.Session;

/// <summary><c>SHOW TRANSACTIONS</c> and <c>TERMINATE TRANSACTIONS</c> with Neo4j 5's columns.</summary>
internal static class TransactionCommands
{
    /// <summary>Every column, in Neo4j 5's order (<c>YIELD *</c>).</summary>
    public static readonly string[] AllColumns =
    [
        "database", "transactionId", "currentQueryId", "outerTransactionId", "connectionId", "clientAddress", "username",
        "metaData", "currentQuery", "parameters", "planner", "runtime", "indexes", "startTime", "currentQueryStartTime",
        "protocol", "requestUri", "status", "currentQueryStatus", "statusDetails", "resourceInformation", "activeLockCount",
        "currentQueryActiveLockCount", "elapsedTime", "cpuTime", "waitTime", "idleTime", "currentQueryElapsedTime",
        "currentQueryCpuTime", "currentQueryWaitTime", "currentQueryIdleTime", "currentQueryAllocatedBytes",
        "allocatedDirectBytes", "estimatedUsedHeapMemory", "pageHits", "pageFaults", "currentQueryPageHits",
        "currentQueryPageFaults", "initializationStackTrace",
    ];

    /// <summary>The columns without YIELD.</summary>
    public static readonly string[] DefaultColumns =
        ["database", "transactionId", "currentQueryId", "connectionId", "clientAddress", "username", "currentQuery", "startTime", "status", "elapsedTime"];

    public static readonly string[] TerminateColumns = ["transactionId", "username", "message"];

    public static List<Row> Show(ShowCommand show, GraphDatabase db, ExecContext ctx)
    {
        var wanted = Ids(show.Ids, ctx);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<Row>();
        foreach (var t in db.RunningTransactions())
        {
            if (wanted is not null && !wanted.Contains(t.TransactionId)) continue;
            rows.Add(RowOf(t, now));
        }
        return rows;
    }

    public static List<Row> Terminate(TerminateTransactionsCommand cmd, GraphDatabase db, TxState? current, ExecContext ctx)
    {
        var rows = new List<Row>();
        var by = current?.Session.Connection?.Username ?? "";
        foreach (var id in Ids(cmd.Ids, ctx) ?? [])
        {
            var tx = db.Transactions.Find(id);
            var terminated = tx is not null && tx.Terminate(by);
            var message = terminated ? "Transaction terminated." : "Transaction not found.";
            var d = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["transactionId"] = id,
                ["username"] = tx?.Session.Connection?.Username ?? (terminated ? "" : null),
                ["message"] = message,
            };
            rows.Add(new Row(d));
        }
        return rows;
    }

    /// <summary>The ids named by the command (strings, lists of strings, or parameters holding them), or null for all.</summary>
    private static List<string>? Ids(IReadOnlyList<Expression> exprs, ExecContext ctx)
    {
        if (exprs.Count == 0) return null;
        var ids = new List<string>();
        foreach (var e in exprs)
        {
            switch (Evaluator.Eval(e, Row.Empty, ctx))
            {
                case string s: ids.Add(s); break;
                case IReadOnlyList<object?> l:
                    foreach (var x in l)
                        ids.Add(x as string ?? throw Invalid(x));
                    break;
                case var other: throw Invalid(other);
            }
        }
        return ids;
    }

    private static GraphException Invalid(object? v) =>
        new(ErrorCodes.TypeError, $"Expected a transaction id string (such as 'neo4j-transaction-42') but got {CypherValues.TypeName(v)}")
        {
            Detail = "InvalidArgumentType",
        };

    private static Row RowOf(RunningTransaction t, DateTimeOffset now)
    {
        var elapsed = now - t.StartTime;
        var running = t.CurrentQueryStartTime is { } qs ? now - qs : (TimeSpan?)null;
        var idle = t.CurrentQueryStartTime is null ? now - t.ActiveSince : TimeSpan.Zero;
        var d = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["database"] = t.Database,
            ["transactionId"] = t.TransactionId,
            ["currentQueryId"] = t.CurrentQueryId,
            ["outerTransactionId"] = "",
            ["connectionId"] = t.Connection?.ConnectionId ?? "",
            ["clientAddress"] = t.Connection?.ClientAddress ?? "",
            ["username"] = t.Connection?.Username ?? "",
            ["metaData"] = new Dictionary<string, object?>(t.Metadata, StringComparer.Ordinal),
            ["currentQuery"] = t.CurrentQuery,
            ["parameters"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["planner"] = t.CurrentQueryStartTime is null ? "" : "idp",
            ["runtime"] = t.CurrentQueryStartTime is null ? "" : "interpreted",
            ["indexes"] = new List<object?>(),
            ["startTime"] = Iso(t.StartTime),
            ["currentQueryStartTime"] = t.CurrentQueryStartTime is { } s ? Iso(s) : "",
            ["protocol"] = t.Connection?.Protocol ?? "embedded",
            ["requestUri"] = t.Connection?.ServerAddress ?? "",
            ["status"] = t.Status,
            ["currentQueryStatus"] = t.CurrentQueryStartTime is null ? "" : "running",
            ["statusDetails"] = "",
            ["resourceInformation"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["activeLockCount"] = 0L,
            ["currentQueryActiveLockCount"] = 0L,
            ["elapsedTime"] = Duration(elapsed),
            ["cpuTime"] = null,
            ["waitTime"] = Duration(TimeSpan.Zero),
            ["idleTime"] = Duration(idle),
            ["currentQueryElapsedTime"] = running is { } r ? Duration(r) : null,
            ["currentQueryCpuTime"] = null,
            ["currentQueryWaitTime"] = running is null ? null : Duration(TimeSpan.Zero),
            ["currentQueryIdleTime"] = running is null ? null : Duration(TimeSpan.Zero),
            ["currentQueryAllocatedBytes"] = t.CurrentQueryStartTime is null ? null : t.EstimatedMemoryBytes,
            ["allocatedDirectBytes"] = 0L,
            ["estimatedUsedHeapMemory"] = t.EstimatedMemoryBytes,
            ["pageHits"] = 0L,
            ["pageFaults"] = 0L,
            ["currentQueryPageHits"] = 0L,
            ["currentQueryPageFaults"] = 0L,
            ["initializationStackTrace"] = "",
        };
        return new Row(d);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static CypherDuration Duration(TimeSpan t)
    {
        var ticks = Math.Max(0, t.Ticks);
        return new CypherDuration(0, 0, ticks / TimeSpan.TicksPerSecond, (int)(ticks % TimeSpan.TicksPerSecond * 100));
    }
}
