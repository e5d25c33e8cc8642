using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>IGNORED: the request was not processed (the connection is FAILED or was interrupted).</summary>
public sealed record IgnoredMessage : IBoltMessage
{
    /// <summary>Signature 0x7E.</summary>
    public const byte Sig = 0x7E;

    /// <summary>The one instance (the message has no fields).</summary>
    public static readonly IgnoredMessage Instance = new();

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer) => writer.WriteStructHeader(0, Sig);

    /// <summary>Reads the message body after its header.</summary>
    public static IgnoredMessage Read(int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 0, "IGNORED");
        return Instance;
    }
}
