using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL;
using KnowledgeGraph.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Benchmarks.GraphQL;

/// <summary>
/// <c>graphql</c>: requests per second and p50/p99 latency of three GraphQL queries over real HTTP (Kestrel on
/// 127.0.0.1) at 1, 16 and 64 concurrent connections, over the seed graph and a synthetic model-shaped graph.
/// Options: <c>--nodes N</c> (synthetic size, default 100000; 0 skips it), <c>--seconds S</c> per cell (default 5),
/// <c>--connections 16,64</c> (default 1,16,64), <c>--only entity</c> (run the floor and the queries whose name starts
/// with this text; for profiling one query), <c>--warmup S</c> (at most S seconds of load before measuring, default 60; 0
/// sends one request per query, as before), <c>--url http://host:port --pid PID</c> (load a running service instead,
/// e.g. the API process; CPU per request is then that process's, read from the OS). Each query is also printed as a share of <c>{ __typename }</c> at the
/// same connection count, with the issue's targets: the floor is measured again beside each query, in alternating slices of
/// <c>--slice-ms</c> (default 500; 0 compares with the floor's own cell, measured once before the queries).
/// </summary>
public sealed partial class GraphQLBenchCommand : IBenchCommand
{
    public string Name => "graphql";

    public string Description => "GraphQL over HTTP: rps and p50/p99 for 3 queries at 1/16/64 connections (seed + synthetic graph)";

    private static readonly int[] DefaultConcurrency = [1, 16, 64];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var nodes = Option(args, "--nodes", 100_000);
        var seconds = Option(args, "--seconds", 5);
        var warmup = Option(args, "--warmup", 60);
        SliceMs = Option(args, "--slice-ms", 500);
        var i = Array.IndexOf(args, "--connections");
        var concurrency = i >= 0 && i + 1 < args.Length
            ? args[i + 1].Split(',').Select(int.Parse).ToArray()
            : DefaultConcurrency;
        var o = Array.IndexOf(args, "--only");
        var only = o >= 0 && o + 1 < args.Length ? args[o + 1] : null;
        bool Selected((string Name, string Query) q) => only is null || q.Name == Floor || q.Name.StartsWith(only, StringComparison.Ordinal);
        Console.WriteLine("| graph | query | connections | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var u = Array.IndexOf(args, "--url");
        if (u >= 0 && u + 1 < args.Length)
        {
            // The service seeds its own graph; only its CPU counts (the client's is another process).
            using var server = Process.GetProcessById(Option(args, "--pid", -1));
            Remote = true;
            using var metrics = new HttpClient { BaseAddress = new Uri(args[u + 1]) };
            ServerAllocatedAsync = async () => ScrapedAllocatedBytes(await metrics.GetStringAsync("/metrics", cancellationToken));
            ServerCpu = () =>
            {
                server.Refresh();
                return server.TotalProcessorTime;
            };
            await RunGraphAsync("seed (service)", null, [.. SeedQueries.Where(Selected)], seconds, warmup, concurrency, cancellationToken, args[u + 1]);
            return 0;
        }

        await using (var seed = GraphDatabase.CreateInMemory())
        {
            await new SeedLoader().LoadAsync(seed, FindSeeds(), cancellationToken);
            await RunGraphAsync("seed", seed, [.. SeedQueries.Where(Selected)], seconds, warmup, concurrency, cancellationToken);
        }
        if (nodes > 0)
        {
            await using var synthetic = GraphDatabase.CreateInMemory();
            var sw = Stopwatch.StartNew();
            await LoadSyntheticAsync(synthetic, nodes, cancellationToken);
            Console.Error.WriteLine($"synthetic graph: {nodes} nodes, {nodes * 5} relationships loaded in {sw.Elapsed.TotalSeconds:0.0} s");
            await RunGraphAsync($"synthetic {nodes / 1000}k", synthetic, [.. SyntheticQueries.Where(Selected)], seconds, warmup, concurrency, cancellationToken);
        }
        return 0;
    }

