using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace KnowledgeGraph.Benchmarks.GraphQL;

/// <summary>
/// Samples the runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed the
/// threshold) in this process, so a bench can say which types its allocations are made of without an external tracer.
/// The shares are statistical: a type allocated often is sampled in proportion to its bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Keyword 0x1 is GC; verbose level carries GCAllocationTick.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t && t >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a && a >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    /// <summary>The sampled types, largest share first.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = (double)_bytes.Values.Sum();
        return _bytes.OrderByDescending(kv => kv.Value).Take(count).Select(kv => (kv.Key, total == 0 ? 0 : kv.Value / total));
    }
}
