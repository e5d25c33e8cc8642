using KnowledgeGraph.Cypher.Diagnostics;
using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// The storage side of one transaction: a snapshot reader until the first write, then the store's single writer
/// (which also serves reads, so the transaction sees its own writes). It is listed by <c>SHOW TRANSACTIONS</c> from
/// creation until it ends, and holds the transaction's limits: deadline, memory, termination.
/// </summary>
internal sealed partial class TxState : ITransactionControl
{
    private readonly GraphDatabase db;
    private IGraphReadTransaction? _reader;
    private IGraphWriter? _writer;

    public TxState(GraphDatabase db, SessionOptions session, TransactionConfig? config)
    {
        this.db = db;
        Session = session;
        Metadata = config?.Metadata;
        // A client timeout of zero means "none set": the server default applies, as in Neo4j.
        TimeoutSetByClient = config?.Timeout is { } c && c > TimeSpan.Zero;
        var timeout = TimeoutSetByClient ? config!.Timeout : db.Options.DefaultTransactionTimeout;
        Timeout = timeout is { } t && t > TimeSpan.Zero ? t : null;
        Deadline = Timeout is { } limit ? Started + limit : null;
        Memory = new TransactionMemory(db.Memory);
        Id = db.Transactions.Register(this);
    }

    public DateTimeOffset Started { get; } = CypherTelemetry.TransactionOpened();

    public TimeSpan? Timeout { get; }

    public DateTimeOffset? Deadline { get; }

    /// <summary>True when <see cref="Deadline"/> comes from the client's TransactionConfig (Neo4j 5 then reports
    /// TransactionTimedOutClientConfiguration rather than TransactionTimedOut).</summary>
    public bool TimeoutSetByClient { get; }

    public TransactionMemory Memory { get; }

    public bool Finished { get; private set; }

    public bool HasWriter => _writer is not null;

    public async ValueTask<(IGraphReader Reader, IGraphWriter? Writer)> AcquireAsync(bool write, CancellationToken ct)
    {
        if (Finished) throw new GraphException(ErrorCodes.TransactionTerminated, "The transaction has already been closed.");
        if (write && _writer is null)
        {
            if (Deadline is { } d)
            {
                var remaining = d - DateTimeOffset.UtcNow;
                if (remaining <= TimeSpan.Zero) throw Err.TimedOut(TimeoutSetByClient);
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                cts.CancelAfter(remaining);
                try
                {
                    _writer = await db.Store.BeginWriteAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw Err.TimedOut(TimeoutSetByClient);
                }
            }
            else _writer = await db.Store.BeginWriteAsync(ct).ConfigureAwait(false);
            _reader?.Dispose();
            _reader = null;
        }
        if (_writer is not null) return (_writer, _writer);
        _reader ??= db.Store.BeginRead();
        return (_reader, null);
    }

    /// <summary>
    /// Ends the current write transaction (commit or roll back) and starts the next one, for a statement that runs
    /// in several transactions. Returns the new reader/writer and the committed transaction's id.
    /// </summary>
    public async Task<(IGraphReader Reader, IGraphWriter? Writer, long? Committed)> NextAsync(bool commit, CancellationToken ct)
    {
        long? committed = null;
        if (_writer is not null)
        {
            var w = _writer;
            _writer = null;
            try
            {
                if (commit) committed = await w.CommitAsync(ct).ConfigureAwait(false);
                else w.Rollback();
            }
            finally
            {
                await w.DisposeAsync().ConfigureAwait(false);
            }
        }
        var (reader, writer) = await AcquireAsync(write: true, ct).ConfigureAwait(false);
        return (reader, writer, committed);
    }

    /// <summary>Commits (durably, when writing) and returns the resulting bookmark.</summary>
    public async Task<string?> CommitAsync(CancellationToken ct)
    {
        if (Finished) return null;
        Finished = true;
        CypherTelemetry.TransactionClosed();
        try
        {
            if (_writer is not null)
            {
                var txId = await _writer.CommitAsync(ct).ConfigureAwait(false);
                return "kg:" + txId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return _reader is null ? null : "kg:" + _reader.SnapshotTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    public async Task RollbackAsync()
    {
        if (Finished) return;
        Finished = true;
        CypherTelemetry.TransactionClosed();
        try
        {
            _writer?.Rollback();
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync()
    {
        db.Transactions.Remove(Id);
        Memory.ReleaseAll();
        _reader?.Dispose();
        _reader = null;
        if (_writer is not null)
        {
            var w = _writer;
            _writer = null;
            await w.DisposeAsync().ConfigureAwait(false);
        }
    }
}
