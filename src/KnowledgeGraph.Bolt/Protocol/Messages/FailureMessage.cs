using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>FAILURE: the request failed; metadata has the code (neo4j_code from 5.7), message and, from 5.7, gql_status and description.</summary>
public sealed record FailureMessage(IReadOnlyDictionary<string, object?> Metadata) : IBoltMessage
{
    /// <summary>Signature 0x7F.</summary>
    public const byte Sig = 0x7F;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteMap(Metadata);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static FailureMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "FAILURE");
        return new FailureMessage(MessageFields.ReadMap(reader, "Metadata"));
    }
}
