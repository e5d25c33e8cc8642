using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// The API on the Bolt client against a second instance without change data capture (as Neo4j Community or
/// Enterprise with CDC off): subscribers see this API's own GraphQL mutations, published after they commit, and never
/// writes made elsewhere; <c>/health</c> says so.
/// </summary>
public sealed class OwnMutationFeedTests(NoCdcSubscriptionHost host) : IClassFixture<NoCdcSubscriptionHost>
{
    private const string EntityQuery = "subscription($keys: [String!], $after: String) { entityChanged(keys: $keys, after: $after) { sequence cursor changes { operation key kind after } } }";
    private const string RelationshipQuery = "subscription($a: String!, $after: String) { relationshipChanged(between: $a, after: $after) { sequence cursor changes { operation type from to confidence } } }";

    private static string NewKey(string prefix) => $"{prefix}:own-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private Task UpsertAsync(string kind, string key, string name) =>
        host.MutateAsync("mutation($kind: String!, $k: String!, $n: String!) { upsertEntity(input: {kind: $kind, key: $k, name: $n}) { key } }",
            new { kind, k = key, n = name });

    /// <summary>The feed knows its source once it asked the graph; mutations before that are not captured.</summary>
    private async Task<JsonElement> WaitForOwnMutationsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var doc = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri(host.Api.BaseAddress, "/health")));
            var subscriptions = doc.RootElement.GetProperty("subscriptions").Clone();
            if (subscriptions.GetProperty("source").GetString() != "unknown" || DateTime.UtcNow > deadline) return subscriptions;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Health_Should_SayOwnMutations_When_TheGraphHasNoChangeDataCapture()
    {
        var subscriptions = await WaitForOwnMutationsAsync();
        Assert.Equal("own-mutations", subscriptions.GetProperty("source").GetString());
        Assert.False(subscriptions.GetProperty("seesAllWrites").GetBoolean());

        // The second instance answers db.cdc.* with Neo4j's error for a database without CDC.
        var error = await Assert.ThrowsAnyAsync<KnowledgeGraph.Errors.GraphException>(() => host.CypherAsync("CALL db.cdc.current()"));
        Assert.Equal("Neo.DatabaseError.ChangeDataCapture.Disabled", error.Code);
    }

    [NodeFact]
    public async Task Mutation_Should_ReachGraphqlWsSubscriber_And_DirectCypherWriteShouldNot()
    {
        await WaitForOwnMutationsAsync();
        var direct = NewKey("person");
        var own = NewKey("person");
        await using var ws = await Judge.StartAsync("ws", host.GraphQL, EntityQuery, new { keys = new[] { direct, own } });
        await ws.ReadyAsync();

        // Written on the graph directly, not through this API: without CDC nobody tells the API.
        await host.CypherAsync("CREATE (:Person {key: $k, name: 'Direct'})", new { k = direct });
        await UpsertAsync("Person", own, "Own");
        await UpsertAsync("Person", own, "Own, renamed");

        var created = await ws.NextDataAsync("entityChanged");
        var change = Assert.Single(created.GetProperty("changes").EnumerateArray());
        Assert.Equal("CREATED", change.GetProperty("operation").GetString());
        Assert.Equal(own, change.GetProperty("key").GetString());
        Assert.Equal("PERSON", change.GetProperty("kind").GetString());
        Assert.Equal("Own", change.GetProperty("after").GetProperty("name").GetString());

        var updated = await ws.NextDataAsync("entityChanged");
        change = Assert.Single(updated.GetProperty("changes").EnumerateArray());
        Assert.Equal("UPDATED", change.GetProperty("operation").GetString());
        Assert.Equal("Own, renamed", change.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("sequence").GetInt64() + 1, updated.GetProperty("sequence").GetInt64());

        // The direct write never arrives, also not late.
        Assert.Equal("timeout", (await ws.NextAsync(TimeSpan.FromSeconds(1))).GetProperty("type").GetString());
    }

    [NodeFact]
    public async Task Mutations_Should_PublishRelationshipsTogether_NothingWhenTheyFail_And_ResumeWithinTheProcess()
    {
        await WaitForOwnMutationsAsync();
        var a = NewKey("country");
        var b = NewKey("country");
        await UpsertAsync("Country", a, "A");
        await UpsertAsync("Country", b, "B");
        await using var ws = await Judge.StartAsync("ws", host.GraphQL, RelationshipQuery, new { a });
        await ws.ReadyAsync();

        await host.MutateAsync("mutation($a: String!, $b: String!) { relate(input: {type: NEGOTIATES_WITH, from: $a, to: $b, confidence: CONFIRMED, sources: [\"source:reuters\"]}) { type } }",
            new { a, b });
        // Refused (the entity still has a relationship): its transaction rolls back and publishes nothing.
        using (var request = new HttpRequestMessage(HttpMethod.Post, host.GraphQL)
        {
            Content = JsonContent.Create(new { query = "mutation($k: String!) { deleteEntity(key: $k) }", variables = new { k = a } }),
        })
        {
            request.Headers.Authorization = new("Bearer", SubscriptionHost.ApiKey);
            using var response = await host.Http.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.TryGetProperty("errors", out _), body.ToString());
        }
        await host.MutateAsync("mutation($k: String!) { deleteEntity(key: $k, detach: true) }", new { k = a });

        var related = await ws.NextDataAsync("relationshipChanged");
        var change = Assert.Single(related.GetProperty("changes").EnumerateArray());
        Assert.Equal("CREATED", change.GetProperty("operation").GetString());
        Assert.Equal("NEGOTIATES_WITH", change.GetProperty("type").GetString());
        Assert.Equal(a, change.GetProperty("from").GetString());
        Assert.Equal(b, change.GetProperty("to").GetString());
        Assert.Equal("CONFIRMED", change.GetProperty("confidence").GetString());

        // The failed delete came next: had it published anything, this would be it.
        var deleted = await ws.NextDataAsync("relationshipChanged");
        change = Assert.Single(deleted.GetProperty("changes").EnumerateArray());
        Assert.Equal("DELETED", change.GetProperty("operation").GetString());
        Assert.Equal(b, change.GetProperty("to").GetString());
        Assert.Equal(related.GetProperty("sequence").GetInt64() + 1, deleted.GetProperty("sequence").GetInt64());

        // Resume after the first event: the delete (one mutation, one event) comes again, then nothing.
        await using var resumed = await Judge.StartAsync("ws", host.GraphQL, RelationshipQuery, new { a, after = related.GetProperty("cursor").GetString() });
        // (The backlog may arrive before the judge reports ready; NextDataAsync skips that line.)
        var again = await resumed.NextDataAsync("relationshipChanged");
        Assert.Equal(deleted.GetProperty("sequence").GetInt64(), again.GetProperty("sequence").GetInt64());
        Assert.Equal("DELETED", Assert.Single(again.GetProperty("changes").EnumerateArray()).GetProperty("operation").GetString());
    }

    [NodeFact]
    public async Task Resume_Should_FailExpired_When_TheCursorIsNotOneOfThisProcess()
    {
        await WaitForOwnMutationsAsync();
        await using var ws = await Judge.StartAsync("ws", host.GraphQL, EntityQuery, new { keys = new[] { "person:nobody" }, after = "own:0123456789ab:1" });
        var line = await ws.NextAsync(TimeSpan.FromSeconds(20), skipReady: true);
        Assert.Contains("KG_SUBSCRIPTION_RESUME_EXPIRED", line.ToString(), StringComparison.Ordinal);
    }
}
