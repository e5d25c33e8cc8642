using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>COMMIT: commit the open explicit transaction; SUCCESS carries the bookmark.</summary>
public sealed record CommitMessage : IBoltMessage
{
    /// <summary>Signature 0x12.</summary>
    public const byte Sig = 0x12;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly CommitMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static CommitMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "COMMIT");
        return Instance;
    }
}
