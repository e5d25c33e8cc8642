using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>TELEMETRY (5.4+): which driver API the client used (0 managed tx, 1 explicit tx, 2 implicit, 3 executeQuery).</summary>
public sealed record TelemetryMessage(long Api) : IBoltMessage
{
    /// <summary>Signature 0x54.</summary>
    public const byte Sig = 0x54;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(1, Sig);
        writer.WriteInteger(Api);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static TelemetryMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 1, "TELEMETRY");
        return new TelemetryMessage(reader.ReadInteger());
    }
}
