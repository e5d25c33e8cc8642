using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>HELLO: user agent, routing context, bolt_agent and (5.0 only) the auth fields.</summary>
public sealed record HelloMessage(IReadOnlyDictionary<string, object?> Extra) : IBoltMessage
{
    /// <summary>Signature 0x01.</summary>
    public const byte Sig = 0x01;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMap(Extra);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static HelloMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "HELLO");
        return new HelloMessage(MessageFields.ReadMap(reader, "Extra"));
    }
}