    private const string Floor = "{ __typename } (floor)";

    internal static readonly (string Name, string Query)[] SeedQueries =
    [
        (Floor, "{ __typename }"),
        ("entity + 2 levels", """{ entity(key: "person:steve-witkoff") { name ... on Person { represents { nodes { name } } attended { nodes { name participants { nodes { name } } } } } } }"""),
        ("filtered sorted page", """{ people(first: 20, where: { name: { contains: "i" } }, order: [{ name: DESC }]) { totalCount nodes { key name title } } }"""),
        ("paths US->Russia hops 4 first 10", """{ paths(from: "country:us", to: "country:russia", maxHops: 4, first: 10) { nodes { length nodes { key } } } }"""),
    ];

    /// <summary>The issue's targets as shares of the floor at the same connection count (paths has its own).</summary>
    private static double TargetShare(string query) => query.StartsWith("paths", StringComparison.Ordinal) ? 30 : 50;

    private static readonly (string Name, string Query)[] SyntheticQueries =
    [
        ("entity + 2 levels", """{ entity(key: "person:1") { name ... on Person { represents { nodes { name } } attended(first: 10) { nodes { name participants(first: 10) { nodes { name } } } } } } }"""),
        ("filtered sorted page", """{ people(first: 20, where: { name: { startsWith: "Person 12" } }, order: [{ name: DESC }]) { totalCount nodes { key name title } } }"""),
        ("paths country:0->country:1 hops 4", """{ paths(from: "country:0", to: "country:1", maxHops: 4) { nodes { length nodes { key } } } }"""),
    ];

