using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>RUN: a query with parameters; outside a transaction the extra map carries the auto-commit settings.</summary>
public sealed record RunMessage(
    string Query,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyDictionary<string, object?> Extra) : IBoltMessage
{
    /// <summary>Signature 0x10.</summary>
    public const byte Sig = 0x10;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(3, Sig);
        writer.WriteString(Query);
        writer.WriteMap(Parameters);
        writer.WriteMap(Extra);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static RunMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 3, "RUN");
        var query = reader.ReadValue() as string ?? throw new BoltProtocolException("RUN query must be a string.");
        return new RunMessage(query, MessageFields.ReadMap(reader, "RUN parameters"), MessageFields.ReadMap(reader, "RUN extra"));
    }
}
