using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// The bounded in-memory window of the commit stream. Entries are appended in transaction-id order while the writer
/// slot is held (so the order is the commit order), then materialized outside the slot, before the commit is
/// published: the before/after diff costs the committing writer, not the next one. Readers see an entry only once it
/// is materialized and every earlier entry is too, so the stream never has a hole.
/// Invariant: every committed transaction with an id in (<c>_floor</c>, last published] that changed data is in
/// <c>_entries</c>; rolled-back transactions never reach it.
/// </summary>
internal sealed class ChangeLog
{
    private readonly Lock _lock = new();
    private readonly Queue<Entry> _entries = new();
    private readonly int _maxTransactions;
    private readonly long _maxChanges;
    private long _floor;
    private long _retainedChanges;

    public ChangeLog(int maxTransactions, long maxChanges)
    {
        _maxTransactions = maxTransactions;
        _maxChanges = maxChanges;
    }

    public bool Enabled => _maxTransactions > 0;

    /// <summary>Forgets everything: ids up to <paramref name="txId"/> are no longer queryable (opening a store,
    /// a bulk load: the changes before it were never captured).</summary>
    public void Reset(long txId)
    {
        lock (_lock)
        {
            _entries.Clear();
            _retainedChanges = 0;
            _floor = txId;
        }
    }

    /// <summary>Called with the writer slot held, in commit order.</summary>
    public Entry Append(long txId, GraphVersion before, GraphVersion after, ChangeSet touched)
    {
        var entry = new Entry(txId, before, after, touched);
        lock (_lock) _entries.Enqueue(entry);
        return entry;
    }

    /// <summary>Drops entries of transactions that were never acknowledged (the log failed under them).</summary>
    public void TruncateAfter(long txId)
    {
        lock (_lock)
        {
            var kept = _entries.Where(e => e.TxId <= txId).ToList();
            _entries.Clear();
            foreach (var e in kept) _entries.Enqueue(e);
        }
    }

    public void Materialized(Entry entry)
    {
        lock (_lock)
        {
            _retainedChanges += entry.Changes?.Changes.Count ?? 0;
            // Evict from the head: only materialized entries count, and the floor moves to the evicted id.
            while (_entries.Count > 0 && _entries.Peek().Changes is { } head
                && (_entries.Count > _maxTransactions || (_retainedChanges > _maxChanges && _entries.Count > 1)))
            {
                _entries.Dequeue();
                _retainedChanges -= head.Changes.Count;
                _floor = head.TxId;
            }
        }
    }

    /// <summary>The retained transactions after <paramref name="afterTxId"/> (at most <paramref name="max"/>, whole
    /// transactions), up to <paramref name="published"/>; null when <paramref name="afterTxId"/> is before the window.</summary>
    public ChangeWindow? Read(long afterTxId, long published, int max)
    {
        lock (_lock)
        {
            if (afterTxId < _floor || afterTxId > published) return null;
            var result = new List<CommittedChanges>();
            foreach (var e in _entries)
            {
                if (e.TxId <= afterTxId) continue;
                if (e.TxId > published || e.Changes is null || result.Count >= max) break;
                if (e.Changes.Changes.Count > 0) result.Add(e.Changes);
            }
            return new ChangeWindow(_floor, published, result);
        }
    }

    /// <summary>The lowest id a reader may start after.</summary>
    public long Floor
    {
        get { lock (_lock) return _floor; }
    }

    internal sealed class Entry(long txId, GraphVersion before, GraphVersion after, ChangeSet touched)
    {
        private GraphVersion? _before = before;
        private GraphVersion? _after = after;
        private ChangeSet? _touched = touched;

        public long TxId { get; } = txId;

        /// <summary>Set once, before the transaction is published; read under the log's lock.</summary>
        public volatile CommittedChanges? Changes;

        public void Materialize(GraphStore store)
        {
            if (_before is null || _after is null || _touched is null) return;
            Changes = ChangeDiff.Compute(store, TxId, _before, _after, _touched);
            // The versions pin memory; the diff no longer needs them.
            _before = null;
            _after = null;
            _touched = null;
        }
    }
}

/// <summary>The ids a write transaction touched, and when it started.</summary>
internal sealed class ChangeSet
{
    public HashSet<long> Nodes { get; } = [];
    public HashSet<long> Relationships { get; } = [];
    public DateTimeOffset StartTime { get; } = DateTimeOffset.UtcNow;
    public bool IsEmpty => Nodes.Count == 0 && Relationships.Count == 0;
}
