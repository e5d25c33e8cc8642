using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Seeding;

namespace KnowledgeGraph.Benchmarks.GraphQL;

/// <summary>
/// <c>gqlcost [--seconds S] [--rounds K] [--flows N] [--only TEXT] [--alloc] [--controls]</c>: where a GraphQL request's CPU goes above the floor, taken
/// apart in one process: <c>{ __typename }</c>, the entity, page and <c>paths</c> queries over HTTP (the in-process endpoint of
/// <c>graphql</c>), and their compiled Cypher on the embedded driver alone (as the endpoint runs it). Each part runs
/// for S seconds per round with N concurrent flows, parts interleaved round by round so the differences hold under
/// other load; medians of K rounds of process CPU µs and bytes per operation. "Above floor and engine" is the HTTP
/// request minus the floor's request minus its statement on the driver. That difference is not all the GraphQL layer's:
/// the control part ("floor then driver": the floor's request, then the statement, one after the other in each flow,
/// no GraphQL layer involved) costs more than its two parts measured apart too (for paths, 30-100 µs: the statement's
/// code and data are cold after the request, as the controls below show). "Above the control" is what the layer itself
/// adds. <c>--controls</c> adds parts that take that difference apart: the floor then a CPU spin as
/// long as the paths statement (90 µs), the same spin allocating 50 KB of small arrays (about what the statement
/// allocates), and per statement the floor then the statement twice. If the spin costs its 90 µs and the second
/// statement costs what the statement costs alone, the extra is neither CPU nor allocation but the statement's code
/// and data being cold after the request (and the request's after the statement).
/// </summary>
public sealed class RequestCostBenchCommand : IBenchCommand
{
    public string Name => "gqlcost";

