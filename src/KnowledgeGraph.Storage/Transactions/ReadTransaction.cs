using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>A read-only snapshot; holds no lock, so it never blocks the writer.</summary>
internal sealed class ReadTransaction(GraphStore store, GraphVersion version) : GraphReaderBase(store, version), IGraphReadTransaction, IAdjacencyStamps
{
    private volatile bool _disposed;

    protected override void ThrowIfUnusable() => ObjectDisposedException.ThrowIf(_disposed, this);

    public void Dispose() => _disposed = true;

    /// <inheritdoc />
    public object? CommittedStore => Store;
}
