using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>DISCARD: discard up to <see cref="N"/> records (-1 = all) of result <see cref="Qid"/> (-1 = the last one).</summary>
public sealed record DiscardMessage(long N, long Qid = -1) : IBoltMessage
{
    /// <summary>Signature 0x2F.</summary>
    public const byte Sig = 0x2F;

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
    public static DiscardMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "DISCARD");
        var extra = MessageFields.ReadMap(reader, "DISCARD extra");
        var n = extra.GetLong("n") ?? throw new BoltProtocolException("DISCARD requires an integer n.");
        if (n == 0 || n < -1) throw new BoltProtocolException($"DISCARD n must be -1 or positive, not {n}.");
        return new DiscardMessage(n, extra.GetLong("qid") ?? -1);
    }
}
