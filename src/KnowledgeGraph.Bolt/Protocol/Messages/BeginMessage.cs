using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>BEGIN: open an explicit transaction (bookmarks, tx_timeout, tx_metadata, mode, db, imp_user).</summary>
public sealed record BeginMessage(IReadOnlyDictionary<string, object?> Extra) : IBoltMessage
{
    /// <summary>Signature 0x11.</summary>
    public const byte Sig = 0x11;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMap(Extra);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static BeginMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "BEGIN");
        return new BeginMessage(MessageFields.ReadMap(reader, "Extra"));
    }
}
