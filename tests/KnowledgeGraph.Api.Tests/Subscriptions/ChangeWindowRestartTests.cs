using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// The change window survives a restart of the real API process (killed with SIGKILL, as in a crash): a client
/// resuming with a cursor from before it gets exactly the transactions it missed, a cursor older than the retention
/// is refused, and <c>db.cdc.earliest</c>/<c>db.cdc.current</c> answer as before.
/// </summary>
public sealed class ChangeWindowRestartTests
{
    private const string User = "neo4j";
    private const string Password = "restart-test-password";
    private const string EntityQuery = "subscription($keys: [String!], $after: String) { entityChanged(keys: $keys, after: $after) { sequence cursor changes { operation key } } }";

    private static string[] Arguments =>
    [
        $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false",
        "--GraphQL:Subscriptions:PollInterval=00:00:00.050", "--Graph:ChangeRetention:Transactions=20",
    ];

    private static async Task<ApiProcess> StartAsync(string data)
    {
        var api = ApiProcess.Start(data, Arguments);
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
        return api;
    }

    private static BoltDriver Bolt(ApiProcess api) => new($"bolt://127.0.0.1:{api.BoltPort}", User, Password);

    private static Task CreateAsync(BoltDriver bolt, string key) =>
        bolt.ExecuteQueryAsync("CREATE (:Person {key: $k, name: $k})", new Dictionary<string, object?> { ["k"] = key });

    private static async Task<string> IdAsync(BoltDriver bolt, string procedure) =>
        (string)(await bolt.ExecuteQueryAsync("CALL db.cdc." + procedure + "() YIELD id RETURN id")).Records[0]["id"]!;

    private static string NewKey() => $"person:restart-{Guid.NewGuid():N}"[..23];

    [NodeFact]
    public async Task Resume_Should_GetExactlyTheMissedTransactions_When_TheApiRestartedInBetween()
    {
        using var data = new TempDirectory();
        var keys = new[] { NewKey(), NewKey(), NewKey() };
        string cursor, earliest, current;
        var api = await StartAsync(data.Path);
        try
        {
            await using (var bolt = Bolt(api))
            {
                await using (var ws = await Judge.StartAsync("ws", new Uri(api.BaseAddress, "/graphql"), EntityQuery, new { keys }))
                {
                    await ws.ReadyAsync();
                    await CreateAsync(bolt, keys[0]);
                    cursor = (await ws.NextDataAsync("entityChanged")).GetProperty("cursor").GetString()!;
                }
                // Missed by the client: committed while it was away, then the process dies.
                await CreateAsync(bolt, keys[1]);
                earliest = await IdAsync(bolt, "earliest");
                current = await IdAsync(bolt, "current");
            }
        }
        finally
        {
            await api.KillAsync();
            await api.DisposeAsync();
        }

        api = await StartAsync(data.Path);
        try
        {
            await using var bolt = Bolt(api);
            Assert.Equal(earliest, await IdAsync(bolt, "earliest"));
            Assert.Equal(current, await IdAsync(bolt, "current"));

            await using var resumed = await Judge.StartAsync("ws", new Uri(api.BaseAddress, "/graphql"), EntityQuery, new { keys, after = cursor });
            var missed = await resumed.NextDataAsync("entityChanged");
            Assert.Equal(keys[1], Assert.Single(missed.GetProperty("changes").EnumerateArray()).GetProperty("key").GetString());
            await CreateAsync(bolt, keys[2]);
            var live = await resumed.NextDataAsync("entityChanged");
            Assert.Equal(keys[2], Assert.Single(live.GetProperty("changes").EnumerateArray()).GetProperty("key").GetString());
            Assert.True(live.GetProperty("sequence").GetInt64() > missed.GetProperty("sequence").GetInt64());
            // Each transaction once: nothing else arrives.
            Assert.Equal("timeout", (await resumed.NextAsync(TimeSpan.FromSeconds(1))).GetProperty("type").GetString());
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [NodeFact]
    public async Task Resume_Should_FailExpired_When_TheCursorIsOlderThanTheRetentionAfterARestart()
    {
        using var data = new TempDirectory();
        var key = NewKey();
        string cursor;
        var api = await StartAsync(data.Path);
        try
        {
            await using var bolt = Bolt(api);
            await CreateAsync(bolt, key);
            cursor = await IdAsync(bolt, "current");
            // More transactions than Graph:ChangeRetention:Transactions=20 keeps.
            await bolt.ExecuteQueryAsync("UNWIND range(1, 30) AS i CALL { WITH i CREATE (:Filler {i: i}) } IN TRANSACTIONS OF 1 ROWS");
        }
        finally
        {
            await api.KillAsync();
            await api.DisposeAsync();
        }

        api = await StartAsync(data.Path);
        try
        {
            await using var late = await Judge.StartAsync("ws", new Uri(api.BaseAddress, "/graphql"), EntityQuery, new { keys = new[] { key }, after = cursor });
            var line = await late.NextAsync();
            Assert.True(line.GetProperty("type").GetString() == "error", line.ToString());
            Assert.Equal("KG_SUBSCRIPTION_RESUME_EXPIRED", line.GetProperty("error")[0].GetProperty("extensions").GetProperty("code").GetString());

            // The window after the restart holds the last 20 transactions, as before it.
            await using var bolt = Bolt(api);
            var window = await bolt.ExecuteQueryAsync("CALL db.cdc.earliest() YIELD id CALL db.cdc.query(id, []) YIELD txId RETURN count(DISTINCT txId) AS n");
            Assert.Equal(20L, window.Records[0]["n"]);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
