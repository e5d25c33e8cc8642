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
/// <c>--connections 16,64</c> (default 1,16,64). Each query is also printed as a share of <c>{ __typename }</c> at the
/// same connection count, with the issue's targets.
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
        var i = Array.IndexOf(args, "--connections");
        var concurrency = i >= 0 && i + 1 < args.Length
            ? args[i + 1].Split(',').Select(int.Parse).ToArray()
            : DefaultConcurrency;
        Console.WriteLine("| graph | query | connections | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");

        await using (var seed = GraphDatabase.CreateInMemory())
        {
            await new SeedLoader().LoadAsync(seed, FindSeeds(), cancellationToken);
            await RunGraphAsync("seed", seed, SeedQueries, seconds, concurrency, cancellationToken);
        }
        if (nodes > 0)
        {
            await using var synthetic = GraphDatabase.CreateInMemory();
            var sw = Stopwatch.StartNew();
            await LoadSyntheticAsync(synthetic, nodes, cancellationToken);
            Console.Error.WriteLine($"synthetic graph: {nodes} nodes, {nodes * 5} relationships loaded in {sw.Elapsed.TotalSeconds:0.0} s");
            await RunGraphAsync($"synthetic {nodes / 1000}k", synthetic, SyntheticQueries, seconds, concurrency, cancellationToken);
        }
        return 0;
    }

    private const string Floor = "{ __typename } (floor)";

    private static readonly (string Name, string Query)[] SeedQueries =
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

    private static async Task RunGraphAsync(string graph, IGraphDriver driver, (string Name, string Query)[] queries, int seconds, int[] concurrency, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:QueryTimeout"] = "00:00:30" });
        builder.Services.AddSingleton(driver);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        await using var app = builder.Build();
        app.MapKnowledgeGraphGraphQL();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 128, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(120) };
        var floor = new Dictionary<int, double>();
        var floorCpu = new Dictionary<int, double>();
        var ratios = new List<string>();
        foreach (var (name, query) in queries)
        {
            var body = JsonSerializer.Serialize(new { query });
            await SendAsync(client, body, ct); // warm-up (JIT, caches)
            foreach (var connections in concurrency)
            {
                var cell = await MeasureAsync(client, body, connections, TimeSpan.FromSeconds(seconds), ct);
                Console.WriteLine($"| {graph} | {name} | {connections} | {cell.Rps:0} | {cell.P50:0.00} | {cell.P99:0.00} | {cell.Errors} |");
                if (name == Floor)
                {
                    floor[connections] = cell.Rps;
                    floorCpu[connections] = cell.CpuMs;
                }
                else if (floor.TryGetValue(connections, out var f))
                {
                    ratios.Add($"{graph}: {name} at {connections} connections: CPU per request {cell.CpuMs:0.000} ms, the floor's {floorCpu[connections]:0.000} ms " +
                        $"(share by CPU {100 * floorCpu[connections] / cell.CpuMs:0}%)");
                    var share = 100 * cell.Rps / f;
                    var target = TargetShare(name);
                    ratios.Add($"{graph}: {name} at {connections} connections = {share:0}% of the floor (target >= {target:0}%: {(share >= target ? "met" : "missed")}); " +
                        $"p99/p50 {cell.P99 / cell.P50:0.0}{(connections >= 64 ? $" (target <= 4: {(cell.P99 <= 4 * cell.P50 ? "met" : "missed")})" : "")}");
                }
            }
        }
        foreach (var line in ratios) Console.WriteLine(line);
        foreach (var (name, query) in queries.Where(q => q.Name != Floor))
            Console.WriteLine($"{graph}: {name}: {await BreakdownAsync(client, driver, query, ct)}");
        await app.StopAsync(ct);
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
        var http = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < 200 && http.Elapsed < limit)
        {
            await SendAsync(client, JsonSerializer.Serialize(new { query }), ct);
            rounds++;
        }
        var httpMs = http.Elapsed.TotalMilliseconds / rounds;
        var floor = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) await SendAsync(client, """{"query":"{ __typename }"}""", ct);
        var floorMs = floor.Elapsed.TotalMilliseconds / rounds;
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
        return $"HTTP round trip {httpMs:0.000} ms: {{ __typename }} {floorMs:0.000} ms, dry run (parse, validate, compile; explain output) {dryMs:0.000} ms, " +
            $"its Cypher on the driver {engineMs:0.000} ms ({100 * engineMs / httpMs:0}%), the rest (result shaping, serialising) {httpMs - dryMs - engineMs:0.000} ms; means of {rounds}, 1 connection";
    }

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        _ => null,
    };

    /// <summary>One cell; <paramref name="CpuMs"/> is the process's CPU time per request (server and client together,
    /// the client's part the same for every query), which depends far less on other load than requests/s.</summary>
    internal sealed record Cell(double Rps, double P50, double P99, int Errors, double CpuMs);

    internal static async Task<Cell> MeasureAsync(HttpClient client, string body, int connections, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Cell(all.Length / elapsed, Percentile(0.50), Percentile(0.99), errors, all.Length == 0 ? double.NaN : cpuMs / all.Length);
    }

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

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    internal static string FindSeeds() => KnowledgeGraph.Tests.Shared.RepositoryRoot.Combine("seeds");
}