    public string Description => "GraphQL request cost taken apart: floor, entity/page over HTTP, their Cypher on the driver (--seconds, --rounds, --flows, --only, --alloc, --controls)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = Arg(args, "--seconds", 2);
        var rounds = (int)Arg(args, "--rounds", 5);
        var flows = (int)Arg(args, "--flows", 1);
        var controls = Array.IndexOf(args, "--controls") >= 0;
        await using var db = GraphDatabase.CreateInMemory();
        await new SeedLoader().LoadAsync(db, GraphQLBenchCommand.FindSeeds(), cancellationToken);
        var (app, url) = await GraphQLBenchCommand.StartServerAsync(db, cancellationToken);
        await using var running = app;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 128 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var floorBody = JsonSerializer.Serialize(new { query = "{ __typename }" });
        var stmts = new Dictionary<string, (string Text, IReadOnlyDictionary<string, object?> Parameters)>();
        var parts = new List<(string Name, Func<Task> Op)>
        {
            ("floor (HTTP)", () => GraphQLBenchCommand.SendAsync(client, floorBody, cancellationToken)),
        };
        foreach (var (name, query) in GraphQLBenchCommand.SeedQueries.Where(q => !q.Name.StartsWith('{')))
        {
            var body = JsonSerializer.Serialize(new { query });
            using (var sample = await client.PostAsync("/graphql", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), cancellationToken))
                Console.WriteLine($"{name}: response {(await sample.Content.ReadAsByteArrayAsync(cancellationToken)).Length} bytes");
            parts.Add((name + " (HTTP)", () => GraphQLBenchCommand.SendAsync(client, body, cancellationToken)));
            // The statement exactly as the endpoint compiles it (extensions.cypher with X-KG-Explain).
            var (text, parameters) = stmts[name] = await CompiledAsync(client, body, cancellationToken);
            async Task Statement()
            {
                await using var session = ((IGraphDriver)db).OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
                var result = await session.RunAsync(text, parameters, new TransactionConfig { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken);
                await result.ToEagerAsync(cancellationToken);
            }
            parts.Add((name + " (driver)", Statement));
            // The control: the floor's request, then the statement on the driver, one after the other in one flow. What
            // the HTTP request costs above this is the GraphQL layer's own work; what this costs above floor + driver is
            // what running a long statement between requests costs the process (threads that sleep and are woken).
            parts.Add((name + " (floor then driver)", async () =>
            {
                await GraphQLBenchCommand.SendAsync(client, floorBody, cancellationToken);
                await Statement();
            }));
            if (controls)
                parts.Add((name + " (floor then driver x2)", async () =>
                {
                    await GraphQLBenchCommand.SendAsync(client, floorBody, cancellationToken);
                    await Statement();
                    await Statement();
                }));
        }
        if (controls)
        {
            parts.Add((SpinPart, async () =>
            {
                await GraphQLBenchCommand.SendAsync(client, floorBody, cancellationToken);
                Spin(allocate: false);
            }));
            parts.Add((SpinAllocatingPart, async () =>
            {
                await GraphQLBenchCommand.SendAsync(client, floorBody, cancellationToken);
                Spin(allocate: true);
            }));
        }
        // --only TEXT: the parts whose name contains it (to profile one part alone); TEXT|TEXT2 for either, so
        // "floor|paths" keeps what the paths lines need.
        var o = Array.IndexOf(args, "--only");
        if (o >= 0 && o + 1 < args.Length)
        {
            var wanted = args[o + 1].Split('|');
            parts.RemoveAll(p => !wanted.Any(w => p.Name.Contains(w, StringComparison.Ordinal)));
        }
        Console.WriteLine($"gqlcost: seed graph, {rounds} rounds of {seconds} s per part, {flows} flows, {Environment.ProcessorCount} cores, load average {BenchMachine.LoadAverage()}");
        // Warm-up: every part, long enough for tiered compilation to settle.
        for (var i = 0; i < 3; i++)
            foreach (var (_, op) in parts) await MeasureAsync(op, flows, seconds);
        // --alloc: allocation samples by type over the measured rounds (use with --only to see one part's).
        using var types = Array.IndexOf(args, "--alloc") >= 0 ? new KnowledgeGraph.Benchmarks.Cypher.AllocationTypes() : null;
        var cpu = parts.Select(_ => new List<double>()).ToArray();
        var bytes = parts.Select(_ => new List<double>()).ToArray();
        var switches = parts.Select(_ => new List<double>()).ToArray();
        var items = parts.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < parts.Count; k++)
            {
                var p = (k + round) % parts.Count;
                var (c, b, w, t) = await MeasureAsync(parts[p].Op, flows, seconds);
                cpu[p].Add(c);
                bytes[p].Add(b);
                switches[p].Add(w);
                items[p].Add(t);
            }
        }
        // Context switches (every thread, voluntary and not) and thread-pool work items per operation: a part that
        // costs more than its pieces measured apart often wakes more threads.
        Console.WriteLine("| part | CPU µs/op | KB/op | context switches/op | thread-pool items/op |");
        Console.WriteLine("|---|---|---|---|---|");
        var medians = new Dictionary<string, (double Cpu, double Kb)>();
        for (var p = 0; p < parts.Count; p++)
        {
            var m = (BenchMachine.Median(cpu[p]), BenchMachine.Median(bytes[p]) / 1024);
            medians[parts[p].Name] = m;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {parts[p].Name} | {m.Item1:F1} | {m.Item2:F1} | {BenchMachine.Median(switches[p]):F1} | {BenchMachine.Median(items[p]):F1} |"));
        }
        types?.Print(50);
        if (!medians.TryGetValue("floor (HTTP)", out var floor)) return 0;
        foreach (var name in stmts.Keys)
        {
            if (!medians.ContainsKey(name + " (HTTP)") || !medians.ContainsKey(name + " (driver)")) continue;
            var http = medians[name + " (HTTP)"];
            var engine = medians[name + " (driver)"];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: above floor and engine {http.Cpu - floor.Cpu - engine.Cpu:F1} µs, {http.Kb - floor.Kb - engine.Kb:F1} KB; share by CPU {100 * floor.Cpu / http.Cpu:F0}%"));
            if (medians.TryGetValue(name + " (floor then driver)", out var control))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: above the control (floor then driver in one flow) {http.Cpu - control.Cpu:F1} µs, {http.Kb - control.Kb:F1} KB; the control above floor and engine {control.Cpu - floor.Cpu - engine.Cpu:F1} µs"));
        }
        if (medians.TryGetValue(SpinPart, out var spin) && medians.TryGetValue(SpinAllocatingPart, out var spinAlloc))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"controls: the floor then {SpinMicros} µs of spinning costs {spin.Cpu - floor.Cpu:F1} µs above the floor; allocating {spinAlloc.Kb - spin.Kb:F1} KB more in it adds {spinAlloc.Cpu - spin.Cpu:F1} µs"));
        foreach (var name in stmts.Keys)
            if (medians.TryGetValue(name + " (floor then driver x2)", out var twice) && medians.TryGetValue(name + " (floor then driver)", out var once)
                && medians.TryGetValue(name + " (driver)", out var alone))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"controls: {name}: its statement costs {once.Cpu - floor.Cpu:F1} µs after the floor's request, {twice.Cpu - once.Cpu:F1} µs right after itself, {alone.Cpu:F1} µs alone"));
        Console.WriteLine($"load average at the end {BenchMachine.LoadAverage()}");
        await app.StopAsync(cancellationToken);
        return 0;
    }

    /// <summary>The one statement a GraphQL query compiles to, with its parameters, as the endpoint reports it.</summary>
    private static async Task<(string Text, IReadOnlyDictionary<string, object?> Parameters)> CompiledAsync(HttpClient client, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-KG-Explain", "true");
        using var response = await client.SendAsync(request, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var statement = json.RootElement.GetProperty("extensions").GetProperty("cypher").EnumerateArray().Single();
        return (statement.GetProperty("query").GetString()!,
            statement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => GraphQLBenchCommand.Plain(p.Value)));
    }

    private const int SpinMicros = 90;
    private const string SpinPart = "floor then spin (control)";
    private const string SpinAllocatingPart = "floor then spin allocating 50 KB (control)";

    /// <summary>Busy CPU for <see cref="SpinMicros"/> µs; with <paramref name="allocate"/> it also allocates 700 arrays of
    /// six references (about 50 KB, each kept by the next until the end, as a statement's rows are).</summary>
    private static void Spin(bool allocate)
    {
        var clock = Stopwatch.StartNew();
        object?[]? chain = null;
        if (allocate)
            for (var i = 0; i < 700; i++) chain = [chain, null, null, null, null, null];
        while (clock.Elapsed.TotalMicroseconds < SpinMicros) { }
        GC.KeepAlive(chain);
    }

    private static async Task<(double CpuMicros, double Bytes, double Switches, double WorkItems)> MeasureAsync(Func<Task> op, int flows, double seconds)
    {
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpu0 = process.TotalProcessorTime;
        var bytes0 = GC.GetTotalAllocatedBytes(precise: false);
        var switches0 = BenchMachine.ContextSwitches();
        var items0 = ThreadPool.CompletedWorkItemCount;
        var n = 0;
        await Task.WhenAll(Enumerable.Range(0, flows).Select(async _ =>
        {
            while (wall.Elapsed.TotalSeconds < seconds)
            {
                await op();
                Interlocked.Increment(ref n);
            }
        }));
        process.Refresh();
        return ((process.TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / n, (double)(GC.GetTotalAllocatedBytes(precise: false) - bytes0) / n,
            (double)(BenchMachine.ContextSwitches() - switches0) / n, (double)(ThreadPool.CompletedWorkItemCount - items0) / n);
    }

    private static double Arg(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
