using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>GOODBYE: the client is closing the connection; no reply.</summary>
public sealed record GoodbyeMessage : IBoltMessage
{
    /// <summary>Signature 0x02.</summary>
    public const byte Sig = 0x02;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly GoodbyeMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static GoodbyeMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "GOODBYE");
        return Instance;
    }
}
