using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>The runtime's allocation samples (one GCAllocationTick per ~100 KB allocated) tallied by type name: which
/// types a statement's bytes go to, without a profiler (<c>stmt --alloc</c>).</summary>
internal sealed class AllocationTypes : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // GC keyword (0x1) at verbose level carries the allocation ticks.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null) return;
        var i = eventData.PayloadNames!.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (i < 0) return;
        var bytes = amount >= 0 ? Convert.ToInt64(eventData.Payload[amount], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate((string)eventData.Payload[i]!, bytes, (_, b) => b + bytes);
    }

    public void Print(int top)
    {
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(e => e.Value).Take(top))
            Console.WriteLine($"  {100.0 * bytes / total,5:F1} %  {type}");
    }
}
