using System.Diagnostics;
using System.Diagnostics.Metrics;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Diagnostics;

/// <summary>
/// The engine's traces and metrics through System.Diagnostics only: one span per statement (tagged with its text and
/// its parameter names, never their values), statement times and counts, and open transactions. A statement whose
/// result streams ends its span when the result is read to the end, consumed or abandoned.
/// </summary>
public static class CypherTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "KnowledgeGraph.Cypher";

    /// <summary>The span of one statement.</summary>
    public const string StatementSpan = "cypher.statement";

    /// <summary>Span tag: the statement's parameter names, comma-separated (values are never recorded).</summary>
    public const string ParameterNamesTag = "db.query.parameter.names";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    // Seconds, from a millisecond to half a minute (the SDK's default buckets assume milliseconds).
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private static readonly Counter<long> Statements = Meter.CreateCounter<long>(
        "kg.cypher.statements", "{statement}", "Cypher statements run by the embedded engine, by outcome.");
    private static readonly Histogram<double> StatementDuration = Meter.CreateHistogram<double>(
        "kg.cypher.statement.duration", "s", "Time of a Cypher statement, from its start until its result is read or consumed.", advice: Seconds);

    private static long _openTransactions;

    // The memory pools of the databases open in this process, held weakly so a closed database is not kept alive.
    private static readonly List<WeakReference<QueryMemoryPool>> MemoryPools = [];

    static CypherTelemetry()
    {
        Meter.CreateObservableUpDownCounter("kg.cypher.memory.used", SumMemoryInUse,
            "By", "Memory the running transactions of the embedded engine hold, as the engine estimates it (what the memory limits count).");
        Meter.CreateObservableUpDownCounter("kg.cypher.transactions.open", () => Interlocked.Read(ref _openTransactions),
            "{transaction}", "Transactions open in the embedded engine (explicit, and auto-commit ones still streaming).");
    }

    /// <summary>Adds a database's memory pool to the <c>kg.cypher.memory.used</c> gauge.</summary>
    internal static void TrackMemory(QueryMemoryPool pool)
    {
        lock (MemoryPools)
        {
            MemoryPools.RemoveAll(w => !w.TryGetTarget(out _));
            MemoryPools.Add(new WeakReference<QueryMemoryPool>(pool));
        }
    }

    private static long SumMemoryInUse()
    {
        lock (MemoryPools)
        {
            long sum = 0;
            foreach (var weak in MemoryPools)
                if (weak.TryGetTarget(out var pool)) sum += pool.UsedBytes;
            return sum;
        }
    }

    /// <summary>Runs a statement inside its span; the span and timing end with the result.</summary>
    /// <remarks>The work and its state are passed apart (a static lambda), so a run allocates no closure or delegate.</remarks>
    internal static async Task<IQueryResult> TraceAsync<TState>(string text, IReadOnlyDictionary<string, object?>? parameters, TState state,
        Func<TState, Task<IQueryResult>> run)
    {
        var activity = Source.StartActivity(StatementSpan, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", "knowledgegraph");
            activity.SetTag("db.query.text", text);
            if (parameters is { Count: > 0 }) activity.SetTag(ParameterNamesTag, string.Join(',', parameters.Keys));
        }
        var start = Stopwatch.GetTimestamp();
        IQueryResult result;
        try
        {
            result = await run(state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            End(activity, start, ok: false, e);
            throw;
        }
        if (result is ITracedResult { Completed: false } streaming)
            streaming.TraceUntilFinished(activity, start);
        else
            End(activity, start, ok: true, null);
        return result;
    }

    internal static void End(Activity? activity, long start, bool ok, Exception? error)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", ok ? "ok" : "error");
        Statements.Add(1, outcome);
        StatementDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, outcome);
        if (activity is null) return;
        if (error is KnowledgeGraph.Errors.GraphException g) activity.SetTag("db.response.status_code", g.Code);
        if (!ok) activity.SetStatus(ActivityStatusCode.Error, error?.GetType().Name);
        activity.Dispose();
    }

    /// <summary>Counts a transaction as open; returns its start time, so a transaction counts itself where it stamps it.</summary>
    internal static DateTimeOffset TransactionOpened()
    {
        Interlocked.Increment(ref _openTransactions);
        return DateTimeOffset.UtcNow;
    }

    /// <summary>Counts a transaction as closed (called once, when it commits or rolls back).</summary>
    internal static void TransactionClosed() => Interlocked.Decrement(ref _openTransactions);
}

/// <summary>A result still streaming when its statement returns: the statement's span ends when it finishes.</summary>
internal interface ITracedResult
{
    bool Completed { get; }

    /// <summary>The statement's span and start (a <see cref="Stopwatch"/> timestamp): the result calls
    /// <see cref="CypherTelemetry.End"/> once with the outcome, when the last record was read or it was abandoned.</summary>
    void TraceUntilFinished(Activity? span, long started);
}
