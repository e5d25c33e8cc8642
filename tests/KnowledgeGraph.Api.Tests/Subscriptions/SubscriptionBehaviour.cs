using System.Text.Json;
using Xunit;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// GraphQL subscriptions end to end: the graphql-ws and graphql-sse npm clients against the real API process, with
/// writes through GraphQL mutations and Cypher over Bolt. Run on the embedded engine and on the Bolt client.
/// </summary>
public abstract class SubscriptionBehaviour<THost>(THost host) : IClassFixture<THost> where THost : SubscriptionHost
{
    private const string EntityQuery = "subscription($keys: [String!], $after: String) { entityChanged(keys: $keys, after: $after) { sequence cursor changes { operation key kind after } } }";

    private static string NewKey(string prefix) => $"{prefix}:subs-{Guid.NewGuid():N}"[..(prefix.Length + 14)];

    [NodeFact]
    public async Task Mutation_Should_ReachGraphqlWsAndSseClients_When_EntityIsUpserted()
    {
        var key = NewKey("person");
        await using var ws = await Judge.StartAsync("ws", host.GraphQL, EntityQuery, new { keys = new[] { key } });
        await using var sse = await Judge.StartAsync("sse", host.GraphQL, EntityQuery, new { keys = new[] { key } });
        await ws.ReadyAsync();
        await sse.ReadyAsync();

        await host.MutateAsync("mutation($k: String!) { upsertEntity(input: {kind: \"Person\", key: $k, name: \"Sub Test\"}) { key } }", new { k = key });

        var sequences = new List<long>();
        foreach (var judge in new[] { ws, sse })
        {
            var data = await judge.NextDataAsync("entityChanged");
            var change = Assert.Single(data.GetProperty("changes").EnumerateArray());
            Assert.Equal("CREATED", change.GetProperty("operation").GetString());
            Assert.Equal(key, change.GetProperty("key").GetString());
            Assert.Equal("PERSON", change.GetProperty("kind").GetString());
            Assert.Equal("Sub Test", change.GetProperty("after").GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(data.GetProperty("cursor").GetString()));
            sequences.Add(data.GetProperty("sequence").GetInt64());
        }
        Assert.Equal(sequences[0], sequences[1]);
    }

    [NodeFact]
    public async Task CypherOverBolt_Should_ReachSubscribers_When_Committed_And_NothingWhenRolledBack()
    {
        var a = NewKey("country");
        var b = NewKey("country");
        await host.CypherAsync("CREATE (:Country {key: $a, name: $a}), (:Country {key: $b, name: $b})", new { a, b });
        await using var ws = await Judge.StartAsync("ws", host.GraphQL,
            "subscription($a: String!) { relationshipChanged(between: $a) { sequence changes { operation type from to confidence sources } } }", new { a });
        await ws.ReadyAsync();

        await using (var session = host.Bolt.OpenSession())
        {
            await using var tx = await session.BeginTransactionAsync();
            await (await tx.RunAsync("MATCH (x:Country {key: $a}), (y:Country {key: $b}) CREATE (x)-[:NEGOTIATES_WITH {confidence: 'rumoured'}]->(y)",
                new Dictionary<string, object?> { ["a"] = a, ["b"] = b })).ConsumeAsync();
            await tx.RollbackAsync();
        }
        await host.CypherAsync("MATCH (x:Country {key: $a}), (y:Country {key: $b}) CREATE (x)-[:NEGOTIATES_WITH {confidence: 'confirmed', sources: ['source:test']}]->(y)", new { a, b });

        // The rolled-back write came first: had it published anything, this would be it.
        var data = await ws.NextDataAsync("relationshipChanged");
        var change = Assert.Single(data.GetProperty("changes").EnumerateArray());
        Assert.Equal("CREATED", change.GetProperty("operation").GetString());
        Assert.Equal("NEGOTIATES_WITH", change.GetProperty("type").GetString());
        Assert.Equal(a, change.GetProperty("from").GetString());
        Assert.Equal(b, change.GetProperty("to").GetString());
        Assert.Equal("CONFIRMED", change.GetProperty("confidence").GetString());
        Assert.Equal("source:test", Assert.Single(change.GetProperty("sources").EnumerateArray()).GetString());
    }

