namespace KnowledgeGraph.GraphQL.Subscriptions;

/// <summary>Counts active subscriptions across the server (WebSocket and SSE), bounded by
/// <see cref="SubscriptionOptions.MaxPerServer"/>.</summary>
public sealed class SubscriptionLimiter
{
    private int _active;

    /// <summary>Active subscriptions now.</summary>
    public int Active => Volatile.Read(ref _active);

    internal bool TryAcquire(int max)
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (current >= max) return false;
            if (Interlocked.CompareExchange(ref _active, current + 1, current) == current) return true;
        }
    }

    internal void Release() => Interlocked.Decrement(ref _active);
}
