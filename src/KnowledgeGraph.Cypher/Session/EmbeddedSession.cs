using KnowledgeGraph.Cypher.Diagnostics;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>A session of the embedded database: auto-commit queries and one explicit transaction at a time.</summary>
internal sealed class EmbeddedSession(GraphDatabase db, SessionOptions options) : IGraphSession
{
    // The results still streaming, which disposing the session abandons. Most sessions run one statement: its result
    // is kept in a field, and a list is made only for a second one.
    private EmbeddedResult? _result;
    private List<EmbeddedResult>? _results;
    private EmbeddedTransaction? _open;
    private bool _disposed;

    public string? LastBookmark { get; private set; } = options.Bookmarks.Count > 0 ? options.Bookmarks[^1] : null;

    internal void SetBookmark(string? bookmark)
    {
        if (bookmark is not null) LastBookmark = bookmark;
    }

    public async Task<IQueryResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null,
        TransactionConfig? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_open is { IsOpen: true })
            throw new GraphException(ErrorCodes.ProtocolError, "Queries cannot be run in a session while an explicit transaction is open.");
        var tx = new TxState(db, options, config);
        var result = await CypherTelemetry.TraceAsync(query, parameters, (db, tx, query, parameters, options, this, cancellationToken),
            static s => StatementRunner.RunAsync(s.db, s.tx, true, s.query, s.parameters, s.options, s.Item6, s.cancellationToken)).ConfigureAwait(false);
        // Streaming results read their own snapshot, so they stay valid while later queries run; only track
        // the unfinished ones so disposing the session can release their snapshots.
        if (_result is { Completed: true }) _result = null;
        _results?.RemoveAll(r => r.Completed);
        if (result is EmbeddedResult { Completed: false } er)
        {
            if (_result is null) _result = er;
            else (_results ??= []).Add(er);
        }
        return result;
    }

    public async Task<IGraphTransaction> BeginTransactionAsync(TransactionConfig? config = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_open is { IsOpen: true })
            throw new GraphException(ErrorCodes.ProtocolError, "A transaction is already open in this session.");
        _open = new EmbeddedTransaction(db, this, options, new TxState(db, options, config));
        return _open;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_result is { } first) await first.AbandonAsync().ConfigureAwait(false);
        _result = null;
        if (_results is { } more)
        {
            foreach (var r in more) await r.AbandonAsync().ConfigureAwait(false);
            more.Clear();
        }
        if (_open is { IsOpen: true }) await _open.RollbackAsync().ConfigureAwait(false);
    }
}

/// <summary>An explicit transaction; every statement runs to completion when run, and sees earlier writes.</summary>
internal sealed class EmbeddedTransaction(GraphDatabase db, EmbeddedSession session, SessionOptions options, TxState state) : IGraphTransaction
{
    public bool IsOpen => !state.Finished;

    public Task<IQueryResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (state.Finished) throw new GraphException(ErrorCodes.TransactionTerminated, "The transaction has been closed (committed, rolled back or failed).");
        return CypherTelemetry.TraceAsync(query, parameters, (db, state, query, parameters, options, cancellationToken),
            static s => StatementRunner.RunAsync(s.db, s.state, false, s.query, s.parameters, s.options, null, s.cancellationToken));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (state.Finished) throw new GraphException(ErrorCodes.TransactionTerminated, "The transaction has been closed (committed, rolled back or failed).");
        if (state.TerminatedBy is not null)
        {
            await state.RollbackAsync().ConfigureAwait(false);
            throw new GraphException(ErrorCodes.TransactionTerminatedWhileRunning, "The transaction has been terminated. Explicitly terminated by the user.");
        }
        if (state.Deadline is { } d && DateTimeOffset.UtcNow > d)
        {
            await state.RollbackAsync().ConfigureAwait(false);
            throw Err.TimedOut(state.TimeoutSetByClient);
        }
        session.SetBookmark(await state.CommitAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default) => state.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        if (!state.Finished) await state.RollbackAsync().ConfigureAwait(false);
    }
}
