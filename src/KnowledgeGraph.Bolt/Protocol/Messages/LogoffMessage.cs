using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>LOGOFF (5.1+): forget the authenticated user and return to AUTHENTICATION.</summary>
public sealed record LogoffMessage : IBoltMessage
{
    /// <summary>Signature 0x6B.</summary>
    public const byte Sig = 0x6B;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly LogoffMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static LogoffMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "LOGOFF");
        return Instance;
    }
}
