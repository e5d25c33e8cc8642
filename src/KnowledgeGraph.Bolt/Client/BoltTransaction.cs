using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// An explicit transaction holding one connection from BEGIN to COMMIT/ROLLBACK. After any failure the
/// server has already rolled it back, so further queries and COMMIT fail and only rollback/dispose are accepted.
/// </summary>
internal sealed class BoltTransaction : IGraphTransaction
{
    private readonly BoltDriver _driver;
    private readonly BoltClientConnection _connection;
    private readonly Func<string?, Exception?, ValueTask> _onClose;
    private readonly List<BoltQueryResult> _results = [];
    private Exception? _failure;
    private bool _closed;
    private bool _beginPending = true; // BEGIN was queued by the session, its reply not read yet

    public BoltTransaction(BoltDriver driver, BoltClientConnection connection, Func<string?, Exception?, ValueTask> onClose)
    {
        _driver = driver;
        _connection = connection;
        _onClose = onClose;
    }

    public async Task<IQueryResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnusable();
        await BufferOpenResultsAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfUnusable();
        IReadOnlyDictionary<string, object?> metadata;
        try
        {
            _connection.Enqueue(new RunMessage(query, parameters ?? MessageFields.Empty, MessageFields.Empty));
            _connection.Enqueue(new PullMessage(_driver.Options.FetchSize));
            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            await ReadBeginAsync(cancellationToken).ConfigureAwait(false);
            metadata = await _connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _failure = e;
            throw;
        }
        var result = new BoltQueryResult(_connection, query, metadata, _driver.Options.FetchSize, metadata.GetLong("qid") ?? -1, (_, failure) =>
        {
            if (failure is not null) _failure ??= failure;
            return ValueTask.CompletedTask;
        });
        _results.Add(result);
        return result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (_failure is null) await BufferOpenResultsAsync(cancellationToken).ConfigureAwait(false);
        if (_failure is not null)
        {
            await CloseAsync(null).ConfigureAwait(false);
            throw new GraphException(ErrorCodes.TransactionTerminated,
                $"The transaction cannot be committed: it failed earlier and was rolled back ({_failure.Message}).", _failure);
        }
        string? bookmark;
        try
        {
            _connection.Enqueue(CommitMessage.Instance);
            await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            await ReadBeginAsync(cancellationToken).ConfigureAwait(false);
            bookmark = (await _connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false)).GetString("bookmark");
        }
        catch (Exception e)
        {
            _failure = e;
            await CloseAsync(null).ConfigureAwait(false);
            throw;
        }
        await CloseAsync(bookmark).ConfigureAwait(false);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        // With a failure or unfinished results, releasing the connection RESETs it, which also rolls back.
        if (_failure is null && _results.TrueForAll(r => r.IsDone) && !_connection.IsDefunct)
        {
            try
            {
                _connection.Enqueue(RollbackMessage.Instance);
                await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                await ReadBeginAsync(cancellationToken).ConfigureAwait(false);
                await _connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _failure = e;
                await CloseAsync(null).ConfigureAwait(false);
                throw;
            }
        }
        else if (!_connection.IsDefunct)
        {
            await _connection.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
        await CloseAsync(null).ConfigureAwait(false);
    }

    private async Task ReadBeginAsync(CancellationToken cancellationToken)
    {
        if (!_beginPending) return;
        _beginPending = false;
        await _connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task BufferOpenResultsAsync(CancellationToken cancellationToken)
    {
        foreach (var result in _results)
        {
            if (!result.IsDone) await result.BufferAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CloseAsync(string? bookmark)
    {
        if (_closed) return;
        _closed = true;
        await _onClose(bookmark, _failure).ConfigureAwait(false);
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new InvalidOperationException("The transaction is already closed (committed or rolled back).");
    }

    private void ThrowIfUnusable()
    {
        ThrowIfClosed();
        if (_failure is not null)
            throw new GraphException(ErrorCodes.TransactionTerminated,
                $"The transaction has been rolled back because of an earlier error: {_failure.Message}", _failure);
    }

    public async ValueTask DisposeAsync()
    {
        if (_closed) return;
        try
        {
            await RollbackAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is GraphException or OperationCanceledException)
        {
            // disposing never throws; the connection was already closed or reset
        }
        finally
        {
            await CloseAsync(null).ConfigureAwait(false);
        }
    }
}
