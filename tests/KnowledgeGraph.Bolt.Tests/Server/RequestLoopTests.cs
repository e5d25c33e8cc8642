using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>
/// The request loop's reads: the peer watch resumes the waiting connection on the thread of the read that brought the
/// bytes (and starts its next read first), and one deadline per connection is re-armed for every wait on the client.
/// Replies wait for the next request's only when a whole request has arrived; anything less is answered at once.
/// </summary>
public sealed class RequestLoopTests
{
    [Fact]
    public async Task PipelinedRequests_Should_BeAnsweredInOrder_When_MoreArriveThanTheReadAheadLimit()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        // ~100 bytes per RUN+PULL: 1,000 of them are more than the server buffers ahead (64 KiB), so the watch has to
        // stop, wait for the loop to consume, and start again, while replies flow back.
        const int count = 1000;
        var padding = new string('x', 48);
        var messages = new List<IBoltMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(new RunMessage("RETURN $i AS i, $pad AS pad", new Dictionary<string, object?> { ["i"] = (long)i, ["pad"] = padding }, Maps.Empty));
            messages.Add(new PullMessage(-1));
        }
        var receiving = Task.Run(async () =>
        {
            var seen = new List<long>();
            for (var i = 0; i < count; i++)
            {
                Assert.IsType<SuccessMessage>(await client.ReceiveAsync(timeoutMs: 30_000));
                var (records, summary) = await client.ReceiveStreamAsync();
                Assert.IsType<SuccessMessage>(summary);
                seen.Add((long)records.Single()[0]!);
            }
            return seen;
        });
        await client.SendAsync([.. messages]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), await receiving);
    }

    [Fact]
    public async Task Connection_Should_StayOpen_When_ItsRequestsSpanMoreThanTheIdleTimeout()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:IdleTimeoutSeconds"] = "2" });
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        // Each pause is well under the 2 s idle timeout, all of them together 2.5 times over it: the deadline is per
        // wait, re-armed at every read, never one that runs from the first request on. (With a 1 s timeout a loaded CI
        // machine once stalled the test's own first request past it.)
        for (var i = 0; i < 10; i++)
        {
            await client.SendAsync(new BeginMessage(Maps.Empty), new RunMessage("RETURN 1 AS one", Maps.Empty, Maps.Empty), new PullMessage(-1));
            Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
            Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
            var (records, _) = await client.ReceiveStreamAsync();
            Assert.Equal(1L, records.Single()[0]);
            await Task.Delay(500);
            Assert.IsType<SuccessMessage>(await client.RequestAsync(CommitMessage.Instance));
        }
        Assert.Equal(1, server.Server.ConnectionCount);
    }

    [Fact]
    public async Task IdleTimeout_Should_CloseConnection_When_ClientGoesQuietAfterRequests()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:IdleTimeoutSeconds"] = "1" });
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        for (var i = 0; i < 5; i++)
        {
            var (records, summary) = await client.RunAsync(new RunMessage("RETURN 1 AS one", Maps.Empty, Maps.Empty));
            Assert.IsType<SuccessMessage>(summary);
            Assert.Single(records);
        }
        Assert.True(await client.IsClosedByServerAsync(timeoutMs: 10_000));
    }

    [Fact]
    public async Task Replies_Should_BeSent_When_OnlyAKeepAliveFollowsTheRequest()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        // BEGIN and a NOOP chunk in one write: the NOOP is not a request, so BEGIN's SUCCESS must not wait for one.
        await client.SendRawAsync([.. Framed(new BeginMessage(Maps.Empty)), 0x00, 0x00]);
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync(timeoutMs: 5_000));
        Assert.IsType<SuccessMessage>(await client.RequestAsync(RollbackMessage.Instance));
    }

    [Fact]
    public async Task Replies_Should_BeSent_When_TheNextRequestHasOnlyPartlyArrived()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var client = await RawBoltClient.ConnectReadyAsync(server.EndPoint);
        var run = Framed(new RunMessage("RETURN 1 AS one", Maps.Empty, Maps.Empty));
        // BEGIN and the first bytes of a RUN: BEGIN is answered without waiting for the rest of the RUN.
        await client.SendRawAsync([.. Framed(new BeginMessage(Maps.Empty)), .. run.AsSpan(0, 5)]);
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync(timeoutMs: 5_000));
        await client.SendRawAsync([.. run.AsSpan(5), .. Framed(new PullMessage(-1))]);
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        var (records, _) = await client.ReceiveStreamAsync();
        Assert.Equal(1L, records.Single()[0]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(CommitMessage.Instance));
    }

    /// <summary>One message as chunked wire bytes (one chunk and the end marker).</summary>
    private static byte[] Framed(IBoltMessage message)
    {
        var packer = new KnowledgeGraph.Bolt.Protocol.PackStream.PackStreamWriter();
        message.Write(packer);
        var body = packer.Written.Span;
        return [(byte)(body.Length >> 8), (byte)body.Length, .. body, 0x00, 0x00];
    }
}
