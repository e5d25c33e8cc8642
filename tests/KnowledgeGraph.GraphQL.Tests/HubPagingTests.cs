using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// Nested connections on a hub (a person with thousands of meetings and organisations, seeded randomly with a fixed
/// seed, names with many ties): every page walked with keyset cursors equals the order computed here from the data,
/// totalCount equals the data, and the Cypher the API sends reads about a page of neighbours (PROFILE), not the
/// whole neighbourhood.
/// </summary>
public sealed class HubPagingTests : IAsyncLifetime
{
    private const int Meetings = 3000;
    private const int Organizations = 1200;

    private readonly GraphDatabase _db = GraphDatabase.CreateInMemory();
    private WebApplication? _app;
    private HttpClient _client = null!;
    private readonly List<(string Key, string? Name)> _meetings = [];
    private readonly List<(string Key, string? Name)> _organizations = [];

    public async Task InitializeAsync()
    {
        var rnd = new Random(20261206);
        for (var i = 0; i < Meetings; i++) _meetings.Add(("meeting:m" + i, "Meeting " + rnd.Next(300)));
        for (var i = 0; i < Organizations; i++) _organizations.Add(("org:o" + i, "Org " + rnd.Next(100)));
        await _db.ExecuteQueryAsync("CREATE (:Person {key: 'person:hub', name: 'Hub'}), (:Person {key: 'person:small', name: 'Small'})");
        await _db.ExecuteQueryAsync("""
            MATCH (h:Person {key: 'person:hub'}), (s:Person {key: 'person:small'})
            UNWIND $rows AS row
            CREATE (m:Meeting {key: row.key, name: row.name}) CREATE (h)-[:ATTENDED {confidence: 'confirmed'}]->(m)
            FOREACH (_ IN CASE WHEN row.small THEN [1] ELSE [] END | CREATE (s)-[:ATTENDED]->(m))
            """, new Dictionary<string, object?> { ["rows"] = _meetings.Select((m, i) => (object?)new Dictionary<string, object?> { ["key"] = m.Key, ["name"] = m.Name, ["small"] = i % 100 == 0 }).ToList() });
        await _db.ExecuteQueryAsync("""
            MATCH (h:Person {key: 'person:hub'})
            UNWIND $rows AS row
            CREATE (o:Organization {key: row.key, name: row.name}) CREATE (h)-[:MEMBER_OF]->(o)
            """, new Dictionary<string, object?> { ["rows"] = _organizations.Select(o => (object?)new Dictionary<string, object?> { ["key"] = o.Key, ["name"] = o.Name }).ToList() });
        _app = GraphQLServerFixture.BuildApp(_db, []);
        await _app.StartAsync();
        var address = GraphQLServerFixture.AddressOf(_app);
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<JsonObject> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-KG-Explain", "true");
        using var response = await _client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body;
    }

    /// <summary>By name (ascending or descending), then key ascending: the GraphQL default tiebreaker.</summary>
    private static List<string> Expected(IEnumerable<(string Key, string? Name)> items, bool descending) =>
        items.Order(Comparer<(string Key, string? Name)>.Create((a, b) =>
            string.CompareOrdinal(a.Name, b.Name) is var c && c != 0 ? (descending ? -c : c) : string.CompareOrdinal(a.Key, b.Key))).Select(i => i.Key).ToList();

    [Fact]
    public async Task Pages_Should_FollowTheFullOrder_When_WalkingAHubWithCursors()
    {
        const string query = """
            query($after: String, $orgAfter: String) { entity(key: "person:hub") { ... on Person {
              attended(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key } }
              memberOf(first: 40, after: $orgAfter, order: [{ name: DESC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } } } }
            """;
        var meetings = new List<string>();
        var organizations = new List<string>();
        string? after = null, orgAfter = null;
        for (var page = 0; page < 6; page++)
        {
            var person = (await PostAsync(query, new { after, orgAfter }))["data"]!["entity"]!;
            Assert.Equal(Meetings, person["attended"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(Organizations, person["memberOf"]!["totalCount"]!.GetValue<int>());
            meetings.AddRange(person["attended"]!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
            organizations.AddRange(person["memberOf"]!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
            Assert.True(person["attended"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            after = person["attended"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
            orgAfter = person["memberOf"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.Equal(Expected(_meetings, descending: false).Take(6 * 25), meetings);
        Assert.Equal(Expected(_organizations, descending: true).Take(6 * 40), organizations);
    }

    [Fact]
    public async Task CompiledCypher_Should_ReadAboutAPage_When_EntityIsAHub()
    {
        const string query = """
            { entity(key: "person:hub") { name ... on Person {
              attended(first: 10) { totalCount nodes { key name } }
              memberOf(first: 10) { nodes { key name } } } } }
            """;
        var body = await PostAsync(query);
        await PostAsync(query);
        var statement = body["extensions"]!["cypher"]!.AsArray().Single()!;
        var text = statement["query"]!.GetValue<string>();
        Assert.Contains("ORDER BY", text);
        var parameters = statement["parameters"]!.AsObject().ToDictionary(p => p.Key, p => ToValue(p.Value));
        var profiled = await _db.ExecuteQueryAsync("PROFILE " + text, parameters, AccessMode.Read);
        static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));
        var hits = Flatten(profiled.Summary.Plan!).Sum(p => p.DbHits);
        // Expanding and sorting both lists would cost at least one hit per relationship (4,200).
        Assert.True(hits < 400, $"{hits} db hits for two pages of 10 on a node of degree {Meetings + Organizations}");
        var person = body["data"]!["entity"]!;
        Assert.Equal(Expected(_meetings, false).Take(10), person["attended"]!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
    }

    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonArray a => a.Select(ToValue).ToList(),
        JsonObject o => o.ToDictionary(p => p.Key, p => ToValue(p.Value)),
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v => v.GetValue<string>(),
        _ => throw new ArgumentException("unexpected JSON node", nameof(node)),
    };
}
