using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>PULL: stream up to <see cref="N"/> records (-1 = all) of result <see cref="Qid"/> (-1 = the last one).</summary>
public sealed record PullMessage(long N, long Qid = -1) : IBoltMessage
{
    /// <summary>Signature 0x3F.</summary>
    public const byte Sig = 0x3F;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMapHeader(Qid == -1 ? 1 : 2);
        writer.WriteString("n");
        writer.WriteInteger(N);
        if (Qid != -1)
        {
            writer.WriteString("qid");
            writer.WriteInteger(Qid);
        }
    }

    /// <summary>Reads the message body after its header; n must be -1 or positive.</summary>
    public static PullMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "PULL");
        var extra = MessageFields.ReadMap(reader, "PULL extra");
        var n = extra.GetLong("n") ?? throw new BoltProtocolException("PULL requires an integer n.");
        if (n == 0 || n < -1) throw new BoltProtocolException($"PULL n must be -1 or positive, not {n}.");
        return new PullMessage(n, extra.GetLong("qid") ?? -1);
    }
}
