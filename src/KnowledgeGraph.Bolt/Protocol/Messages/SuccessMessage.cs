using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>SUCCESS: the request was processed; metadata depends on the request.</summary>
public sealed record SuccessMessage(IReadOnlyDictionary<string, object?> Metadata) : IBoltMessage
{
    /// <summary>Signature 0x70.</summary>
    public const byte Sig = 0x70;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMap(Metadata);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static SuccessMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "SUCCESS");
        return new SuccessMessage(MessageFields.ReadMap(reader, "Metadata"));
    }
}
