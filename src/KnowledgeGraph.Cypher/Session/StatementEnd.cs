using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// How one statement's result ends: the summary it reports and, for a streaming auto-commit read, the transaction it
/// commits (or rolls back) once read. One object per statement in place of the closures and delegates a run used to
/// allocate (summary builder, completion callback, bookmark callback); the summary is built only when asked for.
/// </summary>
internal sealed class StatementEnd
{
    public required string Text { get; init; }

    public required string QueryType { get; init; }

    /// <summary>The statement's context: its counters, read when the summary is built (after the last row).</summary>
    public required ExecContext Context { get; init; }

    public required QueryOptions Options { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>EXPLAIN or PROFILE: the operator tree the summary's plan is made from (null otherwise).</summary>
    public ProfileNode? Plan { get; init; }

    public bool Profiled { get; init; }

    /// <summary>A streaming auto-commit read: the transaction its completion ends (null: nothing to end).</summary>
    public TxState? Commits { get; init; }

    /// <summary>The session the commit's bookmark goes to (null inside an explicit transaction).</summary>
    public EmbeddedSession? Bookmarks { get; init; }

    /// <summary>Run once when the result completes (true) or fails or is abandoned (false).</summary>
    public Task CompleteAsync(bool ok) => Commits is { } tx ? EndAsync(tx, ok) : Task.CompletedTask;

    private async Task EndAsync(TxState tx, bool ok)
    {
        tx.StatementEnded();
        if (ok) Bookmarks?.SetBookmark(await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false));
        else await tx.RollbackAsync().ConfigureAwait(false);
    }

    public ResultSummary Summary(TimeSpan availableAfter, TimeSpan consumedAfter) => new()
    {
        Query = Text,
        QueryType = QueryType,
        Counters = Context.Counters.ToCounters(),
        Plan = Plan?.ToPlan(Profiled, Keys),
        Profiled = Profiled,
        Notifications = QueryOptionNotifications.For(Options, Text),
        Database = Context.DatabaseName,
        ResultAvailableAfter = availableAfter,
        ResultConsumedAfter = consumedAfter,
    };
}
