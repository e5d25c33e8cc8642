using System.Diagnostics;

namespace KnowledgeGraph.Benchmarks.GraphQL;

public sealed partial class GraphQLBenchCommand
{
    /// <summary>One cell; <paramref name="CpuMs"/> is the process's CPU time per request (server and client together,
    /// the client's part the same for every query), which depends far less on other load than requests/s.</summary>
    internal sealed record Cell(double Rps, double P50, double P99, int Errors, double CpuMs)
    {
        /// <summary>Bytes allocated per request in the whole process (server and client).</summary>
        public double AllocatedKb { get; init; }

        /// <summary>Garbage collections during the cell (all generations, and gen1 + gen2).</summary>
        public (int All, int Older) Collections { get; init; }

        /// <summary>Methods the JIT compiled during the cell (tiering up included) and the time it spent, in ms.</summary>
        public (long Methods, double Ms) Jit { get; init; }

        /// <summary>Thread-pool work items completed per request (server and client; in-process only).</summary>
        public double WorkItems { get; init; }
    }

    /// <summary>The raw sums of one stretch of load; a cell is one or more of them added up.</summary>
    private sealed class Slice
    {
        public readonly List<double> Latencies = [];
        public double Seconds;
        public double CpuMs;
        public double AllocatedBytes;
        public int Errors;
        public int Gen0;
        public int Gen1;
        public long JitMethods;
        public double JitMs;
        public long WorkItems;

        public Cell ToCell()
        {
            var all = Latencies.Order().ToArray();
            double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
            var n = all.Length;
            return new Cell(n / Seconds, Percentile(0.50), Percentile(0.99), Errors, n == 0 ? double.NaN : CpuMs / n)
            {
                AllocatedKb = n == 0 ? double.NaN : AllocatedBytes / 1024.0 / n,
                Collections = (Gen0, Gen1),
                Jit = (JitMethods, JitMs),
                WorkItems = n == 0 ? double.NaN : (double)WorkItems / n,
            };
        }
    }

    internal static async Task<Cell> MeasureAsync(HttpClient client, string body, int connections, TimeSpan duration, CancellationToken ct)
    {
        var sums = new Slice();
        await LoadAsync(client, body, connections, duration, sums, ct);
        return sums.ToCell();
    }

    /// <summary>
    /// The floor and a query at one connection count, in alternating slices of <paramref name="slice"/> until each has
    /// had <paramref name="duration"/> of load (the order flips every round: floor, query, query, floor, …). The
    /// machine's speed drifts by a fifth or more within minutes here; measured in separate cells seconds apart, that
    /// drift fell on one side of the ratio only, while alternating slices share it between both.
    /// </summary>
    private static async Task<(Cell Floor, Cell Query)> MeasurePairedAsync(HttpClient client, string floorBody, string body, int connections,
        TimeSpan duration, TimeSpan slice, CancellationToken ct)
    {
        var floor = new Slice();
        var query = new Slice();
        for (var round = 0; floor.Seconds < duration.TotalSeconds || query.Seconds < duration.TotalSeconds; round++)
        {
            var (first, second, firstBody, secondBody) = round % 2 == 0 ? (floor, query, floorBody, body) : (query, floor, body, floorBody);
            await LoadAsync(client, firstBody, connections, slice, first, ct);
            await LoadAsync(client, secondBody, connections, slice, second, ct);
        }
        return (floor.ToCell(), query.ToCell());
    }

    /// <summary>Runs <paramref name="connections"/> request loops for <paramref name="duration"/> and adds what they did to <paramref name="sums"/>.</summary>
    private static async Task LoadAsync(HttpClient client, string body, int connections, TimeSpan duration, Slice sums, CancellationToken ct)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var cpu = ServerCpu();
        var allocated = ServerAllocatedAsync is null ? GC.GetTotalAllocatedBytes() : await ServerAllocatedAsync();
        var (gen0, gen1) = (GC.CollectionCount(0), GC.CollectionCount(1));
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var items = ThreadPool.CompletedWorkItemCount;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, body, ct);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        sums.Seconds += clock.Elapsed.TotalSeconds;
        sums.CpuMs += (ServerCpu() - cpu).TotalMilliseconds;
        sums.AllocatedBytes += (ServerAllocatedAsync is null ? GC.GetTotalAllocatedBytes() : await ServerAllocatedAsync()) - allocated;
        sums.Errors += errors;
        sums.Gen0 += GC.CollectionCount(0) - gen0;
        sums.Gen1 += GC.CollectionCount(1) - gen1;
        sums.JitMethods += System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        sums.JitMs += (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds;
        sums.WorkItems += ThreadPool.CompletedWorkItemCount - items;
        foreach (var l in latencies) sums.Latencies.AddRange(l);
    }
}
