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
    public void Write(PackStreamWriter writer) => StreamRequestFields.Write(writer, Sig, N, Qid);

    /// <summary>Reads the message body after its header; n must be -1 or positive.</summary>
    public static PullMessage Read(PackStreamReader reader, int fieldCount)
    {
        var (n, qid) = StreamRequestFields.Read(reader, fieldCount, "PULL");
        return new PullMessage(n, qid);
    }
}
