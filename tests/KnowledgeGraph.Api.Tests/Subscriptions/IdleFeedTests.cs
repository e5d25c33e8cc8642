using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// While nobody subscribes, the change feed follows the commit stream's position without reading its events (a bulk
/// load through Cypher must not be decoded a second time for nobody), and a subscriber arriving after many commits —
/// more than the change window keeps — still gets every later transaction. The slow-query log at a threshold of 100 ns lists
/// every statement the engine ran, so the test sees which procedures the feed called.
/// </summary>
public sealed class IdleFeedTests
{
    private const string User = "neo4j";
    private const string Password = "idle-feed-test-password";
    private const string EntityQuery = "subscription($keys: [String!]) { entityChanged(keys: $keys) { sequence cursor changes { operation key } } }";
    private const string EventsRead = "CALL db.cdc.query(";
    private const string PositionRead = "CALL db.cdc.current()";

    [NodeFact]
    public async Task Feed_Should_FollowThePositionOnly_When_NobodySubscribes_And_DeliverLaterCommits_When_SomeoneDoes()
    {
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path,
        [
            $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false",
            "--GraphQL:Subscriptions:PollInterval=00:00:00.050", "--Graph:ChangeRetention:Transactions=20",
            "--Graph:SlowQueryThreshold=00:00:00.0000001",
        ]);
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
        await using var bolt = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);

        // More transactions than the window keeps, with nobody listening.
        await bolt.ExecuteQueryAsync("UNWIND range(1, 30) AS i CALL { WITH i CREATE (:Filler {i: i}) } IN TRANSACTIONS OF 1 ROWS");
        await WaitForAsync(api, () => Count(api.Output, PositionRead) >= 3, "the feed never asked for the current position");
        Assert.Equal(0, Count(api.Output, EventsRead));

        var key = $"person:idle-{Guid.NewGuid():N}"[..20];
        await using var ws = await Judge.StartAsync("ws", new Uri(api.BaseAddress, "/graphql"), EntityQuery, new { keys = new[] { key } });
        await ws.ReadyAsync();
        await bolt.ExecuteQueryAsync("CREATE (:Person {key: $k, name: $k})", new Dictionary<string, object?> { ["k"] = key });
        var created = await ws.NextDataAsync("entityChanged");
        Assert.Equal(key, Assert.Single(created.GetProperty("changes").EnumerateArray()).GetProperty("key").GetString());
        Assert.True(Count(api.Output, EventsRead) > 0, "a subscriber's changes were delivered without reading events?");
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static async Task WaitForAsync(ApiProcess api, Func<bool> condition, string failure)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), failure + "\n" + api.Output[^Math.Min(api.Output.Length, 4000)..]);
    }
}
