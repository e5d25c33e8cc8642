using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The <c>paths</c> and <c>shortestPath</c> statements answer exactly what the statement before session 10 answered
/// (its tail kept behind <see cref="KgGraphQLOptions.LegacyPathsTail"/>): two real servers over one real engine, one
/// compiling each statement, asked the same requests (every Path field, network, cursor pages, the fact arguments) on
/// the seed graph and on random small graphs with parallel relationships, mixed confidences, tiers and origins,
/// meetings and cycles.
/// </summary>
public sealed class PathsStatementEquivalenceTests
{
    private const string PathFields = """
        length score confidence independentSources explanation nodes { key name }
        relationships { id type confidence tier sources origins }
        steps { index forward from { key } to { key } confidence independentSources relationship { id type confidence } relationships { id type confidence tier sources origins } }
        """;

    private static readonly string[] Selections =
    [
        "totalCount pageInfo { hasNextPage endCursor } nodes { length nodes { key } }",
        "totalCount pageInfo { hasNextPage endCursor } nodes { score confidence independentSources }",
        "totalCount pageInfo { hasNextPage endCursor } edges { cursor node { " + PathFields + " } } nodes { " + PathFields + " }",
        "pageInfo { hasNextPage endCursor } network { nodes { key } edges { type fromKey toKey confidence } } nodes { steps { relationship { type } } }",
    ];

    private static readonly string[] Arguments =
    [
        "",
        ", includeBackground: true",
        ", minConfidence: RUMOURED, includeDenied: true",
        ", via: [MEETING]",
        ", innerKinds: [PERSON, MEETING]",
    ];

