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
/// Options: <c>--nodes N</c> (synthetic size, default 100000; 0 skips it), <c>--seconds S</c> per cell (default 5).
/// </summary>
public sealed partial class GraphQLBenchCommand : IBenchCommand
{
    public string Name => "graphql";

    public string Description => "GraphQL over HTTP: rps and p50/p99 for 3 queries at 1/16/64 connections (seed + synthetic graph)";

    private static readonly int[] Concurrency = [1, 16, 64];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var nodes = Option(args, "--nodes", 100_000);
        var seconds = Option(args, "--seconds", 5);
        Console.WriteLine("| graph | query | connections | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");

        await using (var seed = GraphDatabase.CreateInMemory())
        {
            await new SeedLoader().LoadAsync(seed, FindSeeds(), cancellationToken);
            await RunGraphAsync("seed", seed, SeedQueries, seconds, cancellationToken);
        }
        if (nodes > 0)
        {
            await using var synthetic = GraphDatabase.CreateInMemory();
            var sw = Stopwatch.StartNew();
            await LoadSyntheticAsync(synthetic, nodes, cancellationToken);
            Console.Error.WriteLine($"synthetic graph: {nodes} nodes, {nodes * 5} relationships loaded in {sw.Elapsed.TotalSeconds:0.0} s");
            await RunGraphAsync($"synthetic {nodes / 1000}k", synthetic, SyntheticQueries, seconds, cancellationToken);
        }
        return 0;
    }

    private const string Floor = "{ __typename } (floor)";

    private static readonly (string Name, string Query)[] SeedQueries =
    [
        (Floor, "{ __typename }"),
        ("entity + 2 levels", """{ entity(key: "person:steve-witkoff") { name ... on Person { represents { nodes { name } } attended { nodes { name participants { nodes { name } } } } } } }"""),
        ("filtered sorted page", """{ people(first: 20, where: { name: { contains: "i" } }, order: [{ name: DESC }]) { totalCount nodes { key name title } } }"""),
        ("paths US->Ukraine hops 4", """{ paths(from: "country:us", to: "country:ukraine", maxHops: 4) { nodes { length nodes { key } } } }"""),
    ];

    private static readonly (string Name, string Query)[] SyntheticQueries =
    [
        ("entity + 2 levels", """{ entity(key: "person:1") { name ... on Person { represents { nodes { name } } attended(first: 10) { nodes { name participants(first: 10) { nodes { name } } } } } } }"""),
        ("filtered sorted page", """{ people(first: 20, where: { name: { startsWith: "Person 12" } }, order: [{ name: DESC }]) { totalCount nodes { key name title } } }"""),
        ("paths country:0->country:1 hops 4", """{ paths(from: "country:0", to: "country:1", maxHops: 4) { nodes { length nodes { key } } } }"""),
    ];

    private static async Task RunGraphAsync(string graph, IGraphDriver driver, (string Name, string Query)[] queries, int seconds, CancellationToken ct)
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
        var ratios = new List<string>();
        foreach (var (name, query) in queries)
        {
            var body = JsonSerializer.Serialize(new { query });
            await SendAsync(client, body, ct); // warm-up (JIT, caches)
            foreach (var connections in Concurrency)
            {
                var cell = await MeasureAsync(client, body, connections, TimeSpan.FromSeconds(seconds), ct);
                Console.WriteLine($"| {graph} | {name} | {connections} | {cell.Rps:0} | {cell.P50:0.00} | {cell.P99:0.00} | {cell.Errors} |");
                if (name == Floor) floor[connections] = cell.Rps;
                else if (floor.TryGetValue(connections, out var f))
                    ratios.Add($"{graph}: {name} at {connections} connections = {100 * cell.Rps / f:0}% of the floor; p99/p50 {cell.P99 / cell.P50:0.0}");
            }
        }
        foreach (var line in ratios) Console.WriteLine(line);
        await app.StopAsync(ct);
    }

    internal sealed record Cell(double Rps, double P50, double P99, int Errors);

    internal static async Task<Cell> MeasureAsync(HttpClient client, string body, int connections, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
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
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Cell(all.Length / elapsed, Percentile(0.50), Percentile(0.99), errors);
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

    private static string FindSeeds() => KnowledgeGraph.Tests.Shared.RepositoryRoot.Combine("seeds");
}
