using KnowledgeGraph.Storage.Changes;

namespace KnowledgeGraph.Storage;

/// <summary>The commit stream: the changes of every committed transaction, in commit order, within a bounded window.</summary>
public sealed partial class GraphStore
{
    private readonly ChangeLog _changes;

    /// <summary>True when committed changes are captured (<see cref="GraphStoreOptions.ChangeRetentionTransactions"/> &gt; 0).</summary>
    public bool CapturesChanges => _changes.Enabled;

    /// <summary>The oldest transaction id a reader may resume after: changes of later transactions are all retained.</summary>
    public long ChangesFloor => _changes.Floor;

    /// <summary>
    /// The committed transactions after <paramref name="afterTxId"/> that changed data, in commit order, whole
    /// transactions only (at most <paramref name="maxTransactions"/>); null when <paramref name="afterTxId"/> is older
    /// than the retained window or newer than the last committed transaction. Transactions that rolled back never
    /// appear; a transaction appears once it is visible to new readers.
    /// </summary>
    public ChangeWindow? ReadChanges(long afterTxId, int maxTransactions = int.MaxValue)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTransactions);
        return _changes.Read(afterTxId, LastCommittedTransactionId, maxTransactions);
    }
}
