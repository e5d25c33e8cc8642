using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Benchmarks.GraphQL;

/// <summary>
/// <c>graphql-hubs</c>: one graph with three people of degree 100, 10,000 and 100,000 (half ATTENDED meetings, half
/// MEMBER_OF organisations, random names with ties), and the same GraphQL query on each: the entity with two nested
/// lists of 10 plus totalCount. Prints requests/s and p50/p99 per degree at 1 and 16 connections, and the ratio of
/// the degree-100,000 p50 to the degree-100 p50 (issue 13's target: at most 3). Options: <c>--seconds S</c> per cell
/// (default 3), <c>--max-degree D</c> (default 100000).
/// </summary>
public sealed class HubBenchCommand : IBenchCommand
{
    public string Name => "graphql-hubs";

    public string Description => "GraphQL entity with two nested lists of 10 on nodes of degree 100 / 10k / 100k; p50 ratio";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = CommandOptions.IntOption(args, "--seconds", 3);
        var maxDegree = CommandOptions.IntOption(args, "--max-degree", 100_000);
        int[] degrees = [100, Math.Min(10_000, maxDegree), maxDegree];
        await using var db = GraphDatabase.CreateInMemory();
        var sw = Stopwatch.StartNew();
        await LoadAsync(db, degrees, cancellationToken);
        Console.Error.WriteLine($"hub graph loaded in {sw.Elapsed.TotalSeconds:0.0} s");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:QueryTimeout"] = "00:01:00" });
        builder.Services.AddSingleton<IGraphDriver>(db);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        await using var app = builder.Build();
        app.MapKnowledgeGraphGraphQL();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(120) };

        Console.WriteLine("| degree | connections | requests/s | p50 ms | p99 ms | first request ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var p50 = new Dictionary<int, double>();
        foreach (var degree in degrees.Distinct())
        {
            var query = "{ entity(key: \"person:hub-" + degree.ToString(CultureInfo.InvariantCulture) + "\") { name ... on Person {"
                + " attended(first: 10) { totalCount nodes { key name } } memberOf(first: 10) { totalCount nodes { key name } } } } }";
            var body = JsonSerializer.Serialize(new { query });
            var first = Stopwatch.StartNew();
            if (!await GraphQLBenchCommand.SendAsync(client, body, cancellationToken)) Console.Error.WriteLine($"degree {degree}: the first request failed");
            var firstMs = first.Elapsed.TotalMilliseconds;
            foreach (var connections in new[] { 1, 16 })
            {
                var cell = await GraphQLBenchCommand.MeasureAsync(client, body, connections, TimeSpan.FromSeconds(seconds), cancellationToken);
                if (connections == 1) p50[degree] = cell.P50;
                Console.WriteLine($"| {degree:N0} | {connections} | {cell.Rps:0} | {cell.P50:0.00} | {cell.P99:0.00} | {(connections == 1 ? firstMs.ToString("0", CultureInfo.InvariantCulture) : "")} | {cell.Errors} |");
            }
        }
        Console.WriteLine($"ratio p50 degree {maxDegree:N0} / degree 100 (1 connection): {p50[maxDegree] / p50[100]:0.00}x (target <= 3x)");
        await app.StopAsync(cancellationToken);
        return 0;
    }

    /// <summary>Person <c>person:hub-D</c> for each degree D: D/2 ATTENDED meetings and D/2 MEMBER_OF organisations,
    /// shared among the hubs (the largest hub reaches all of them); names repeat so the key breaks ties.</summary>
    private static async Task LoadAsync(GraphDatabase db, int[] degrees, CancellationToken ct)
    {
        var half = degrees.Max() / 2;
        var random = new Random(13);
        await using var bulk = await db.Store.BeginBulkLoadAsync(ct);
        var meetings = new long[half];
        var organizations = new long[half];
        for (var i = 0; i < half; i++)
        {
            meetings[i] = bulk.CreateNode(["Meeting"], new Dictionary<string, object?> { ["key"] = "meeting:" + i, ["name"] = "Meeting " + random.Next(half / 4 + 1) });
            organizations[i] = bulk.CreateNode(["Organization"], new Dictionary<string, object?> { ["key"] = "org:" + i, ["name"] = "Org " + random.Next(half / 4 + 1) });
        }
        foreach (var degree in degrees.Distinct())
        {
            var hub = bulk.CreateNode(["Person"], new Dictionary<string, object?> { ["key"] = "person:hub-" + degree, ["name"] = "Hub " + degree });
            for (var i = 0; i < degree / 2; i++)
            {
                bulk.CreateRelationship(hub, meetings[i], "ATTENDED", new Dictionary<string, object?> { ["confidence"] = "confirmed" });
                bulk.CreateRelationship(hub, organizations[i], "MEMBER_OF", new Dictionary<string, object?> { ["confidence"] = "confirmed" });
            }
        }
        await bulk.CompleteAsync(ct);
        foreach (var statement in KnowledgeGraph.Seeding.SchemaScript.Statements)
            await db.ExecuteQueryAsync(statement, cancellationToken: ct);
    }
}
