using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>Bulk loading: one big transaction made durable by a checkpoint instead of the log.</summary>
public sealed partial class GraphStore
{
    /// <summary>Starts a bulk load (waits for the writer slot, which it holds until completed or disposed).</summary>
    public async ValueTask<GraphBulkLoader> BeginBulkLoadAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writerSlot.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfFailed();
            return new GraphBulkLoader(this, _latest.Fork(NextGeneration()));
        }
        catch
        {
            _writerSlot.Release();
            throw;
        }
    }

    /// <summary>
    /// Publishes a bulk-loaded version. Durable stores rotate the log (so older segments hold only earlier
    /// transactions), write a checkpoint of the new version and only then publish it; a crash before the checkpoint
    /// is renamed into place leaves the store as it was before the load. Called holding the writer slot; releases it.
    /// </summary>
    internal async ValueTask<long> CompleteBulkLoadAsync(GraphVersion version, CancellationToken ct)
    {
        var checkpointHeld = false;
        try
        {
            ThrowIfFailed();
            version.Freeze();
            var txId = _latest.TxId + 1;
            version.TxId = txId;
            if (_wal is not null)
            {
                // A concurrent background checkpoint must not overwrite this image with an older one.
                await _checkpointGate.WaitAsync(ct).ConfigureAwait(false);
                checkpointHeld = true;
                var covered = _wal.BytesSinceCheckpoint;
                await _wal.RotateAsync(txId + 1).ConfigureAwait(false);
                await WriteCheckpointAsync(version, ct).ConfigureAwait(false);
                _wal.ResetBytesSinceCheckpoint(covered);

                // The bulk transaction has no log record; its durable checkpoint acknowledges it. The mark follows,
                // so it keeps naming the last acknowledged transaction (resuming writes after a fault relies on it).
                _mark?.Advance(new HighWaterMark.Mark(txId, txId + 1, 0));
            }

            _latest = version;
            // A bulk load is not captured entity by entity: change ids from before it are no longer valid, as after
            // an offline import into Neo4j.
            _changes.Reset(txId);
            Publish(version);
            return txId;
        }
        finally
        {
            if (checkpointHeld) _checkpointGate.Release();
            _writerSlot.Release();
        }
    }
}
