using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>LOGON (5.1+): the auth token (scheme, principal, credentials).</summary>
public sealed record LogonMessage(IReadOnlyDictionary<string, object?> Auth) : IBoltMessage
{
    /// <summary>Signature 0x6A.</summary>
    public const byte Sig = 0x6A;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMap(Auth);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static LogonMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "LOGON");
        return new LogonMessage(MessageFields.ReadMap(reader, "Auth"));
    }
}
