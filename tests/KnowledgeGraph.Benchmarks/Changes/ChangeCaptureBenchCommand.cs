using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Benchmarks.Changes;

/// <summary>
/// <c>change-capture [--seconds 2] [--rounds 5] [--writers 1,8]</c>: the commit-path cost of the change window.
/// Two durable stores (fsync on, one with capture on at the default retention, one with
/// <c>ChangeRetentionTransactions = 0</c>) take small write transactions (a node with three properties and a
/// relationship to the writer's previous node) from N writers for a few seconds each, alternating which goes first,
/// in one process; each pair gives a throughput ratio (capture on / off), and the median of the pairs is printed with
/// the load average of the machine.
/// </summary>
public sealed class ChangeCaptureBenchCommand : IBenchCommand
{
    public string Name => "change-capture";

    public string Description => "commit throughput with change capture on vs off (durable, interleaved pairs)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = double.Parse(CommandOptions.Option(args, "--seconds") ?? "2", CultureInfo.InvariantCulture);
        var rounds = CommandOptions.IntOption(args, "--rounds", 5);
        var writerCounts = (CommandOptions.Option(args, "--writers") ?? "1,8").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "kg-bench-change-capture-" + Guid.NewGuid().ToString("N"));
        Console.WriteLine($"change-capture: {seconds.ToString(CultureInfo.InvariantCulture)} s per run, {rounds} pairs per writer count, load average before: {LoadAverage()}");
        try
        {
            await using var on = GraphStore.Open(Path.Combine(root, "on"));
            await using var off = GraphStore.Open(Path.Combine(root, "off"), new GraphStoreOptions { ChangeRetentionTransactions = 0 });
            foreach (var writers in writerCounts)
            {
                // Warm-up (JIT, file creation), not counted.
                await RunAsync(on, writers, TimeSpan.FromSeconds(0.5), cancellationToken);
                await RunAsync(off, writers, TimeSpan.FromSeconds(0.5), cancellationToken);
                var ratios = new List<double>();
                var onRates = new List<double>();
                var offRates = new List<double>();
                for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
                {
                    double onRate, offRate;
                    if (round % 2 == 0)
                    {
                        onRate = await RunAsync(on, writers, TimeSpan.FromSeconds(seconds), cancellationToken);
                        offRate = await RunAsync(off, writers, TimeSpan.FromSeconds(seconds), cancellationToken);
                    }
                    else
                    {
                        offRate = await RunAsync(off, writers, TimeSpan.FromSeconds(seconds), cancellationToken);
                        onRate = await RunAsync(on, writers, TimeSpan.FromSeconds(seconds), cancellationToken);
                    }
                    onRates.Add(onRate);
                    offRates.Add(offRate);
                    ratios.Add(onRate / offRate);
                    Console.WriteLine($"  writers {writers} pair {round + 1}: on {onRate,8:0} tx/s, off {offRate,8:0} tx/s, on/off {onRate / offRate:0.000}");
                }
                Console.WriteLine($"writers {writers}: median on {Median(onRates):0} tx/s, off {Median(offRates):0} tx/s, throughput on/off {Median(ratios):0.000} (median of {ratios.Count} pairs)");
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
        return 0;
    }

    private static async Task<double> RunAsync(GraphStore store, int writers, TimeSpan duration, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = new long[writers];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long previous = -1;
            while (stopwatch.Elapsed < duration && !ct.IsCancellationRequested)
            {
                await using var tx = await store.BeginWriteAsync(ct);
                var node = tx.CreateNode(["Event"], new Dictionary<string, object?>
                {
                    ["key"] = $"event:{w}-{counts[w]}",
                    ["name"] = "bench event",
                    ["confidence"] = "reported",
                });
                if (previous >= 0) tx.CreateRelationship(previous, node, "NEXT", new Dictionary<string, object?> { ["n"] = counts[w] });
                await tx.CommitAsync(ct);
                previous = node;
                counts[w]++;
            }
        }, ct)));
        return counts.Sum() / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
