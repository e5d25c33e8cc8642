using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Storage.Diagnostics;

/// <summary>
/// The store's traces and metrics through System.Diagnostics only: commit spans and times, fsync times and the
/// write-ahead log's size. Nothing is recorded unless a listener (the host's OpenTelemetry, a test) subscribes.
/// </summary>
public static class StorageTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "KnowledgeGraph.Storage";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    // Seconds, from a millisecond to half a minute (the SDK's default buckets assume milliseconds).
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        "kg.storage.commits", "{commit}", "Write transactions committed (durably, on a durable store).");
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "kg.storage.commit.duration", "s", "Time to commit a write transaction, including waiting for its fsync.", advice: Seconds);
    private static readonly Histogram<double> FsyncDuration = Meter.CreateHistogram<double>(
        "kg.storage.fsync.duration", "s", "Time of one fsync of the write-ahead log.", advice: Seconds);

    // Open stores, weakly: a disposed or collected store drops out of the WAL-size gauge.
    private static readonly ConditionalWeakTable<GraphStore, Func<long>> Logs = new();

    static StorageTelemetry()
    {
        Meter.CreateObservableGauge("kg.storage.wal.size", ObserveWal, "By",
            "Bytes of write-ahead log written since the last checkpoint (what recovery would replay).");
    }

    /// <summary>Registers a store's log for the WAL-size gauge.</summary>
    internal static void TrackLog(GraphStore store, Func<long> bytesSinceCheckpoint) => Logs.AddOrUpdate(store, bytesSinceCheckpoint);

    private static IEnumerable<Measurement<long>> ObserveWal()
    {
        foreach (var (store, bytes) in Logs)
            yield return new Measurement<long>(bytes(), new KeyValuePair<string, object?>("db.namespace", store.Directory));
    }

    /// <summary>Times a commit and spans it; dispose when the commit returns or fails.</summary>
    internal static CommitScope Commit() => new(Source.StartActivity("storage.commit"), Stopwatch.GetTimestamp());

    /// <summary>fsyncs a log file, timing it.</summary>
    internal static void Fsync(FileStream file)
    {
        var start = Stopwatch.GetTimestamp();
        file.Flush(flushToDisk: true);
        FsyncDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    internal readonly struct CommitScope(Activity? activity, long start) : IDisposable
    {
        public void Dispose()
        {
            CommitDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
            Commits.Add(1);
            activity?.Dispose();
        }
    }
}
