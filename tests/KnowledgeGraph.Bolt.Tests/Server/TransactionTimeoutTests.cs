using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class TransactionTimeoutTests
{
    [Fact]
    public async Task Query_Should_FailWithClientConfiguredTimeout_When_TxTimeoutExceeded()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var driver = new BoltDriver(server.BoltUri, BoltTestServer.User, BoltTestServer.Password);
        await using var session = driver.OpenSession();
        var error = await Assert.ThrowsAnyAsync<GraphException>(async () =>
        {
            var result = await session.RunAsync(
                "UNWIND range(1, 200000000) AS i WITH i WHERE i = -1 RETURN count(i) AS c",
                config: new TransactionConfig { Timeout = TimeSpan.FromMilliseconds(200) });
            await result.ToEagerAsync();
        });
        // A timeout the client set: the engine and the server's own tx_timeout watchdog (whichever fires first) both
        // report it as Neo4j 5 does.
        Assert.Equal(ErrorCodes.TransactionTimedOutClientConfiguration, error.Code);
        // The connection recovers (RESET) and serves the next query.
        Assert.Equal(1L, (await (await session.RunAsync("RETURN 1 AS x")).ToEagerAsync()).Records.Single()["x"]);
    }
}
