using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Bolt.Protocol.Messages;

/// <summary>ROUTE: ask for the routing table of a database (the extra map has <c>db</c> and <c>imp_user</c>).</summary>
public sealed record RouteMessage(
    IReadOnlyDictionary<string, object?> Routing,
    IReadOnlyList<string> Bookmarks,
    IReadOnlyDictionary<string, object?> Extra) : IBoltMessage
{
    /// <summary>Signature 0x66.</summary>
    public const byte Sig = 0x66;

    /// <inheritdoc />
    public byte Signature => Sig;

    /// <inheritdoc />
    public void Write(PackStreamWriter writer)
    {
        writer.WriteStructHeader(3, Sig);
        writer.WriteMap(Routing);
        writer.WriteListHeader(Bookmarks.Count);
        foreach (var b in Bookmarks) writer.WriteString(b);
        writer.WriteMap(Extra);
    }

    /// <summary>Reads the message body after its header.</summary>
    public static RouteMessage Read(PackStreamReader reader, int fieldCount)
    {
        MessageFields.ExpectFields(fieldCount, 3, "ROUTE");
        var routing = MessageFields.ReadMap(reader, "ROUTE routing context");
        var bookmarks = reader.ReadValue() is IReadOnlyList<object?> list ? list.OfType<string>().ToList() : [];
        // Bolt 4.3 sent the database name itself as the third field; 4.4+ and 5.x send a map.
        var third = reader.ReadValue();
        var extra = third as IReadOnlyDictionary<string, object?>
            ?? (third is string db ? new Dictionary<string, object?> { ["db"] = db } : MessageFields.Empty);
        return new RouteMessage(routing, bookmarks, extra);
    }
}
