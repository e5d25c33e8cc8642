using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Values;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>
/// The single open write transaction of a store. It owns a fork of the latest committed version (so it reads its
/// own writes) and, for a durable store, the encoded log record of its operations. Every operation validates its
/// arguments before touching anything, so a failed call leaves the transaction as it was.
/// </summary>
internal sealed partial class WriteTransaction : GraphReaderBase, IGraphWriter, IDisposable
{
    private readonly WalRecordBuilder? _log;
    private readonly GraphVersion? _base;
    private readonly Changes.ChangeSet? _touched;
    private State _state = State.Open;

    /// <remarks><c>baseVersion</c> is the committed version <c>version</c> was forked from: the "before" of the
    /// change capture.</remarks>
    public WriteTransaction(GraphStore store, GraphVersion? baseVersion, GraphVersion version, bool logged, bool captureChanges)
        : base(store, version)
    {
        _log = logged ? new WalRecordBuilder() : null;
        _base = baseVersion;
        _touched = captureChanges && baseVersion is not null ? new Changes.ChangeSet(version.NextNodeId, version.NextRelId) : null;
    }

    private enum State
    {
        Open,
        Committing,
        Committed,
        RolledBack,
        Disposed,
    }

    public bool IsOpen => _state == State.Open;

    protected override void ThrowIfUnusable()
    {
        switch (_state)
        {
            case State.Open:
                return;
            case State.Disposed:
                throw new ObjectDisposedException(nameof(IGraphWriter));
            case State.Committing:
                throw new InvalidOperationException("The transaction is committing.");
            case State.Committed:
                throw new InvalidOperationException("The transaction has been committed.");
            default:
                throw new InvalidOperationException("The transaction has been rolled back.");
        }
    }

    public async ValueTask<long> CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        cancellationToken.ThrowIfCancellationRequested();
        var version = VersionUnchecked;
        try
        {
            ValidateDeletedNodes(version);
            ValidateUniqueness(version);
        }
        catch
        {
            Rollback();
            throw;
        }

        _state = State.Committing;
        try
        {
            var txId = await Store.CommitAsync(_base, version, _log?.Payload, _touched).ConfigureAwait(false);
            _state = State.Committed;
            return txId;
        }
        catch
        {
            _state = State.RolledBack;
            throw;
        }
    }

    public void Rollback()
    {
        if (_state is State.Committed or State.RolledBack or State.Disposed) return;
        if (_state == State.Committing) throw new InvalidOperationException("The transaction is committing.");
        _state = State.RolledBack;
        Store.ReleaseWriter();
    }

    public void Dispose()
    {
        if (_state == State.Open) Rollback();
        if (_state != State.Committing) _state = State.Disposed;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void ValidateDeletedNodes(GraphVersion v)
    {
        foreach (var nodeId in v.DeletedNodes ?? [])
        {
            if (v.NodeExists(nodeId)) continue;
            var pending = v.PendingAdjacency?.GetValueOrDefault(nodeId);
            var remaining = pending?.TotalCount() ?? (v.Nodes.Get(nodeId).Adjacency is { } packed ? packed.Length - 1 - (int)packed[0] : 0);
            if (remaining > 0)
            {
                throw new GraphException(
                    ErrorCodes.ConstraintValidationFailed,
                    $"Cannot delete node<{nodeId}>, because it still has relationships. To delete this node, you must first delete its relationships.")
                {
                    Detail = "DeleteConnectedNode",
                };
            }
        }
    }

    private static void ValidateUniqueness(GraphVersion v)
    {
        foreach (var (index, value, nodeId) in v.UniqueChecks ?? [])
        {
            // The index may have been dropped, or the entry removed again, since the value was added.
            var current = v.Indexes.FirstOrDefault(i => i.Descriptor.Name == index.Descriptor.Name);
            if (current is null) continue;
            long? other = null;
            var mine = false;
            foreach (var id in current.SeekEquals(value))
            {
                if (id == nodeId) mine = true;
                else other ??= id;
            }

            if (mine && other is { } existing)
            {
                throw new GraphException(
                    ErrorCodes.ConstraintValidationFailed,
                    $"Node({existing}) already exists with label `{current.Descriptor.Label}` and property `{current.Descriptor.Property}` = {PropertyValues.Format(value)}");
            }
        }
    }
}
