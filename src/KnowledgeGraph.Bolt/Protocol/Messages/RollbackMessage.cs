using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>ROLLBACK: roll back the open explicit transaction.</summary>
public sealed record RollbackMessage : IBoltMessage
{
    /// <summary>Signature 0x13.</summary>
    public const byte Sig = 0x13;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly RollbackMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static RollbackMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "ROLLBACK");
        return Instance;
    }
}
