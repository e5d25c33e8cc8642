using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task IdleConnection_Should_BeClosed_When_IdleTimeoutPasses()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:IdleTimeoutSeconds"] = "1" });
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }
}
