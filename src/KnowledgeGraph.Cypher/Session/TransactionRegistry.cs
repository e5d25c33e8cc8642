using System.Collections.Concurrent;

namespace KnowledgeGraph.Cypher.Session;

/// <summary>The transactions of one database that have begun and not yet ended.</summary>
internal sealed class TransactionRegistry
{
    private readonly ConcurrentDictionary<long, TxState> _running = new();
    private long _next;

    public long Register(TxState tx)
    {
        var id = Interlocked.Increment(ref _next);
        _running[id] = tx;
        return id;
    }

    public void Remove(long id) => _running.TryRemove(id, out _);

    public IEnumerable<TxState> Running => _running.Values.OrderBy(t => t.Id);

    public TxState? Find(string transactionId) =>
        transactionId.StartsWith(TransactionIds.Prefix, StringComparison.Ordinal)
        && long.TryParse(transactionId.AsSpan(TransactionIds.Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && _running.TryGetValue(id, out var tx)
            ? tx
            : null;
}