    [Fact]
    public async Task Paths_Should_AnswerAsTheLegacyStatement_When_OnTheSeedGraph()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await new SeedLoader().LoadAsync(db, RepoPaths.Seeds);
        await using var servers = await Servers.StartAsync(db);
        // The two servers do run different statements: the current one has no sort before the page.
        var (current, legacy) = await servers.StatementsAsync("""{ paths(from: "country:us", to: "country:russia") { nodes { length } } }""");
        Assert.Contains("ORDER BY", legacy.Split("COLLECT {")[0]);
        Assert.DoesNotContain("ORDER BY", current.Split("COLLECT {")[0]);
        var compared = 0;
        foreach (var (from, to) in new[] { ("country:us", "country:russia"), ("country:us", "country:ukraine") })
            foreach (var selection in Selections)
                compared += await servers.ComparePagesAsync(from, to, 4, 4, "", selection);
        compared += await servers.ComparePagesAsync("country:us", "country:russia", 4, 10, ", includeBackground: true", Selections[2]);
        await servers.CompareAsync("""{ shortestPath(from: "org:white-house", to: "org:kremlin", maxHops: 6) { """ + PathFields + " } }");
        await servers.CompareAsync("""{ shortestPath(from: "country:us", to: "country:russia", maxHops: 4) { length nodes { key } } }""");
        Assert.True(compared > 20, $"only {compared} paths compared");
    }

    [Fact]
    public async Task Paths_Should_AnswerAsTheLegacyStatement_When_OnRandomSmallGraphs()
    {
        var compared = 0;
        for (var seed = 1; seed <= 6; seed++)
        {
            await using var db = GraphDatabase.CreateInMemory();
            await RandomGraph(new Random(seed), db);
            await using var servers = await Servers.StartAsync(db);
            foreach (var arguments in Arguments)
                foreach (var selection in Selections)
                    compared += await servers.ComparePagesAsync("country:c0", "country:c1", 4, 3, arguments, selection);
            await servers.CompareAsync("""{ shortestPath(from: "country:c0", to: "country:c1", maxHops: 4) { """ + PathFields + " } }");
        }
        Assert.True(compared > 100, $"only {compared} paths compared");
    }

    [Fact]
    public async Task Paths_Should_AnswerAsTheLegacyStatement_When_ALengthReachesItsCap()
    {
        // 30 people between two countries, 8 parallel facts to one and 9 to the other, each with its own confidence and
        // origin: 2,160 relationship sequences of length 2, so the walk stops at its cap inside someone's sequences and
        // that person's hops must be read again, all of them, as the legacy statement reads every hop.
        await using var db = GraphDatabase.CreateInMemory();
        await db.ExecuteQueryAsync("CREATE (:Country {key: 'country:c0', name: 'C0', aliases: []}), (:Country {key: 'country:c1', name: 'C1', aliases: []})");
        await db.ExecuteQueryAsync("""
            UNWIND range(0, 29) AS i
            CREATE (p:Person {key: 'person:p' + i, name: 'P' + i, aliases: []})
            WITH p, i
            MATCH (c0:Country {key: 'country:c0'}), (c1:Country {key: 'country:c1'})
            UNWIND range(0, 16) AS k
            WITH p, i, k, CASE WHEN k < 8 THEN c0 ELSE c1 END AS c
            CREATE (p)-[:NEGOTIATES_WITH {confidence: ['confirmed', 'reported', 'claimed'][(i + k) % 3], tier: 'reported', origins: ['source:s' + i + '-' + k]}]->(c)
            """);
        var sequences = await db.ExecuteQueryAsync("MATCH p = (:Country {key: 'country:c0'})-[*2..2]-(:Country {key: 'country:c1'}) RETURN count(p) AS n");
        Assert.True((long)sequences.Records[0]["n"]! > KnowledgeGraph.GraphQL.Compilation.KgCompiler.MaxCandidatesPerLength);
        await using var servers = await Servers.StartAsync(db);
        var compared = 0;
        foreach (var selection in Selections)
            compared += await servers.ComparePagesAsync("country:c0", "country:c1", 2, 10, "", selection);
        Assert.True(compared > 50, $"only {compared} paths compared");
    }

    private static readonly string[] Confidences = ["confirmed", "reported", "claimed", "rumoured", "denied"];
    private static readonly string[] Types = ["NEGOTIATES_WITH", "ALLY_OF", "ATTENDED", "REPRESENTS", "MEMBER_OF", "BRIEFED"];

    /// <summary>Two countries c0 and c1, people, organizations, meetings (some denied or rumoured) and a document;
    /// about 60 relationships, often parallel, in both directions (cycles), with every mix of evidence.</summary>
    private static async Task RandomGraph(Random random, GraphDatabase db)
    {
        var labels = new (string Label, string Prefix, int Count)[] { ("Country", "country:c", 3), ("Person", "person:p", 4), ("Organization", "org:o", 2), ("Meeting", "meeting:m", 3), ("Document", "document:d", 1) };
        var keys = new List<string>();
        foreach (var (label, prefix, count) in labels)
        {
            var nodes = Enumerable.Range(0, count).Select(i => (object?)new Dictionary<string, object?>
            {
                ["key"] = prefix + i,
                ["name"] = label + " " + i,
                ["status"] = label == "Meeting" ? new[] { "held", "held", "denied", "rumoured" }[random.Next(4)] : null,
            }).ToList();
            keys.AddRange(Enumerable.Range(0, count).Select(i => prefix + i));
            await db.ExecuteQueryAsync("UNWIND $nodes AS n CREATE (x:" + label + " {key: n.key, name: n.name, aliases: []}) SET x.status = n.status",
                new Dictionary<string, object?> { ["nodes"] = nodes });
        }
        var relationships = Types.ToDictionary(t => t, _ => new List<object?>());
        for (var i = 0; i < 50; i++)
        {
            // One in four joins an actor to a meeting (ATTENDED below), so meetings join actors (the one-link rule).
            var meeting = i % 4 == 0;
            var from = keys[random.Next(meeting ? 9 : keys.Count)];
            var to = meeting ? "meeting:m" + random.Next(3) : keys[random.Next(keys.Count)];
            if (from == to) continue;
            var origins = Enumerable.Range(1, 4).Where(_ => random.Next(3) == 0).Select(s => "source:s" + s).ToList();
            // A repeated origin now and then: the score counts a hop's first list whole, as the statement always did.
            if (origins.Count > 0 && random.Next(5) == 0) origins.Add(origins[0]);
            var props = new Dictionary<string, object?> { ["confidence"] = Confidences[random.Next(Confidences.Length)] };
            switch (random.Next(4))
            {
                case 0: props["tier"] = "background"; break;
                case 1: break; // no tier: reported
                default: props["tier"] = "reported"; break;
            }
            // Origins, or only sources (the fallback), or neither.
            switch (random.Next(3))
            {
                case 0: props["origins"] = origins; props["chains"] = origins; break;
                case 1: props["sources"] = origins; break;
            }
            relationships[meeting ? "ATTENDED" : Types[random.Next(Types.Length)]].Add(new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["props"] = props });
            // A parallel twin now and then: same ends, same or another type, the same evidence or its own (another
            // confidence, tier and origins, some shared): a hop of several relationships, whose best confidence and
            // distinct origins come from all of them.
            if (random.Next(4) == 0)
                relationships[Types[random.Next(Types.Length)]].Add(new Dictionary<string, object?> { ["from"] = random.Next(2) == 0 ? from : to, ["to"] = random.Next(2) == 0 ? to : from, ["props"] = random.Next(2) == 0 ? props : Twin(random, origins) });
        }
        foreach (var (type, list) in relationships)
            await db.ExecuteQueryAsync("UNWIND $rels AS r MATCH (a {key: r.from}) MATCH (b {key: r.to}) WHERE a <> b CREATE (a)-[x:" + type + "]->(b) SET x = r.props",
                new Dictionary<string, object?> { ["rels"] = list });
    }

    /// <summary>Evidence of its own for a parallel twin: any confidence, any tier, its own origins (or sources) beside
    /// some of the first relationship's.</summary>
    private static Dictionary<string, object?> Twin(Random random, List<string> origins)
    {
        var own = origins.Where(_ => random.Next(2) == 0).Concat(Enumerable.Range(5, 2).Where(_ => random.Next(2) == 0).Select(s => "source:s" + s)).ToList();
        var props = new Dictionary<string, object?> { ["confidence"] = Confidences[random.Next(Confidences.Length)], [random.Next(3) == 0 ? "sources" : "origins"] = own };
        if (random.Next(3) == 0) props["tier"] = "background";
        return props;
    }

    /// <summary>Two servers on one database: the current statement and the legacy one.</summary>
    private sealed class Servers : IAsyncDisposable
    {
        private readonly WebApplication _current;
        private readonly WebApplication _legacy;
        private readonly HttpClient _currentClient;
        private readonly HttpClient _legacyClient;

        private Servers(WebApplication current, WebApplication legacy)
        {
            (_current, _legacy) = (current, legacy);
            _currentClient = new HttpClient { BaseAddress = new Uri(current.Urls.First()) };
            _legacyClient = new HttpClient { BaseAddress = new Uri(legacy.Urls.First()) };
        }

        public static async Task<Servers> StartAsync(IGraphDriver db)
        {
            var current = Build(db, legacy: false);
            var legacy = Build(db, legacy: true);
            await current.StartAsync();
            await legacy.StartAsync();
            return new Servers(current, legacy);
        }

        private static WebApplication Build(IGraphDriver driver, bool legacy)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(driver);
            builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
            builder.Services.PostConfigure<KgGraphQLOptions>(o => o.LegacyPathsTail = legacy);
            var app = builder.Build();
            app.MapKnowledgeGraphGraphQL();
            return app;
        }

        /// <summary>Pages through <c>paths</c> (up to 6 pages) comparing each; returns how many paths were compared.</summary>
        public async Task<int> ComparePagesAsync(string from, string to, int maxHops, int first, string arguments, string selection)
        {
            string? after = null;
            var compared = 0;
            for (var page = 0; page < 6; page++)
            {
                var query = "query($after: String) { paths(from: \"" + from + "\", to: \"" + to + "\", maxHops: " + maxHops + ", first: " + first + ", after: $after" + arguments + ") { " + selection + " } }";
                var data = await CompareAsync(query, new { after });
                var paths = data["paths"]!;
                compared += paths["nodes"]?.AsArray().Count ?? paths["network"]?["nodes"]?.AsArray().Count ?? 0;
                if (paths["pageInfo"]?["hasNextPage"]?.GetValue<bool>() != true) break;
                after = paths["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            return compared;
        }

        /// <summary>The Cypher each server runs for <paramref name="query"/> (X-KG-Explain).</summary>
        public async Task<(string Current, string Legacy)> StatementsAsync(string query) =>
            (await StatementAsync(_currentClient, query), await StatementAsync(_legacyClient, query));

        private static async Task<string> StatementAsync(HttpClient client, string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-KG-Explain", "true");
            using var response = await client.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return body["extensions"]!["cypher"]![0]!["query"]!.GetValue<string>();
        }

        public async Task<JsonNode> CompareAsync(string query, object? variables = null)
        {
            var current = await PostAsync(_currentClient, query, variables);
            var legacy = await PostAsync(_legacyClient, query, variables);
            Assert.True(current["errors"] is null, query + "\n" + current.ToJsonString());
            Assert.Equal(legacy.ToJsonString(), current.ToJsonString());
            return current["data"]!;
        }

        private static async Task<JsonNode> PostAsync(HttpClient client, string query, object? variables)
        {
            using var response = await client.PostAsync("/graphql", new StringContent(
                JsonSerializer.Serialize(new { query, variables }), System.Text.Encoding.UTF8, "application/json"));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            _currentClient.Dispose();
            _legacyClient.Dispose();
            await _current.DisposeAsync();
            await _legacy.DisposeAsync();
        }
    }
}
