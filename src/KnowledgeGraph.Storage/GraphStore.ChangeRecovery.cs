using KnowledgeGraph.Storage.Changes;
using KnowledgeGraph.Storage.Mvcc;
using KnowledgeGraph.Storage.Wal;

namespace KnowledgeGraph.Storage;

/// <summary>
/// The change window across restarts: on open, the window is read back from the change file
/// (<see cref="ChangeFile"/>), and the transactions the log holds beyond what the file covers (cut off by a crash
/// between a commit and its change record) are recomputed while the log is replayed, each diffed between its before and
/// after version, so the window has every acknowledged transaction exactly once. The file covers at least the
/// checkpoint (it is synced before a checkpoint drops the log), so those transactions are always in the log. When it
/// does not (no change file yet, capture was off, a copied store), the window starts empty at the last transaction.
/// </summary>
public sealed partial class GraphStore
{
    private sealed class ChangeRecovery(ChangeFile file, ChangeFile.Content? content, bool usable)
    {
        public ChangeFile File { get; } = file;
        public ChangeFile.Content? Content { get; } = content;
        public bool Usable { get; } = usable;
        public List<CommittedChanges> Recomputed { get; } = [];
        public long CoveredThrough => Content?.CoveredThrough ?? long.MaxValue;
    }

    private ChangeRecovery? OpenChanges(string directory, long checkpointTxId)
    {
        if (!_changes.Enabled)
        {
            ChangeFile.DeleteAll(directory);
            return null;
        }
        var (file, content) = ChangeFile.Open(directory, _changes.RecordsPerSegment);
        return new ChangeRecovery(file, content, content is not null && content.CoveredThrough >= checkpointTxId);
    }

    /// <summary>Replays one log record; one the change file lacks is applied to a fork of its own and diffed.</summary>
    private GraphVersion Replay(ChangeRecovery? changes, GraphVersion working, long txId, ReadOnlyMemory<byte> payload)
    {
        if (changes is not { Usable: true } || txId <= changes.CoveredThrough)
        {
            WalReplayer.Apply(working, payload);
            return working;
        }
        working.TxId = txId - 1;
        working.Freeze();
        var after = working.Fork(NextGeneration());
        var touched = new ChangeSet(after.NextNodeId, after.NextRelId);
        WalReplayer.Apply(after, payload, touched);
        after.TxId = txId;
        after.Freeze();
        if (!touched.IsEmpty)
        {
            var diff = ChangeDiff.Compute(this, txId, working, after, touched);
            if (diff.Changes.Count > 0) changes.Recomputed.Add(diff);
        }
        return after.Fork(NextGeneration());
    }

    /// <summary>Sets the window up once the store opened at <paramref name="lastTxId"/>.</summary>
    private void FinishChanges(ChangeRecovery? changes, long lastTxId)
    {
        if (changes is null)
        {
            _changes.Reset(lastTxId);
            return;
        }
        var file = changes.File;
        if (!changes.Usable || changes.Content!.Floor > lastTxId)
        {
            file.Reset(lastTxId);
            _changes.Restore(file, lastTxId, []);
            return;
        }
        var content = changes.Content;
        // The file may name transactions the log lost (opened with AcceptDataLoss): they are revoked.
        if (content.CoveredThrough > lastTxId) file.Mark(ChangeCodec.RecordKind.RevokeAfter, lastTxId);
        foreach (var tx in changes.Recomputed) file.Append(tx);
        file.Sync();
        _changes.Restore(file, content.Floor, content.Transactions.Where(t => t.TxId <= lastTxId).Concat(changes.Recomputed));
    }
}
