using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>RESET: abandon any result and transaction, leave FAILED, return to READY.</summary>
public sealed record ResetMessage : IBoltMessage
{
    /// <summary>Signature 0x0F.</summary>
    public const byte Sig = 0x0F;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly ResetMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static ResetMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "RESET");
        return Instance;
    }
}
