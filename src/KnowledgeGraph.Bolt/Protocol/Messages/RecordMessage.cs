using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>RECORD: one result row, values in the order of the RUN SUCCESS <c>fields</c>.</summary>
public sealed record RecordMessage(IReadOnlyList<object?> Fields) : IBoltMessage
{
    /// <summary>Signature 0x71.</summary>
    public const byte Sig = 0x71;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteListHeader(Fields.Count);
        for (var i = 0; i < Fields.Count; i++) writer.WriteValue(Fields[i]);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static RecordMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "RECORD");
        return new RecordMessage(reader.ReadValue() as IReadOnlyList<object?> ?? throw new BoltProtocolException("RECORD data must be a list."));
    }
}