    [NodeFact]
    public async Task ConcurrentWriters_Should_ArriveInCommitOrder_WithEachTransactionTogether()
    {
        const int writers = 4, perWriter = 5;
        var keys = Enumerable.Range(0, writers * perWriter * 2).Select(_ => NewKey("organization")).ToArray();
        await using var sse = await Judge.StartAsync("sse", host.GraphQL, EntityQuery, new { keys });
        await sse.ReadyAsync();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var n = (w * perWriter + i) * 2;
                await host.CypherAsync("CREATE (:Organization {key: $k1, name: $k1}), (:Organization {key: $k2, name: $k2})", new { k1 = keys[n], k2 = keys[n + 1] });
            }
        })));

        var last = long.MinValue;
        var seen = new HashSet<string>();
        for (var e = 0; e < writers * perWriter; e++)
        {
            var data = await sse.NextDataAsync("entityChanged");
            Assert.True(data.ValueKind == JsonValueKind.Object, data.ToString());
            var sequence = data.GetProperty("sequence").GetInt64();
            Assert.True(sequence > last, $"sequence {sequence} after {last}");
            last = sequence;
            var changed = data.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
            // Both nodes of one transaction arrive in one event.
            Assert.Equal(2, changed.Count);
            var first = Array.IndexOf(keys, changed[0]);
            Assert.Equal(first / 2, Array.IndexOf(keys, changed[1]) / 2);
            seen.UnionWith(changed);
        }
        Assert.Equal(keys.Length, seen.Count);
    }

    [NodeFact]
    public async Task Resume_Should_SendMissedTransactions_When_AfterIsGiven_And_FailWhenBeyondRetention()
    {
        var key = NewKey("person");
        const string upsert = "mutation($k: String!, $n: String!) { upsertEntity(input: {kind: \"Person\", key: $k, name: $n}) { key } }";
        string cursor;
        await using (var ws = await Judge.StartAsync("ws", host.GraphQL, EntityQuery, new { keys = new[] { key } }))
        {
            await ws.ReadyAsync();
            await host.MutateAsync(upsert, new { k = key, n = "v1" });
            cursor = (await ws.NextDataAsync("entityChanged")).GetProperty("cursor").GetString()!;
        }
        // Disconnected: two more transactions happen.
        await host.MutateAsync(upsert, new { k = key, n = "v2" });
        await host.MutateAsync(upsert, new { k = key, n = "v3" });

        await using (var sse = await Judge.StartAsync("sse", host.GraphQL, EntityQuery, new { keys = new[] { key }, after = cursor }))
        {
            var v2 = await sse.NextDataAsync("entityChanged");
            var v3 = await sse.NextDataAsync("entityChanged");
            Assert.Equal("v2", v2.GetProperty("changes")[0].GetProperty("after").GetProperty("name").GetString());
            Assert.Equal("v3", v3.GetProperty("changes")[0].GetProperty("after").GetProperty("name").GetString());
            Assert.True(v3.GetProperty("sequence").GetInt64() > v2.GetProperty("sequence").GetInt64());
        }

        // More transactions than the retention window (Graph:ChangeRetention:Transactions=40) hold.
        await host.CypherAsync("UNWIND range(1, 50) AS i CALL { WITH i CREATE (:Filler {i: i}) } IN TRANSACTIONS OF 1 ROWS");
        await using var late = await Judge.StartAsync("ws", host.GraphQL, EntityQuery, new { keys = new[] { key }, after = cursor });
        var line = await late.NextAsync();
        Assert.True(line.GetProperty("type").GetString() == "error", line.ToString());
        Assert.Equal("KG_SUBSCRIPTION_RESUME_EXPIRED", line.GetProperty("error")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [NodeFact]
    public async Task SlowConsumer_Should_BeDroppedWithACloseCode_WithoutHarmingOthers()
    {
        const int writes = 80;
        var keys = Enumerable.Range(0, writes).Select(_ => NewKey("organization")).ToArray();
        // The slow consumer subscribes and then stops reading its socket.
        await using var slow = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await slow.InitAsync();
        await slow.SendAsync(new { id = "slow", type = "subscribe", payload = new { query = EntityQuery, variables = new { keys } } });
        await slow.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await slow.ReceiveAsync())?.GetProperty("type").GetString()); // the subscribe was handled
        await using var fast = await Judge.StartAsync("ws", host.GraphQL,
            "subscription($keys: [String!]) { entityChanged(keys: $keys) { sequence changes { key } } }", new { keys }, new { timeoutMs = 60000 });
        await fast.ReadyAsync();

        // 80 transactions of 256 KB each: more than the socket buffers (a few MB) and the 32-message send queue hold.
        var blob = new string('x', 256 * 1024);
        foreach (var k in keys) await host.CypherAsync("CREATE (:Organization {key: $k, name: $k, blob: $blob})", new { k, blob });

        for (var i = 0; i < writes; i++)
        {
            var got = (await fast.NextDataAsync("entityChanged", TimeSpan.FromSeconds(30))).GetProperty("changes")[0].GetProperty("key").GetString();
            Assert.True(keys[i] == got, $"event {i}: expected {keys[i]}, got {got} (write {Array.IndexOf(keys, got)})");
        }

        // Reading again, the slow consumer finds some events and then the close frame.
        Assert.Equal(1008, await slow.ClosedAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Slow consumer", slow.CloseDescription, StringComparison.Ordinal);

        // The drop did not end the others' subscriptions.
        await host.CypherAsync("MATCH (o:Organization {key: $k}) SET o.blob = 'small'", new { k = keys[0] });
        Assert.Equal(keys[0], (await fast.NextDataAsync("entityChanged")).GetProperty("changes")[0].GetProperty("key").GetString());
    }

    [NodeFact]
    public async Task PathsChanged_Should_SendNewResult_Only_When_ACommitChangesIt()
    {
        var a = NewKey("person");
        var b = NewKey("person");
        await host.CypherAsync("CREATE (:Person {key: $a, name: $a}), (:Person {key: $b, name: $b})", new { a, b });
        await using var ws = await Judge.StartAsync("ws", host.GraphQL,
            "subscription($a: String!, $b: String!) { pathsChanged(from: $a, to: $b) { sequence paths { totalCount nodes { length } } changes { type operation } } }", new { a, b });
        var first = await ws.NextDataAsync("pathsChanged", TimeSpan.FromSeconds(30));
        Assert.Equal(0, first.GetProperty("paths").GetProperty("totalCount").GetInt32());

        // Touches an endpoint but leaves the result as it is: re-evaluated, nothing sent.
        await host.CypherAsync("MATCH (x:Person {key: $a}) SET x.description = 'changed'", new { a });
        Assert.Equal("timeout", (await ws.NextAsync(TimeSpan.FromSeconds(1))).GetProperty("type").GetString());
        await host.CypherAsync("MATCH (x:Person {key: $a}), (y:Person {key: $b}) CREATE (x)-[:NEGOTIATES_WITH {confidence: 'confirmed', tier: 'reported', sources: ['source:test'], independentSources: 1}]->(y)", new { a, b });

        var second = await ws.NextDataAsync("pathsChanged", TimeSpan.FromSeconds(30));
        Assert.Equal(1, second.GetProperty("paths").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, second.GetProperty("paths").GetProperty("nodes")[0].GetProperty("length").GetInt32());
        var change = Assert.Single(second.GetProperty("changes").EnumerateArray());
        Assert.Equal("NEGOTIATES_WITH", change.GetProperty("type").GetString());
        Assert.True(second.GetProperty("sequence").GetInt64() > first.GetProperty("sequence").GetInt64());
    }
}

/// <summary>On the embedded engine.</summary>
public sealed class SubscriptionTests(EmbeddedSubscriptionHost host) : SubscriptionBehaviour<EmbeddedSubscriptionHost>(host);

/// <summary>With the API on the Bolt client (<c>Graph:Provider=neo4j</c>) against a second instance.</summary>
public sealed class SubscriptionOverBoltTests(BoltSubscriptionHost host) : SubscriptionBehaviour<BoltSubscriptionHost>(host);
