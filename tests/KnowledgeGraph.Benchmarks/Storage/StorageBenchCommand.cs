using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Synthetic;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Benchmarks.Storage;

/// <summary>
/// <c>storage [--nodes N] [--rels R] [--seconds S] [--seed X] [--dir PATH] [--keep] [--change-retention N]</c>: bulk load, durable write
/// throughput (1 and 8 writers), indexed lookups, 1- and 2-hop expansions, memory per node and per relationship,
/// recovery time. Prints a markdown table.
/// </summary>
public sealed class StorageBenchCommand : IBenchCommand
{
    public string Name => "storage";

    public string Description => "embedded store: load, durable commits/s, lookups, expansions, memory (--nodes, --rels, --seconds)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = StorageBenchOptions.Parse(args);
        var graph = new SyntheticGraph(new SyntheticGraphOptions(options.Nodes, options.Relationships, options.Seed));
        var report = new BenchReport();
        Console.WriteLine($"storage bench: {options.Nodes:N0} nodes, {options.Relationships:N0} relationships, {options.Seconds}s per throughput run, {Environment.ProcessorCount} cores, load average at start: {BenchMachine.LoadAverage()}");

        await MeasureStructuralMemoryAsync(graph, report, cancellationToken);

        var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), "kg-storage-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            long[] ids;
            var before = FullGcMemory();
            var cpu = CpuTime();
            var watch = Stopwatch.StartNew();
            // --change-retention 0 turns the commit stream (change data capture) off, to measure what it costs commits.
            var store = GraphStore.Open(directory, new GraphStoreOptions { ChangeRetentionTransactions = options.ChangeRetention });
            try
            {
                ids = await graph.LoadAsync(store, withProperties: true, cancellationToken);
                watch.Stop();
                var loaded = FullGcMemory();
                report.Add("Bulk load (durable, with properties, checkpoint written)", $"{watch.Elapsed.TotalSeconds:F1} s", $"{(options.Nodes + options.Relationships) / watch.Elapsed.TotalSeconds:N0} entities/s; {CpuTime() - cpu:F1} s CPU");
                report.Add("Managed memory per node + its rels, with properties", $"{(loaded - before) / (double)options.Nodes:F0} B/node", "whole graph incl. property values / node count");

                watch.Restart();
                await using (var w = await store.BeginWriteAsync(cancellationToken))
                {
                    w.CreateIndex("person_key", "Person", "key", ifNotExists: false);
                    await w.CommitAsync(cancellationToken);
                }

                report.Add("Create + backfill index :Person(key)", $"{watch.Elapsed.TotalSeconds:F2} s", $"{graph.People:N0} entries");

                MeasureReads(store, graph, ids, options, report);
                await MeasureWritesAsync(store, graph, options, report, cancellationToken);
            }
            finally
            {
                await store.DisposeAsync();
            }

            var openCpu = CpuTime();
            watch.Restart();
            await using (var reopened = GraphStore.Open(directory))
            {
                watch.Stop();
                using var r = reopened.BeginRead();
                report.Add("Open (checkpoint load + log replay)", $"{watch.Elapsed.TotalSeconds:F1} s", $"{r.NodeCount:N0} nodes, {r.RelationshipCount:N0} rels recovered; {CpuTime() - openCpu:F1} s CPU");
            }
        }
        finally
        {
            if (!options.Keep && options.Directory is null)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Leave it; it is in the temp folder.
                }
            }
        }

        report.Add("Machine load average at the end", BenchMachine.LoadAverage(), "other processes share the 2 cores; wall-clock figures shrink under load");
        report.Print();
        return 0;
    }

    /// <summary>Structure only (labels, relationships, adjacency, bitmaps, counts): no property values.</summary>
    private static async Task MeasureStructuralMemoryAsync(SyntheticGraph graph, BenchReport report, CancellationToken ct)
    {
        var baseline = FullGcMemory();
        var cpu = CpuTime();
        var watch = Stopwatch.StartNew();
        var store = GraphStore.CreateInMemory();
        long[] ids;
        await using (var bulk = await store.BeginBulkLoadAsync(ct))
        {
            ids = graph.AddNodes(bulk, withProperties: false);
            await bulk.CompleteAsync(ct);
        }

        var idsSize = ids.Length * 8L;
        watch.Stop();
        var afterNodes = FullGcMemory();
        watch.Start();
        await using (var bulk = await store.BeginBulkLoadAsync(ct))
        {
            graph.AddRelationships(bulk, ids, ct);
            await bulk.CompleteAsync(ct);
        }

        watch.Stop();
        var afterRels = FullGcMemory();
        report.Add("Bulk load, structure only (in memory, no properties)", $"{watch.Elapsed.TotalSeconds:F1} s", $"{(graph.NodeCount + graph.RelationshipCount) / watch.Elapsed.TotalSeconds:N0} entities/s; {CpuTime() - cpu:F1} s CPU incl. memory probes");
        report.Add("Managed memory per node (structure, no properties)", $"{(afterNodes - baseline - idsSize) / (double)graph.NodeCount:F1} B", "target <= 80 B");
        report.Add("Managed memory per relationship (structure, no properties)", $"{(afterRels - afterNodes) / (double)graph.RelationshipCount:F1} B", "target <= 100 B; includes both adjacency entries");
        GC.KeepAlive(ids);
        await store.DisposeAsync();
    }

    private static void MeasureReads(GraphStore store, SyntheticGraph graph, long[] ids, StorageBenchOptions options, BenchReport report)
    {
        var random = new Random(7);
        using var r = store.BeginRead();

        var lookups = Throughput(options.Seconds, () =>
        {
            var key = SyntheticGraph.Key("Person", random.NextInt64(graph.People));
            foreach (var _ in r.IndexSeek("Person", "key", key)) return 1;
            throw new InvalidOperationException("missing " + key);
        });
        report.Add("Indexed point lookups (1 thread)", $"{lookups.PerSecond:N0} /s", "IndexSeek(:Person(key) = 'person:N')");

        var oneHop = Throughput(options.Seconds, () =>
        {
            var node = ids[random.NextInt64(ids.Length)];
            var n = 0;
            foreach (var rel in r.GetRelationships(node, Direction.Both)) n += rel.OtherNode(node) >= 0 ? 1 : 0;
            return n;
        });
        report.Add("1-hop expansions (1 thread, random node, both directions)", $"{oneHop.PerSecond:N0} /s", $"{oneHop.ItemsPerSecond:N0} relationships/s");

        var typed = Throughput(options.Seconds, () =>
        {
            var node = ids[random.NextInt64(graph.People)];
            var n = 0;
            foreach (var _ in r.GetRelationships(node, Direction.Outgoing, ["WORKS_FOR"])) n++;
            return n;
        });
        report.Add("1-hop typed expansions (:Person)-[:WORKS_FOR]->()", $"{typed.PerSecond:N0} /s", $"{typed.ItemsPerSecond:N0} relationships/s");

        var twoHop = Throughput(options.Seconds, () =>
        {
            var node = ids[random.NextInt64(ids.Length)];
            var n = 0;
            foreach (var rel in r.GetRelationships(node, Direction.Both))
            {
                foreach (var _ in r.GetRelationships(rel.OtherNode(node), Direction.Both)) n++;
            }

            return n;
        });
        report.Add("2-hop expansions (1 thread, random node, both directions)", $"{twoHop.PerSecond:N0} /s", $"{twoHop.ItemsPerSecond:N0} relationships/s");
    }

    private static async Task MeasureWritesAsync(GraphStore store, SyntheticGraph graph, StorageBenchOptions options, BenchReport report, CancellationToken ct)
    {
        var (single, singleCpu) = await WriteThroughputAsync(store, graph, 1, options.Seconds, ct);
        report.Add("Durable small write tx (1 writer)", $"{single:N0} tx/s", $"1 node + 1 relationship per tx, fsync per commit; {singleCpu:F0} µs CPU/tx");
        var (eight, eightCpu) = await WriteThroughputAsync(store, graph, 8, options.Seconds, ct);
        report.Add("Durable small write tx (8 writers)", $"{eight:N0} tx/s", $"{eight / single:F1}x the 1-writer figure (group commit); {eightCpu:F0} µs CPU/tx; target >= 5,000");
    }

    private static async Task<(double PerSecond, double CpuMicrosPerTx)> WriteThroughputAsync(GraphStore store, SyntheticGraph graph, int writers, double seconds, CancellationToken ct)
    {
        var cpu = CpuTime();
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(100 + w);
            var commits = 0L;
            while (watch.Elapsed < deadline && !ct.IsCancellationRequested)
            {
                await using var tx = await store.BeginWriteAsync(ct);
                var node = tx.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = $"bench:{w}:{commits}", ["born"] = 2000L });
                tx.CreateRelationship(node, random.NextInt64(graph.People), "KNOWS");
                await tx.CommitAsync(ct);
                commits++;
            }

            return commits;
        }, ct)).ToArray();
        var total = (await Task.WhenAll(tasks)).Sum();
        return (total / watch.Elapsed.TotalSeconds, (CpuTime() - cpu) * 1e6 / Math.Max(1, total));
    }

    private static (double PerSecond, double ItemsPerSecond) Throughput(double seconds, Func<int> operation)
    {
        var watch = Stopwatch.StartNew();
        long operations = 0, items = 0;
        var deadline = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < deadline)
        {
            for (var i = 0; i < 64; i++)
            {
                items += operation();
                operations++;
            }
        }

        return (operations / watch.Elapsed.TotalSeconds, items / watch.Elapsed.TotalSeconds);
    }

    private static double CpuTime() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static long FullGcMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed record StorageBenchOptions(long Nodes, long Relationships, double Seconds, int Seed, string? Directory, bool Keep, int ChangeRetention)
    {
        public static StorageBenchOptions Parse(string[] args)
        {
            long nodes = 1_000_000;
            long? rels = null;
            double seconds = 3;
            var seed = 42;
            string? directory = null;
            var keep = false;
            var changeRetention = new GraphStoreOptions().ChangeRetentionTransactions;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--nodes": nodes = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--rels": rels = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--dir": directory = Next(); break;
                    case "--keep": keep = true; break;
                    case "--change-retention": changeRetention = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            return new StorageBenchOptions(nodes, rels ?? nodes * 5, seconds, seed, directory, keep, changeRetention);
        }
    }
}
