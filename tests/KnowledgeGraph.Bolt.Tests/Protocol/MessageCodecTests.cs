using Xunit;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Tests.Protocol;

public sealed class MessageCodecTests
{
    private static byte[] Encode(IBoltMessage message)
    {
        var writer = new PackStreamWriter();
        message.Write(writer);
        return writer.Written.ToArray();
    }

    public static TheoryData<IBoltMessage> Requests() => new()
    {
        new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "t/1", ["routing"] = new Dictionary<string, object?> { ["address"] = "h:1" } }),
        new LogonMessage(new Dictionary<string, object?> { ["scheme"] = "basic", ["principal"] = "u", ["credentials"] = "p" }),
        LogoffMessage.Instance, GoodbyeMessage.Instance, ResetMessage.Instance, CommitMessage.Instance, RollbackMessage.Instance,
        new RunMessage("RETURN $x", new Dictionary<string, object?> { ["x"] = 1L }, new Dictionary<string, object?> { ["db"] = "neo4j" }),
        new PullMessage(1000), new PullMessage(-1, 3), new DiscardMessage(-1), new DiscardMessage(5, 0),
        new BeginMessage(new Dictionary<string, object?> { ["tx_timeout"] = 500L }),
        new RouteMessage(new Dictionary<string, object?> { ["address"] = "h:1" }, ["bm"], new Dictionary<string, object?> { ["db"] = null }),
        new TelemetryMessage(2),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_Should_RoundTrip_When_Encoded(IBoltMessage message)
    {
        var back = BoltMessageCodec.ReadRequest(Encode(message));
        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(Encode(message), Encode(back));
    }

    [Fact]
    public void Responses_Should_RoundTrip_When_Encoded()
    {
        var record = (RecordMessage)BoltMessageCodec.ReadResponse(Encode(new RecordMessage([1L, "a"])));
        Assert.Equal([1L, "a"], record.Fields);
        var success = (SuccessMessage)BoltMessageCodec.ReadResponse(Encode(new SuccessMessage(new Dictionary<string, object?> { ["has_more"] = true })));
        Assert.Equal(true, success.Metadata["has_more"]);
        var failure = (FailureMessage)BoltMessageCodec.ReadResponse(Encode(new FailureMessage(new Dictionary<string, object?> { ["code"] = "C" })));
        Assert.Equal("C", failure.Metadata["code"]);
        Assert.IsType<IgnoredMessage>(BoltMessageCodec.ReadResponse(Encode(IgnoredMessage.Instance)));
    }

    [Fact]
    public void Request_Should_BeRejected_When_SignatureUnknown()
    {
        Assert.Throws<BoltProtocolException>(() => BoltMessageCodec.ReadRequest(new byte[] { 0xB0, 0x55 }));
    }

    [Fact]
    public void Request_Should_BeRejected_When_FieldCountWrong()
    {
        Assert.Throws<BoltProtocolException>(() => BoltMessageCodec.ReadRequest(new byte[] { 0xB1, RunMessage.Sig, 0x80 }));
        Assert.Throws<BoltProtocolException>(() => BoltMessageCodec.ReadRequest(new byte[] { 0xB1, PullMessage.Sig, 0xA1, 0x81, 0x6E, 0x00 })); // n = 0
    }
}