    /// <summary>The CPU time the cells measure: this process's, or the loaded service's with <c>--url</c>.</summary>
    private static Func<TimeSpan> ServerCpu = () => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>With <c>--url</c>: the service's allocated bytes, from its Prometheus metrics (the runtime's counter).</summary>
    private static Func<Task<long>>? ServerAllocatedAsync;

    private static long ScrapedAllocatedBytes(string metrics)
    {
        const string name = "dotnet_gc_heap_total_allocated_bytes_total";
        foreach (var line in metrics.Split('\n'))
            if (line.StartsWith(name, StringComparison.Ordinal))
                return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"{name} is not among the service's metrics");
    }

    /// <summary>The floor's slices alternate with each query's (<c>--slice-ms</c>; 0: the floor's own cell, measured once).</summary>
    private static int SliceMs = 500;

    /// <summary>Loading another process: its JIT cannot be watched from here, so the warm-up runs its whole limit.</summary>
    private static bool Remote;

    private static async Task RunGraphAsync(string graph, IGraphDriver? driver, (string Name, string Query)[] queries, int seconds, int warmup, int[] concurrency,
        CancellationToken ct, string? url = null)
    {
        WebApplication? app = null;
        if (url is null) (app, url) = await StartServerAsync(driver!, ct);
        await using var running = app;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 128, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        await RunCellsAsync(graph, client, driver, queries, seconds, warmup, concurrency, ct);
        if (app is not null) await app.StopAsync(ct);
    }

    /// <summary>The GraphQL endpoint in process, over <paramref name="driver"/>, on a free loopback port.</summary>
    internal static async Task<(WebApplication App, string Address)> StartServerAsync(IGraphDriver driver, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:QueryTimeout"] = "00:00:30" });
        builder.Services.AddSingleton(driver);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        var app = builder.Build();
        app.MapKnowledgeGraphGraphQL();
        await app.StartAsync(ct);
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static async Task RunCellsAsync(string graph, HttpClient client, IGraphDriver? driver, (string Name, string Query)[] queries, int seconds, int warmup,
        int[] concurrency, CancellationToken ct)
    {
        await WarmUpAsync(graph, client, queries, concurrency, TimeSpan.FromSeconds(warmup), ct);
        var floors = new Dictionary<int, Cell>();
        var floorBody = JsonSerializer.Serialize(new { query = queries.First(q => q.Name == Floor).Query });
        var ratios = new List<string>();
        foreach (var (name, query) in queries)
        {
            var body = JsonSerializer.Serialize(new { query });
            await SendAsync(client, body, ct); // caches (the warm-up did the JIT)
            foreach (var connections in concurrency)
            {
                Cell cell;
                Cell? floor = null;
                if (name == Floor)
                    cell = floors[connections] = await MeasureAsync(client, body, connections, TimeSpan.FromSeconds(seconds), ct);
                else if (SliceMs > 0)
                    (floor, cell) = await MeasurePairedAsync(client, floorBody, body, connections, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(SliceMs), ct);
                else
                    (floor, cell) = (floors.GetValueOrDefault(connections), await MeasureAsync(client, body, connections, TimeSpan.FromSeconds(seconds), ct));
                Console.WriteLine($"| {graph} | {name} | {connections} | {cell.Rps:0} | {cell.P50:0.00} | {cell.P99:0.00} | {cell.Errors} |");
                if (floor is null) continue;
                var paired = SliceMs > 0 ? $"alternating with it in slices of {SliceMs} ms" : "its own cell";
                ratios.Add($"{graph}: {name} at {connections} connections: CPU per request {cell.CpuMs:0.000} ms, the floor's {floor.CpuMs:0.000} ms ({paired}; " +
                    $"share by CPU {100 * floor.CpuMs / cell.CpuMs:0}%); allocated {cell.AllocatedKb:0.0} KB/request (the floor's {floor.AllocatedKb:0.0}), " +
                    $"{cell.Collections.All} GCs ({cell.Collections.Older} gen1+), {cell.WorkItems:0.0} thread-pool items per request (the floor's {floor.WorkItems:0.0}), " +
                    $"JIT {cell.Jit.Methods} methods {cell.Jit.Ms:0} ms (the floor's {floor.Jit.Methods}, {floor.Jit.Ms:0} ms)");
                var share = 100 * cell.Rps / floor.Rps;
                var target = TargetShare(name);
                ratios.Add($"{graph}: {name} at {connections} connections = {share:0}% of the floor (target >= {target:0}%: {(share >= target ? "met" : "missed")}); " +
                    $"p99/p50 {cell.P99 / cell.P50:0.0}{(connections >= 64 ? $" (target <= 4: {(cell.P99 <= 4 * cell.P50 ? "met" : "missed")})" : "")}");
            }
        }
        foreach (var line in ratios) Console.WriteLine(line);
        if (driver is null) return;
        foreach (var (name, query) in queries.Where(q => q.Name != Floor))
            Console.WriteLine($"{graph}: {name}: {await BreakdownAsync(client, driver, query, ct)}");
    }

    /// <summary>
    /// Where one request's time goes, single connection: the HTTP round trip against running its compiled Cypher
    /// (taken from <c>extensions.cypher</c> with <c>X-KG-Explain</c>) on the driver directly, same process.
    /// </summary>
    private static async Task<string> BreakdownAsync(HttpClient client, IGraphDriver driver, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-KG-Explain", "true");
        using var response = await client.SendAsync(request, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!json.RootElement.TryGetProperty("extensions", out var ext) || !ext.TryGetProperty("cypher", out var cypher)) return "no extensions.cypher";
        var statements = cypher.EnumerateArray().Select(s => (Text: s.GetProperty("query").GetString()!,
            Parameters: (IReadOnlyDictionary<string, object?>)s.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)))).ToList();
        // At most 200 rounds and about 5 s per part, so a slow query (a timeout) does not hold the run.
        var limit = TimeSpan.FromSeconds(5);
        var allocated = GC.GetTotalAllocatedBytes(true);
        var http = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < 200 && http.Elapsed < limit)
        {
            await SendAsync(client, JsonSerializer.Serialize(new { query }), ct);
            rounds++;
        }
        var httpMs = http.Elapsed.TotalMilliseconds / rounds;
        var httpKb = (GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / rounds;
        allocated = GC.GetTotalAllocatedBytes(true);
        var floor = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) await SendAsync(client, """{"query":"{ __typename }"}""", ct);
        var floorMs = floor.Elapsed.TotalMilliseconds / rounds;
        var floorKb = (GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / rounds;
        var dry = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            using var dryRun = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
            };
            dryRun.Headers.Add("X-KG-Dry-Run", "true");
            using var answer = await client.SendAsync(dryRun, ct);
            await answer.Content.ReadAsStringAsync(ct);
        }
        var dryMs = dry.Elapsed.TotalMilliseconds / rounds;
        allocated = GC.GetTotalAllocatedBytes(true);
        var engine = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var (text, parameters) in statements)
            {
                await using var session = driver.OpenSession(new KnowledgeGraph.Driver.SessionOptions { AccessMode = AccessMode.Read });
                var result = await session.RunAsync(text, parameters, null, ct);
                await result.ToEagerAsync(ct);
            }
        }
        var engineMs = engine.Elapsed.TotalMilliseconds / rounds;
        var engineKb = (GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / rounds;
        return $"HTTP round trip {httpMs:0.000} ms: {{ __typename }} {floorMs:0.000} ms, dry run (parse, validate, compile; explain output) {dryMs:0.000} ms, " +
            $"its Cypher on the driver {engineMs:0.000} ms ({100 * engineMs / httpMs:0}%), the rest (result shaping, serialising) {httpMs - dryMs - engineMs:0.000} ms; " +
            $"allocated per request {httpKb:0.0} KB ({{ __typename }} {floorKb:0.0} KB, its Cypher on the driver {engineKb:0.0} KB); means of {rounds}, 1 connection";
    }

    internal static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        _ => null,
    };

    internal static async Task<bool> SendAsync(HttpClient client, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        try
        {
            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false; // a client-side timeout counts as an error, it does not end the run
        }
    }

    /// <summary>
    /// Loads every query in turn at every connection count of the run until the JIT goes quiet (a round of all queries
    /// at all counts compiles at most 20 methods), for at most <paramref name="limit"/>: tiered compilation with dynamic
    /// PGO keeps re-compiling hot methods for 10-20 s of load on this machine, and cells measured meanwhile pay for it
    /// (seconds of JIT CPU in a 3 s cell), so without this the first cells measured warm-up, not the steady state a
    /// server runs in. Every count, not only the largest: a warm-up at 64 connections alone left the floor's cell at 16
    /// compiling about 190 methods (125 ms of JIT in it), which made the floor slower and every share above it larger.
    /// </summary>
    private static async Task WarmUpAsync(string graph, HttpClient client, (string Name, string Query)[] queries, int[] connections, TimeSpan limit, CancellationToken ct)
    {
        var bodies = queries.Select(q => JsonSerializer.Serialize(new { query = q.Query })).ToArray();
        foreach (var body in bodies) await SendAsync(client, body, ct);
        if (limit <= TimeSpan.Zero) return;
        var clock = Stopwatch.StartNew();
        var (methods, time) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        long last;
        do
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var count in connections)
                foreach (var body in bodies) await MeasureAsync(client, body, count, TimeSpan.FromSeconds(1), ct);
            last = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        }
        while ((Remote || last > 20) && clock.Elapsed < limit);
        Console.Error.WriteLine($"{graph}: warm-up {clock.Elapsed.TotalSeconds:0} s at {string.Join(" and ", connections)} connections: JIT compiled " +
            $"{System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods in {(System.Runtime.JitInfo.GetCompilationTime() - time).TotalSeconds:0.0} s, {last} in the last round" +
            (last > 20 ? " (limit reached: the cells still pay for some JIT)" : ""));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    internal static string FindSeeds() => KnowledgeGraph.Tests.Shared.RepositoryRoot.Combine("seeds");
}
