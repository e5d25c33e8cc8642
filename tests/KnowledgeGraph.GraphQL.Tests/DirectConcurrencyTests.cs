using System.Text;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The request caches (documents, compiled Cypher, field plans) and the direct path under concurrent requests, as the
/// GraphQL bench sends them: a server of its own (fresh caches and counters) on a seeded engine, real HTTP, requests
/// started together so they race on the first parse, validation and compile.
/// </summary>
public sealed class DirectConcurrencyTests : IAsyncLifetime
{
    private GraphDatabase _database = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private const string Entity = """{ entity(key: "person:steve-witkoff") { name ... on Person { represents { nodes { name } } attended { nodes { name participants { nodes { name } } } } } } }""";

    public async Task InitializeAsync()
    {
        _database = GraphDatabase.CreateInMemory();
        await new KnowledgeGraph.Seeding.SeedLoader().LoadAsync(_database, RepoPaths.Seeds);
        _app = GraphQLServerFixture.BuildApp(_database, []);
        await _app.StartAsync();
        var address = GraphQLServerFixture.AddressOf(_app);
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private KgGraphQLService Service => _app.Services.GetRequiredService<KgGraphQLService>();

    private async Task<string> SendAsync(string query, object? variables = null)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/graphql", content);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Starts <paramref name="count"/> requests at once (a barrier releases them together).</summary>
    private async Task<string[]> BurstAsync(int count, Func<int, Task<string>> send)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            return await send(i);
        }).ToArray();
        gate.Release(count);
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task ConcurrentIdenticalRequests_Should_AllGetTheSameBytes_And_TakeTheDirectPath_When_TheCachesAreWarm()
    {
        // Cold: every request races on parsing, validating and compiling the same text.
        var cold = await BurstAsync(32, _ => SendAsync(Entity));
        Assert.All(cold, body => Assert.Equal(cold[0], body));
        Assert.Contains("\"Kirill Dmitriev\"", cold[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"errors\"", cold[0], StringComparison.Ordinal);
        // Warm: whatever the race left in the caches, every later request is answered directly with the same bytes.
        var before = (Service.Direct.Taken, Service.Direct.Declined);
        var warm = await BurstAsync(32, _ => SendAsync(Entity));
        Assert.All(warm, body => Assert.Equal(cold[0], body));
        Assert.Equal(before.Taken + 32, Service.Direct.Taken);
        Assert.Equal(before.Declined, Service.Direct.Declined);
    }

    [Fact]
    public async Task ConcurrentRequestsWithDifferentVariables_Should_EachGetTheirOwnAnswer_When_TheyShareOneDocument()
    {
        const string query = "query ($key: ID!) { entity(key: $key) { key name } }";
        string[] keys = ["person:steve-witkoff", "person:kirill-dmitriev", "country:us", "country:russia"];
        // The answer of each key, one request at a time.
        var expected = new Dictionary<string, string>();
        foreach (var key in keys) expected[key] = await SendAsync(query, new { key });
        Assert.Equal(keys.Length, expected.Values.Distinct().Count());
        // 64 requests, keys interleaved, twice over: the compiled-Cypher cache is keyed by the variable values, so no
        // request may get another key's statement however the compiles and lookups interleave.
        for (var round = 0; round < 2; round++)
        {
            var answers = await BurstAsync(64, i => SendAsync(query, new { key = keys[i % keys.Length] }));
            for (var i = 0; i < answers.Length; i++) Assert.Equal(expected[keys[i % keys.Length]], answers[i]);
        }
    }
}
