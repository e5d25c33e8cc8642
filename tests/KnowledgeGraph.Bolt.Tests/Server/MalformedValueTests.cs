using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Temporal;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>Well-framed requests carrying refused values: a FAILURE for that request, and the connection stays usable.</summary>
public sealed class MalformedValueTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<FailureMessage> AssertRefusedThenUsableAsync(RawBoltClient client, IBoltMessage request)
    {
        await client.SendAsync(request, new PullMessage(-1));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.IsType<IgnoredMessage>(await client.ReceiveAsync());
        Assert.IsType<SuccessMessage>(await client.RequestAsync(ResetMessage.Instance));
        await client.SendAsync(new RunMessage("RETURN 42 AS answer", Maps.Empty, Maps.Empty), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        Assert.Equal(42L, (await client.ReceiveStreamAsync()).Records.Single()[0]);
        return failure;
    }

    [Fact]
    public async Task Duration_Should_FailRequestAndKeepConnection_When_SecondsOverflow()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var failure = await AssertRefusedThenUsableAsync(client, RawMessage.Run("RETURN $p AS d", w =>
        {
            w.WriteStructHeader(4, StructureSignature.Duration);
            w.WriteInteger(0);
            w.WriteInteger(0);
            w.WriteInteger(long.MaxValue);
            w.WriteInteger(999_999_999_999);
        }));
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", failure.Metadata["neo4j_code"]);
    }

    [Fact]
    public async Task Duration_Should_RoundTrip_When_NanosecondsAreLongMax()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await client.SendAsync(RawMessage.Run("RETURN $p AS d", w =>
        {
            w.WriteStructHeader(4, StructureSignature.Duration);
            w.WriteInteger(0);
            w.WriteInteger(0);
            w.WriteInteger(0);
            w.WriteInteger(long.MaxValue);
        }), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        var (records, summary) = await client.ReceiveStreamAsync();
        Assert.IsType<SuccessMessage>(summary);
        Assert.Equal(new CypherDuration(0, 0, 9_223_372_036, 854_775_807), records.Single()[0]);
    }

    [Fact]
    public async Task Date_Should_FailRequestAndKeepConnection_When_BeyondYear999999999()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var failure = await AssertRefusedThenUsableAsync(client, RawMessage.Run("RETURN $p AS d", w =>
        {
            w.WriteStructHeader(1, StructureSignature.Date);
            w.WriteInteger(365_241_780_472);
        }));
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", failure.Metadata["neo4j_code"]);
    }

    [Fact]
    public async Task DeepParameter_Should_FailWithRequestInvalidAndKeepConnection_When_AMillionListsDeep()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var failure = await AssertRefusedThenUsableAsync(client, RawMessage.Run("RETURN $p AS d", w =>
        {
            for (var i = 0; i < 1_000_000; i++) w.WriteListHeader(1);
            w.WriteInteger(1);
        }));
        Assert.Equal("Neo.ClientError.Request.Invalid", failure.Metadata["neo4j_code"]);
        Assert.Contains("256", (string)failure.Metadata["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedValue_Should_CloseConnection_When_SentBeforeLogin()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        await client.SendAsync(new RawMessage(HelloMessage.Sig, w =>
        {
            w.WriteStructHeader(1, HelloMessage.Sig);
            w.WriteMapHeader(1);
            w.WriteString("user_agent");
            for (var i = 0; i < 1000; i++) w.WriteListHeader(1);
            w.WriteInteger(1);
        }));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Request.Invalid", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
    }
}
