using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The ranking and deduplication of <c>paths</c>, and the fact rules of <c>paths</c> and <c>mediators</c>, on a small
/// graph built for them (real engine, real HTTP): scores computed by hand from the documented formula.
/// </summary>
public sealed class PathRankingTests : IAsyncLifetime
{
    private readonly GraphDatabase _db = GraphDatabase.CreateInMemory();
    private WebApplication? _app;
    private HttpClient _client = null!;

    // a and b are the sides. x represents a (two origins), y represents b. Between x and y: a reported negotiation and
    // a claimed alliance (parallel: one hop, origins s1 + s3). x and y also met at m (claimed / confirmed). a and b
    // negotiate, denied. z is a citizen of a and an ally of b, both background. A claim about b was stated by x.
    private const string Graph = """
        CREATE (a:Country {key: 'country:a', name: 'A', aliases: []}), (b:Country {key: 'country:b', name: 'B', aliases: []}),
               (x:Person {key: 'person:x', name: 'X', aliases: [], title: 'envoy of A'}), (y:Person {key: 'person:y', name: 'Y', aliases: []}),
               (z:Person {key: 'person:z', name: 'Z', aliases: []}), (q:Country {key: 'country:q', name: 'Q', aliases: []}),
               (m:Meeting {key: 'meeting:m', name: 'M', aliases: [], startDate: '2025-10-24', endDate: '2025-10-26', status: 'held'}),
               (c:Claim {key: 'claim:c', name: 'C', aliases: [], text: 't', stance: 'asserts', confidence: 'confirmed', tier: 'reported'}),
               (w:Conflict {key: 'conflict:w', name: 'W', aliases: []}),
               (x)-[:REPRESENTS {confidence: 'confirmed', tier: 'reported', origins: ['source:s1', 'source:s2'], chains: ['source:s1', 'source:s2']}]->(a),
               (y)-[:REPRESENTS {confidence: 'confirmed', tier: 'reported', origins: ['source:s1'], chains: ['source:s1']}]->(b),
               (x)-[:NEGOTIATES_WITH {confidence: 'reported', tier: 'reported', origins: ['source:s1'], chains: ['source:s1']}]->(y),
               (x)-[:ALLY_OF {confidence: 'claimed', tier: 'reported', origins: ['source:s3'], chains: ['source:s3']}]->(y),
               (x)-[:ATTENDED {confidence: 'claimed', tier: 'reported', origins: ['source:s1'], chains: ['source:s1']}]->(m),
               (y)-[:ATTENDED {confidence: 'confirmed', tier: 'reported', origins: ['source:s1'], chains: ['source:s1']}]->(m),
               (a)-[:NEGOTIATES_WITH {confidence: 'denied', tier: 'reported', origins: ['source:s1'], chains: ['source:s1']}]->(b),
               (z)-[:CITIZEN_OF {confidence: 'confirmed', tier: 'background', origins: ['source:reference'], chains: ['source:reference']}]->(a),
               (z)-[:ALLY_OF {confidence: 'confirmed', tier: 'background', origins: ['source:reference'], chains: ['source:reference']}]->(b),
               (x)-[:STATED {confidence: 'confirmed', tier: 'reported', origins: ['source:s1']}]->(c),
               (c)-[:ABOUT {confidence: 'confirmed', tier: 'reported', origins: ['source:s1']}]->(b),
               (a)-[:PARTY_TO {confidence: 'confirmed', tier: 'background', origins: ['source:reference']}]->(w),
               (b)-[:PARTY_TO {confidence: 'confirmed', tier: 'background', origins: ['source:reference']}]->(w),
               (q)-[:MEDIATES {confidence: 'reported', tier: 'reported', status: 'potential', origins: ['source:s1']}]->(w),
               (q)-[:ATTENDED {confidence: 'rumoured', tier: 'reported', origins: ['source:s1']}]->(m)
        """;

