using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class ShowTransactionsTests
{
    [Fact]
    public async Task ShowTransactions_Should_NameTheBoltConnectionAndUser_When_RunOverBolt()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var driver = new BoltDriver(server.BoltUri, BoltTestServer.User, BoltTestServer.Password);
        await using var session = driver.OpenSession();

        var result = await (await session.RunAsync(
            "SHOW TRANSACTIONS YIELD connectionId, clientAddress, username, currentQuery, protocol " +
            "WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN connectionId, clientAddress, username, protocol")).ToEagerAsync();

        var row = Assert.Single(result.Records);
        Assert.StartsWith("bolt-", (string)row["connectionId"]!, StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.1:", (string)row["clientAddress"]!, StringComparison.Ordinal);
        Assert.Equal(BoltTestServer.User, row["username"]);
        Assert.Equal("bolt", row["protocol"]);
    }
}
