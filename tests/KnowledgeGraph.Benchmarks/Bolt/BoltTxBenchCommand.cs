using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using static KnowledgeGraph.Benchmarks.CommandOptions;

namespace KnowledgeGraph.Benchmarks.Bolt;

/// <summary>
/// <c>bolt-tx</c>: the Bolt server's CPU per request pattern, the way the official drivers send them: auto-commit
/// (RUN+PULL), an explicit transaction (BEGIN+RUN+PULL, then COMMIT: the JS driver's <c>executeQuery</c>), and a
/// managed read transaction (BEGIN with mode r and bookmarks: <c>session.executeRead</c>). A blocking raw-socket client
/// on its own thread drives an in-process server on loopback; the server's CPU is the process's CPU
/// (CLOCK_PROCESS_CPUTIME_ID) less the client thread's (CLOCK_THREAD_CPUTIME_ID). Patterns are interleaved in blocks,
/// so load on the machine hits them alike; each prints its ratio to the auto-commit <c>RETURN 1</c> baseline of the
/// same run, with thread-pool work items, context switches and bytes allocated per operation (those three barely
/// depend on load). Two engine-only rows run the same statements through an in-process session on the measuring
/// thread: the floor under the Bolt rows. Options: <c>--ops N</c> per block (default 500), <c>--rounds N</c> (default 10),
/// <c>--data DIR</c> (a durable store in DIR instead of the in-memory one), <c>--direct N</c> (the server's
/// Bolt:DirectConnections; 0 = the async path).
/// </summary>
public sealed class BoltTxBenchCommand : IBenchCommand
{
    private const string User = "bench";
    private const string Password = "bench-password";

    public string Name => "bolt-tx";