    public async Task InitializeAsync()
    {
        await _db.ExecuteQueryAsync(Graph, new Dictionary<string, object?>());
        _app = GraphQLServerFixture.BuildApp(_db, new Dictionary<string, string?>());
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<JsonNode> PathsAsync(string arguments)
    {
        using var response = await _client.PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = "{ paths(from: \"country:a\", to: \"country:b\"" + arguments + ") { totalCount nodes { score length nodes { key } steps { confidence independentSources relationships { type } } } } }" }),
            System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["paths"]!;
    }

    private static List<string> Sequences(JsonNode paths) =>
        paths["nodes"]!.AsArray().Select(p => string.Join(" ", p!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()))).ToList();

    [Fact]
    public async Task Paths_Should_ListParallelRelationshipsOnOneHop_When_TwoFactsJoinTheSameNodes()
    {
        var paths = await PathsAsync("");
        var direct = paths["nodes"]!.AsArray().Single(p => p!["length"]!.GetValue<int>() == 3)!;
        Assert.Equal(["ALLY_OF", "NEGOTIATES_WITH"], direct["steps"]![1]!["relationships"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).Order());
        Assert.Equal("REPORTED", direct["steps"]![1]!["confidence"]!.GetValue<string>()); // the best of the hop
        Assert.Equal(2, direct["steps"]![1]!["independentSources"]!.GetValue<int>());    // s1 and s3
        Assert.Equal(Sequences(paths).Distinct().Count(), Sequences(paths).Count);
    }

    [Fact]
    public async Task Paths_Should_RankByTheDocumentedScore_When_EvidenceDiffers()
    {
        var paths = await PathsAsync("");
        Assert.Equal(["country:a person:x person:y country:b", "country:a person:x meeting:m person:y country:b"], Sequences(paths));
        var scores = paths["nodes"]!.AsArray().Select(p => p!["score"]!.GetValue<double>()).ToList();
        // x–a: confirmed, 2 origins: 1 × 2/3; x–y: reported, 2 origins: 0.8 × 2/3; y–b: confirmed, 1 origin: 1 × 1/2.
        Assert.Equal(2.0 / 3 * (0.8 * 2 / 3) * 0.5, scores[0], 6);
        // Through the meeting: x and y met at m, one link scored by its weaker hop (claimed, 1 origin: 0.6 × 1/2).
        Assert.Equal(2.0 / 3 * (0.6 * 0.5) * 0.5, scores[1], 6);
    }

    [Fact]
    public async Task Paths_Should_LeaveOutDeniedFactsAndBackgroundAlliances_UnlessAsked()
    {
        var byDefault = Sequences(await PathsAsync(""));
        Assert.DoesNotContain("country:a country:b", byDefault);
        Assert.DoesNotContain(byDefault, s => s.Contains("person:z", StringComparison.Ordinal) || s.Contains("claim:c", StringComparison.Ordinal));

        var denied = await PathsAsync(", includeDenied: true");
        Assert.Contains("country:a country:b", Sequences(denied));
        Assert.Equal(0.1 * 0.5, denied["nodes"]!.AsArray().Single(p => p!["length"]!.GetValue<int>() == 1)!["score"]!.GetValue<double>(), 6);

        var background = Sequences(await PathsAsync(", includeBackground: true"));
        Assert.Equal("country:a person:z country:b", background[0]); // 0.5 × 0.5 beats the reported paths

        var reportedOnly = Sequences(await PathsAsync(", minConfidence: REPORTED"));
        Assert.Equal(["country:a person:x person:y country:b"], reportedOnly); // the meeting hop is only claimed
    }

    [Fact]
    public async Task Paths_Should_RejectProvenanceKinds_When_AskedAsInnerNodes()
    {
        using var response = await _client.PostAsync("/graphql", new StringContent(
            """{"query":"{ paths(from: \"country:a\", to: \"country:b\", innerKinds: [CLAIM]) { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(KgErrorCodes.InvalidArgument, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mediators_Should_ScoreExplicitMediationAboveAChannelSeat()
    {
        using var response = await _client.PostAsync("/graphql", new StringContent(
            """{"query":"{ mediators(between: \"country:a\", and: \"country:b\", minConfidence: RUMOURED) { entity { key } score evidence { kind weight } } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var q = Assert.Single(body["data"]!["mediators"]!.AsArray())!;
        Assert.Equal("country:q", q["entity"]!["key"]!.GetValue<string>());
        // Explicit MEDIATES on the war both are party to (reported: 0.8 × 1) + a seat at m, which both attend through
        // their envoys (rumoured: 0.3 × 0.5). x and y act for a side: never mediators.
        Assert.Equal(0.8 + 0.15, q["score"]!.GetValue<double>(), 6);
        Assert.Equal(["EXPLICIT", "CHANNEL"], q["evidence"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
    }
}
