using System.Globalization;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Transactions;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// The embedded property-graph store: snapshot-isolated readers, one writer at a time, durable commits (write-ahead
/// log, fsync, group commit) when opened on a directory. Readers pin an immutable version; the writer works on a
/// copy-on-write fork and publishes it atomically once its log record is on disk.
/// </summary>
public sealed partial class GraphStore : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _writerSlot = new(1, 1);
    private readonly Lock _publishLock = new();
    private readonly LabelSetTable _labelSets = new();
    private readonly GraphStoreOptions _options;
    private readonly string _elementIdNodePrefix;
    private readonly string _elementIdRelPrefix;
    private volatile GraphVersion _published;
    private volatile bool _disposed;

    /// <summary>Latest committed version (possibly not yet durable): the base of the next writer. Guarded by the writer slot.</summary>
    private GraphVersion _latest;
    private long _generation;
    private Exception? _failure;
    private int _commitsInFlight;

    private GraphStore(string databaseId, GraphStoreOptions? options)
    {
        DatabaseId = databaseId;
        _options = options ?? new GraphStoreOptions();
        _elementIdNodePrefix = $"4:{databaseId}:";
        _elementIdRelPrefix = $"5:{databaseId}:";
        _changes = new Changes.ChangeLog(_options.ChangeRetentionTransactions, _options.ChangeRetentionMaxChanges);
        _latest = GraphVersion.CreateEmpty(_labelSets, NextGeneration());
        _latest.Freeze();
        _published = _latest;
    }

    /// <summary>The database id used in element ids; stable across restarts of a durable store.</summary>
    public string DatabaseId { get; }

    /// <summary>Id of the last committed transaction visible to new readers.</summary>
    public long LastCommittedTransactionId => _published.TxId;

    /// <summary>The data directory, or null for an in-memory store.</summary>
    public string? Directory { get; private set; }

    /// <summary>Creates a store that lives only in memory (for tests): transactional, not durable.</summary>
    public static GraphStore CreateInMemory(GraphStoreOptions? options = null) =>
        new(Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture), options);

    /// <summary>Starts a read transaction on the latest committed snapshot. Never blocks.</summary>
    public IGraphReadTransaction BeginRead()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ReadTransaction(this, _published);
    }

    /// <summary>Starts the write transaction, waiting while another one is open.</summary>
    public async ValueTask<IGraphWriter> BeginWriteAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writerSlot.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfFailed();
            return new WriteTransaction(this, _latest, _latest.Fork(NextGeneration()), logged: true, captureChanges: _changes.Enabled);
        }
        catch
        {
            _writerSlot.Release();
            throw;
        }
    }

    internal bool TryParseElementId(string elementId, out bool isNode, out long id)
    {
        isNode = false;
        id = -1;
        if (string.IsNullOrEmpty(elementId)) return false;
        ReadOnlySpan<char> rest;
        if (elementId.StartsWith(_elementIdNodePrefix, StringComparison.Ordinal))
        {
            isNode = true;
            rest = elementId.AsSpan(_elementIdNodePrefix.Length);
        }
        else if (elementId.StartsWith(_elementIdRelPrefix, StringComparison.Ordinal))
        {
            rest = elementId.AsSpan(_elementIdRelPrefix.Length);
        }
        else
        {
            return false;
        }

        return long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>
    /// Commits a writer's fork: assigns the next transaction id, appends the log record (durable stores), makes the
    /// version the base of the next writer, frees the writer slot, waits for the fsync covering the record and
    /// finally publishes the version to readers. The writer slot is released in every case.
    /// </summary>
    /// <remarks>With <paramref name="touched"/>, the transaction's changes (diffed against
    /// <paramref name="baseVersion"/>) join the commit stream before the version is published.</remarks>
    internal async ValueTask<long> CommitAsync(GraphVersion? baseVersion, GraphVersion version, ByteWriter? payload, Changes.ChangeSet? touched, CancellationToken ct)
    {
        Changes.ChangeLog.Entry? change = null;
        using var telemetry = Diagnostics.StorageTelemetry.Commit();
        Task? durable = null;
        long txId;
        try
        {
            ThrowIfFailed();
            if (payload is { Length: 0 })
            {
                return _latest.TxId;
            }

            version.Freeze();
            txId = _latest.TxId + 1;
            version.TxId = txId;
            if (_wal is not null && payload is not null)
            {
                try
                {
                    durable = AppendToLog(txId, payload);
                }
                catch (GraphException e)
                {
                    throw OnWriteFailure(e);
                }

                // Counted before the slot is released, so resuming writes can wait until no commit is in flight.
                Interlocked.Increment(ref _commitsInFlight);
            }

            _latest = version;
            if (touched is { IsEmpty: false } && baseVersion is not null) change = _changes.Append(txId, baseVersion, version, touched);
        }
        finally
        {
            _writerSlot.Release();
        }

        if (change is not null)
        {
            change.Materialize(this);
            _changes.Materialized(change);
        }

        if (durable is not null)
        {
            try
            {
                await durable.ConfigureAwait(false);
                Publish(version);
            }
            catch (GraphException e)
            {
                // The log is broken: later writers built on this version, so nothing after it may commit either.
                // Readers keep the last durable version.
                throw OnWriteFailure(e);
            }
            finally
            {
                Interlocked.Decrement(ref _commitsInFlight);
            }
        }
        else
        {
            Publish(version);
        }

        MaybeStartCheckpoint();
        return txId;
    }

    internal void ReleaseWriter() => _writerSlot.Release();

    private void Publish(GraphVersion version)
    {
        lock (_publishLock)
        {
            if (version.TxId > _published.TxId) _published = version;
        }
    }

    private long NextGeneration() => Interlocked.Increment(ref _generation);


    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopWriteRetryAsync().ConfigureAwait(false);

        // Let an in-flight writer finish (bounded), so its commit is not cut in half.
        var acquired = await _writerSlot.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        try
        {
            await CloseDurabilityAsync().ConfigureAwait(false);
        }
        finally
        {
            if (acquired) _writerSlot.Release();
        }
    }
}
