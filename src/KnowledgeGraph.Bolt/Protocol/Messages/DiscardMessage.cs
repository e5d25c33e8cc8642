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
    public void Write(PackStreamWriter writer) => StreamRequestFields.Write(writer, Sig, N, Qid);

    /// <summary>Reads the message body after its header; n must be -1 or positive.</summary>
    public static DiscardMessage Read(PackStreamReader reader, int fieldCount)
    {
        var (n, qid) = StreamRequestFields.Read(reader, fieldCount, "DISCARD");
        return new DiscardMessage(n, qid);
    }
}
