using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Changes;

/// <summary>
/// The bounded in-memory window of the commit stream. Entries are appended in transaction-id order while the writer
/// slot is held (so the order is the commit order), then materialized outside the slot, before the commit is
/// published: the before/after diff costs the committing writer, not the next one. Readers see an entry only once it
/// is materialized and every earlier entry is too, so the stream never has a hole.
/// Invariant: every committed transaction with an id in (<c>_floor</c>, last published] that changed data is in
/// <c>_entries</c>; rolled-back transactions never reach it. With a <see cref="ChangeFile"/> (durable stores) every
/// materialized entry is written to it in commit order (<c>_persisted</c>: the last one written) before it is evicted.
/// </summary>
internal sealed class ChangeLog
{
    private readonly Lock _lock = new();
    private readonly Queue<Entry> _entries = new();
    private readonly int _maxTransactions;
    private readonly long _maxChanges;
    private long _floor;
    private long _retainedChanges;
    private long _persisted;
    private ChangeFile? _file;

    /// <summary>Appended entries not yet written to the change file, in commit order (so a commit looks at its own
    /// and earlier pending entries, never the whole window).</summary>
    private readonly Queue<Entry> _unwritten = new();

    public ChangeLog(int maxTransactions, long maxChanges)
    {
        _maxTransactions = maxTransactions;
        _maxChanges = maxChanges;
    }

    public bool Enabled => _maxTransactions > 0;

    /// <summary>Transactions per change file segment: a segment is deleted once the window moved past it, so the file
    /// holds at most the window and one segment more.</summary>
    public int RecordsPerSegment => Math.Clamp(_maxTransactions / 4, 16, 4096);

    /// <summary>
    /// Starts from what a change file held (recovery): <paramref name="transactions"/> after <paramref name="floor"/>,
    /// in commit order, then follows <paramref name="file"/> for every later commit. The retention limits apply again.
    /// </summary>
    public void Restore(ChangeFile file, long floor, IEnumerable<CommittedChanges> transactions)
    {
        lock (_lock)
        {
            _file = file;
            _entries.Clear();
            _retainedChanges = 0;
            _floor = floor;
            _persisted = floor;
            foreach (var tx in transactions)
            {
                _entries.Enqueue(new Entry(tx));
                _retainedChanges += tx.Changes.Count;
                _persisted = tx.TxId;
            }
            Evict();
        }
    }

    /// <summary>Waits until every transaction up to <paramref name="txId"/> is written to the change file, marks the file
    /// as covering it, and makes it durable: called before a checkpoint drops the log those transactions are in.</summary>
    public async Task SyncThroughAsync(long txId)
    {
        if (_file is null) return;
        while (true)
        {
            lock (_lock)
            {
                if (!_unwritten.TryPeek(out var pending) || pending.TxId > txId)
                {
                    if (_persisted < txId) _file.Mark(ChangeCodec.RecordKind.CoveredThrough, txId);
                    _persisted = Math.Max(_persisted, txId);
                    _file.Sync();
                    return;
                }
            }
            // A commit before the checkpoint's version is still computing its diff (microseconds to milliseconds).
            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the change file (durably: the next open has nothing to recompute).</summary>
    public void Close()
    {
        lock (_lock)
        {
            _file?.Sync();
            _file?.Dispose();
            _file = null;
            _unwritten.Clear();
        }
    }

    /// <summary>Forgets everything: ids up to <paramref name="txId"/> are no longer queryable (opening a store,
    /// a bulk load: the changes before it were never captured).</summary>
    public void Reset(long txId)
    {
        lock (_lock)
        {
            _entries.Clear();
            _unwritten.Clear();
            _retainedChanges = 0;
            _floor = txId;
            _persisted = txId;
            _file?.Reset(txId);
        }
    }

    /// <summary>Called with the writer slot held, in commit order.</summary>
    public Entry Append(long txId, GraphVersion before, GraphVersion after, ChangeSet touched)
    {
        var entry = new Entry(txId, before, after, touched);
        lock (_lock)
        {
            _entries.Enqueue(entry);
            if (_file is not null) _unwritten.Enqueue(entry);
        }
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
            var unwritten = _unwritten.Where(e => e.TxId <= txId).ToList();
            _unwritten.Clear();
            foreach (var e in unwritten) _unwritten.Enqueue(e);
            if (_file is not null && _persisted > txId)
            {
                // Written to the change file already: revoked there too (durably, before new transactions reuse the ids).
                _file.Mark(ChangeCodec.RecordKind.RevokeAfter, txId);
                _file.Sync();
            }
            _persisted = Math.Min(_persisted, txId);
        }
    }

    public void Materialized(Entry entry)
    {
        lock (_lock)
        {
            _retainedChanges += entry.Changes?.Changes.Count ?? 0;
            if (_file is not null)
            {
                // In commit order: the materialized entries after the last one written, up to the first that is not.
                var written = false;
                while (_unwritten.TryPeek(out var e) && e.Changes is { } changes)
                {
                    _unwritten.Dequeue();
                    _file.Append(changes);
                    _persisted = e.TxId;
                    written = true;
                }
                if (!written) return;
            }
            Evict();
        }
    }

    /// <summary>Evicts from the head (under the lock): only materialized (and written) entries count, and the floor
    /// moves to the evicted id.</summary>
    private void Evict()
    {
        while (_entries.Count > 0 && _entries.Peek().Changes is { } head && head.TxId <= (_file is null ? long.MaxValue : _persisted)
            && (_entries.Count > _maxTransactions || (_retainedChanges > _maxChanges && _entries.Count > 1)))
        {
            _entries.Dequeue();
            _retainedChanges -= head.Changes.Count;
            _floor = head.TxId;
        }
        _file?.DropBefore(_floor);
    }

    /// <summary>The retained transactions after <paramref name="afterTxId"/> (at most <paramref name="max"/>, whole
    /// transactions), up to <paramref name="published"/>; null when <paramref name="afterTxId"/> is before the window.</summary>
    public ChangeWindow? Read(long afterTxId, long published, int max)
    {
        ChangeWindow window;
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
            window = new ChangeWindow(_floor, published, result);
        }
        // Large transactions are kept encoded: decoded for this reader, outside the lock (committers append meanwhile).
        var transactions = (List<CommittedChanges>)window.Transactions;
        for (var i = 0; i < transactions.Count; i++)
        {
            if (transactions[i].Changes is EncodedChanges encoded) transactions[i] = transactions[i] with { Changes = encoded.Decode() };
        }
        return window;
    }

    /// <summary>The lowest id a reader may start after.</summary>
    public long Floor
    {
        get { lock (_lock) return _floor; }
    }

    internal sealed class Entry
    {
        private GraphVersion? _before;
        private GraphVersion? _after;
        private ChangeSet? _touched;

        public Entry(long txId, GraphVersion before, GraphVersion after, ChangeSet touched)
        {
            TxId = txId;
            _before = before;
            _after = after;
            _touched = touched;
        }

        /// <summary>An entry read back from the change file.</summary>
        public Entry(CommittedChanges changes)
        {
            TxId = changes.TxId;
            Changes = changes;
        }

        public long TxId { get; }

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
