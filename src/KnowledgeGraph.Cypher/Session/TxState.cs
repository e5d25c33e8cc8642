using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>
/// The storage side of one transaction: a snapshot reader until the first write, then the store's single writer
/// (which also serves reads, so the transaction sees its own writes).
/// </summary>
internal sealed class TxState(GraphDatabase db, TimeSpan? timeout)
{
    private IGraphReadTransaction? _reader;
    private IGraphWriter? _writer;

    public DateTimeOffset Started { get; } = Diagnostics.CypherTelemetry.TransactionOpened();

    public DateTimeOffset? Deadline { get; } = timeout is { } t && t > TimeSpan.Zero ? DateTimeOffset.UtcNow + t : null;

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
                if (remaining <= TimeSpan.Zero) throw TimedOut();
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                cts.CancelAfter(remaining);
                try
                {
                    _writer = await db.Store.BeginWriteAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw TimedOut();
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

    private static GraphException TimedOut() => new(ErrorCodes.TransactionTimedOut,
        "The transaction has not completed within the specified timeout (dbms.transaction.timeout).");

    /// <summary>Commits (durably, when writing) and returns the resulting bookmark.</summary>
    public async Task<string?> CommitAsync(CancellationToken ct)
    {
        if (Finished) return null;
        Finished = true;
        Diagnostics.CypherTelemetry.TransactionClosed();
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
        Diagnostics.CypherTelemetry.TransactionClosed();
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
