using System.Diagnostics;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>
/// A session of the Bolt client: auto-commit queries, explicit transactions and managed (retried)
/// transactions, one at a time. Bookmarks chain automatically: each transaction waits for the previous one.
/// Not thread-safe. Starting new work while a result is still open buffers that result first.
/// </summary>
public sealed class BoltSession : IGraphSession
{
    private readonly BoltDriver _driver;
    private readonly SessionOptions _options;
    private IReadOnlyList<string> _bookmarks;
    private BoltQueryResult? _open;
    private BoltTransaction? _tx;
    private bool _disposed;

    internal BoltSession(BoltDriver driver, SessionOptions options)
    {
        _driver = driver;
        _options = options;
        _bookmarks = options.Bookmarks;
    }

    /// <inheritdoc />
    public string? LastBookmark { get; private set; }

    /// <inheritdoc />
    public async Task<IQueryResult> RunAsync(
        string query, IReadOnlyDictionary<string, object?>? parameters = null, TransactionConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var (pool, connection) = await _driver.AcquireAsync(_options.AccessMode, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, object?> metadata;
        try
        {
            connection.Enqueue(new RunMessage(query, parameters ?? MessageFields.Empty, Extra(_options.AccessMode, config)));
            connection.Enqueue(new PullMessage(_driver.Options.FetchSize));
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            metadata = await connection.ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (e is GraphException g) _driver.OnServerError(connection.Address, g);
            await pool.ReleaseAsync(connection).ConfigureAwait(false);
            throw;
        }
        BoltQueryResult? result = null;
        result = new BoltQueryResult(connection, query, metadata, _driver.Options.FetchSize, -1, async (final, failure) =>
        {
            if (final?.GetString("bookmark") is { } bookmark) SetBookmark(bookmark);
            if (failure is GraphException g) _driver.OnServerError(connection.Address, g);
            if (ReferenceEquals(_open, result)) _open = null;
            await pool.ReleaseAsync(connection).ConfigureAwait(false);
        });
        _open = result;
        return result;
    }

    /// <inheritdoc />
    public async Task<IGraphTransaction> BeginTransactionAsync(TransactionConfig? config = null, CancellationToken cancellationToken = default) =>
        await BeginAsync(_options.AccessMode, config, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs <paramref name="work"/> in a read transaction; transient failures retry the whole unit of work.</summary>
    public Task<T> ExecuteReadAsync<T>(Func<IGraphTransaction, Task<T>> work, TransactionConfig? config = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(AccessMode.Read, work, config, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write transaction; transient failures retry the whole unit of work.</summary>
    public Task<T> ExecuteWriteAsync<T>(Func<IGraphTransaction, Task<T>> work, TransactionConfig? config = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(AccessMode.Write, work, config, cancellationToken);

    private async Task<T> ExecuteAsync<T>(AccessMode mode, Func<IGraphTransaction, Task<T>> work, TransactionConfig? config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            BoltTransaction? tx = null;
            try
            {
                tx = await BeginAsync(mode, config, cancellationToken).ConfigureAwait(false);
                var result = await work(tx).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (RetryPolicy.IsRetriable(e) && clock.Elapsed < _driver.Options.MaxTransactionRetryTime)
            {
                // fall through to the back-off below; the failed transaction is rolled back in finally
            }
            finally
            {
                if (tx is not null) await tx.DisposeAsync().ConfigureAwait(false);
            }
            await Task.Delay(RetryPolicy.Delay(_driver.Options.InitialRetryDelay, attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BoltTransaction> BeginAsync(AccessMode mode, TransactionConfig? config, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var (pool, connection) = await _driver.AcquireAsync(mode, cancellationToken).ConfigureAwait(false);
        // BEGIN is only queued: it goes out with the first RUN (or the COMMIT), saving a round trip per
        // transaction, as Neo4j's drivers do. Its failure, if any, surfaces from that first request.
        connection.Enqueue(new BeginMessage(Extra(mode, config)));
        _tx = new BoltTransaction(_driver, connection, async (bookmark, failure) =>
        {
            if (bookmark is not null) SetBookmark(bookmark);
            if (failure is GraphException g) _driver.OnServerError(connection.Address, g);
            _tx = null;
            await pool.ReleaseAsync(connection).ConfigureAwait(false);
        });
        return _tx;
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_tx is not null)
            throw new InvalidOperationException("A transaction is open in this session; commit or roll it back first (sessions run one thing at a time).");
        if (_open is { } open) await open.BufferAsync(cancellationToken).ConfigureAwait(false);
    }

    private void SetBookmark(string bookmark)
    {
        LastBookmark = bookmark;
        _bookmarks = [bookmark];
    }

    private Dictionary<string, object?> Extra(AccessMode mode, TransactionConfig? config)
    {
        var extra = new Dictionary<string, object?>();
        if (_bookmarks.Count > 0) extra["bookmarks"] = _bookmarks.Cast<object?>().ToList();
        if (config?.Timeout is { } timeout) extra["tx_timeout"] = (long)Math.Max(1, timeout.TotalMilliseconds);
        if (config?.Metadata is { Count: > 0 } metadata) extra["tx_metadata"] = metadata;
        if (mode == AccessMode.Read) extra["mode"] = "r";
        if (_options.Database is { } db) extra["db"] = db;
        return extra;
    }

    /// <summary>Discards an open result and rolls back an open transaction, returning connections to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_tx is { } tx) await tx.DisposeAsync().ConfigureAwait(false);
        if (_open is { IsDone: false } open)
        {
            try
            {
                await open.ConsumeAsync().ConfigureAwait(false);
            }
            catch (GraphException)
            {
                // the result failed; its connection was already handed back
            }
        }
    }
}