    public string Description => "Bolt server CPU per auto-commit / explicit / managed transaction (raw socket, ratios)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var ops = IntOption(args, "--ops", 500);
        var rounds = IntOption(args, "--rounds", 10);
        var dataDirectory = Option(args, "--data");
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("bolt-tx reads per-thread CPU clocks and /proc: Linux only.");
            return 2;
        }

        await using var database = dataDirectory is null ? GraphDatabase.CreateInMemory() : GraphDatabase.Open(dataDirectory);
        var server = new BoltServer(database, new BoltServerOptions { Port = 0, Username = User, Password = Password, DirectConnections = IntOption(args, "--direct", new BoltServerOptions().DirectConnections) });
        await server.StartAsync(cancellationToken);
        try
        {
            await database.ExecuteQueryAsync("UNWIND range(1, 1000) AS i CREATE (:Person {key: 'p' + i, name: 'Person ' + i})", cancellationToken: cancellationToken);
            await database.ExecuteQueryAsync("CREATE INDEX person_key IF NOT EXISTS FOR (p:Person) ON (p.key)", cancellationToken: cancellationToken);
            var endPoint = new IPEndPoint(IPAddress.Loopback, server.BoundEndpoint!.Port);
            var patterns = Patterns(database);
            // The client runs on a thread of its own: its CPU clock is then the client's alone.
            var results = await Task.Factory.StartNew(() => Measure(endPoint, patterns, ops, rounds, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Print(patterns, results, ops, rounds);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
        return 0;
    }

    /// <summary>One request pattern: the byte bursts a driver sends, each with the number of replies it waits for; or,
    /// for the engine's own floor, work run on the measuring thread through an in-process session (no Bolt).</summary>
    private sealed record Pattern(string Name, (byte[] Bytes, int Replies)[] Steps, Func<Task>? Direct = null);

    private static Pattern[] Patterns(GraphDatabase database)
    {
        var empty = new Dictionary<string, object?>();
        var run = new RunMessage("RETURN 1 AS v", empty, empty);
        var pull = new PullMessage(-1);
        var lookup = new RunMessage("MATCH (p:Person {key: $k}) RETURN p.name AS v", new Dictionary<string, object?> { ["k"] = "p500" }, empty);
        var readBegin = new BeginMessage(new Dictionary<string, object?>
        {
            ["mode"] = "r",
            ["db"] = "neo4j",
            ["bookmarks"] = new List<object?> { "kg:1" },
        });
        var commit = RawBoltSocket.Encode(CommitMessage.Instance);
        return
        [
            // Baseline first: every ratio is against it.
            new("auto-commit RETURN 1 (RUN+PULL)", [(RawBoltSocket.Encode(run, pull), 3)]),
            new("explicit tx RETURN 1 (BEGIN+RUN+PULL, COMMIT)", [(RawBoltSocket.Encode(new BeginMessage(empty), run, pull), 4), (commit, 1)]),
            new("managed read tx RETURN 1 (BEGIN r+bookmarks+RUN+PULL, COMMIT)", [(RawBoltSocket.Encode(readBegin, run, pull), 4), (commit, 1)]),
            new("auto-commit key lookup", [(RawBoltSocket.Encode(lookup, pull), 3)]),
            new("explicit tx key lookup (peer bench shape)", [(RawBoltSocket.Encode(new BeginMessage(empty), lookup, pull), 4), (commit, 1)]),
            new("engine only: auto-commit RETURN 1 (in-process session)", [], async () =>
            {
                await using var session = database.OpenSession();
                await (await session.RunAsync("RETURN 1 AS v")).ToEagerAsync();
            }),
            new("engine only: explicit tx RETURN 1 (in-process session)", [], async () =>
            {
                await using var session = database.OpenSession();
                await using var tx = await session.BeginTransactionAsync();
                await (await tx.RunAsync("RETURN 1 AS v")).ToEagerAsync();
                await tx.CommitAsync();
            }),
        ];
    }

    private sealed class Totals
    {
        public long ServerCpuNs;
        public long WorkItems;
        public long ContextSwitches;
        public long ServerAllocated;
        public readonly List<double> WallUs = [];
    }

    private static Totals[] Measure(IPEndPoint endPoint, Pattern[] patterns, int ops, int rounds, CancellationToken cancellationToken)
    {
        using var client = RawBoltSocket.ConnectReady(endPoint, User, Password);
        var totals = patterns.Select(_ => new Totals()).ToArray();
        foreach (var pattern in patterns)
            for (var i = 0; i < Math.Max(200, ops); i++) Run(client, pattern); // JIT tiers settle before measuring
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < patterns.Length; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var t = totals[p];
                var switches0 = BenchMachine.ContextSwitches();
                var items0 = ThreadPool.CompletedWorkItemCount;
                var allocated0 = GC.GetTotalAllocatedBytes();
                var clientAllocated0 = GC.GetAllocatedBytesForCurrentThread();
                var clientCpu0 = CpuClock(ThreadCpuClock);
                var processCpu0 = CpuClock(ProcessCpuClock);
                for (var i = 0; i < ops; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    Run(client, patterns[p]);
                    t.WallUs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
                var processCpu = CpuClock(ProcessCpuClock) - processCpu0;
                var clientCpu = CpuClock(ThreadCpuClock) - clientCpu0;
                var clientAllocated = GC.GetAllocatedBytesForCurrentThread() - clientAllocated0;
                var direct = patterns[p].Direct is not null;
                // Engine-only patterns run on this thread: their cost is this thread's.
                t.ServerAllocated += direct ? clientAllocated : GC.GetTotalAllocatedBytes() - allocated0 - clientAllocated;
                t.WorkItems += ThreadPool.CompletedWorkItemCount - items0;
                t.ContextSwitches += BenchMachine.ContextSwitches() - switches0;
                t.ServerCpuNs += direct ? clientCpu : processCpu - clientCpu;
            }
        }
        return totals;
    }

    private static void Run(RawBoltSocket client, Pattern pattern)
    {
        // The embedded engine completes these synchronously: the work stays on the measuring thread.
        if (pattern.Direct is { } direct) direct().GetAwaiter().GetResult();
        foreach (var (bytes, replies) in pattern.Steps) client.Exchange(bytes, replies);
    }

    private static void Print(Pattern[] patterns, Totals[] totals, int ops, int rounds)
    {
        var n = (double)ops * rounds;
        var baseline = totals[0].ServerCpuNs / n;
        Console.WriteLine($"bolt-tx: {rounds} rounds x {ops} ops per pattern, interleaved; load average {BenchMachine.LoadAverage()}; {Environment.ProcessorCount} cores");
        Console.WriteLine("| pattern | server CPU per op | ratio to auto-commit RETURN 1 | thread-pool items per op | context switches per op | server bytes allocated per op | client wall median |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var p = 0; p < patterns.Length; p++)
        {
            var t = totals[p];
            t.WallUs.Sort();
            var cpu = t.ServerCpuNs / n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {patterns[p].Name} | {cpu / 1000:F1} µs | {cpu / baseline:F2}x | {t.WorkItems / n:F2} | {t.ContextSwitches / n:F1} | {t.ServerAllocated / n:F0} B | {t.WallUs[t.WallUs.Count / 2]:F0} µs |"));
        }
    }

    private const int ProcessCpuClock = 2; // CLOCK_PROCESS_CPUTIME_ID
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static long CpuClock(int clock)
    {
        if (NativeMethods.clock_gettime(clock, out var ts) != 0) throw new InvalidOperationException("clock_gettime failed.");
        return ts.Seconds * 1_000_000_000 + ts.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA5392, SYSLIB1054 // a plain libc call of the bench, not marshalled code worth a source generator
        public static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore CA5392, SYSLIB1054
    }
}
