using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Seeding;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// Explain output (<c>extensions.cypher</c>) is off by default in every environment, Development included, and opted
/// into per request with <c>X-KG-Explain: true</c> or always with <c>GraphQL:ExplainAlways</c>; it is compact: the
/// accent folding table every <c>search</c> passes is summarised, not printed.
/// </summary>
public sealed class ExplainTests : IAsyncLifetime
{
    private const string Search = "{ search(text: \"Kiev\", first: 1) { name } }";

    private readonly GraphDatabase _db = GraphDatabase.CreateInMemory();

    public async Task InitializeAsync() => await new SeedLoader().LoadAsync(_db, RepoPaths.Seeds);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<JsonObject> AskAsync(Dictionary<string, string?> settings, bool header, string environment = "Development")
    {
        await using var app = GraphQLServerFixture.BuildApp(_db, settings, environment);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(GraphQLServerFixture.AddressOf(app)) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Search }) };
        if (header) request.Headers.Add("X-KG-Explain", "true");
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        await app.StopAsync();
        Assert.NotNull(body["data"]?["search"]);
        return body;
    }

    [Fact]
    public async Task Response_Should_CarryNoCypher_When_DevelopmentAndNoHeader()
    {
        var body = await AskAsync([], header: false);
        Assert.Null(body["extensions"]?["cypher"]);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Response_Should_CarryCompactCypher_When_HeaderSentOrExplainAlways(bool header, bool always)
    {
        var body = await AskAsync(always ? new() { ["GraphQL:ExplainAlways"] = "true" } : [], header, "Production");
        var statement = Assert.Single(body["extensions"]!["cypher"]!.AsArray())!;
        Assert.Contains("db.index.fulltext.queryNodes", statement["query"]!.GetValue<string>(), StringComparison.Ordinal);
        var parameters = statement["parameters"]!.AsObject();
        var table = parameters.Select(p => p.Value).OfType<JsonValue>().Select(v => v.ToString())
            .Single(v => v.StartsWith("<accent folding table: ", StringComparison.Ordinal));
        Assert.Matches(@"^<accent folding table: \d{2,3} pairs>$", table);
        Assert.DoesNotContain(parameters, p => p.Value is JsonArray { Count: > 20 });
    }
}
