using System.Collections;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

public sealed partial class PackStreamWriter
{
    /// <summary>
    /// Writes any value of the Core value model (null, bool, integers, floats, string, byte[], lists, maps,
    /// nodes, relationships, paths, the Cypher temporal types, points). Other CLR types are a programming error.
    /// </summary>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteNull(); break;
            case bool b: WriteBoolean(b); break;
            case long l: WriteInteger(l); break;
            case int i: WriteInteger(i); break;
            case short s: WriteInteger(s); break;
            case sbyte sb: WriteInteger(sb); break;
            case byte ub: WriteInteger(ub); break;
            case ushort us: WriteInteger(us); break;
            case uint ui: WriteInteger(ui); break;
            case double d: WriteFloat(d); break;
            case float f: WriteFloat(f); break;
            case decimal m: WriteFloat((double)m); break;
            case string str: WriteString(str); break;
            case char c: WriteString(c.ToString()); break;
            case byte[] bytes: WriteBytes(bytes); break;
            case ReadOnlyMemory<byte> memory: WriteBytes(memory.Span); break;
            case GraphNode node: WriteNode(node); break;
            case GraphRelationship rel: WriteRelationship(rel); break;
            case GraphPath path: WritePath(path); break;
            case CypherDate date:
                WriteStructHeader(1, StructureSignature.Date);
                WriteInteger(date.EpochDays);
                break;
            case CypherTime time:
                WriteStructHeader(2, StructureSignature.Time);
                WriteInteger(time.NanosOfDay);
                WriteInteger(time.OffsetSeconds);
                break;
            case CypherLocalTime localTime:
                WriteStructHeader(1, StructureSignature.LocalTime);
                WriteInteger(localTime.NanosOfDay);
                break;
            case CypherDateTime dateTime: WriteDateTime(dateTime); break;
            case CypherLocalDateTime ldt:
                WriteStructHeader(2, StructureSignature.LocalDateTime);
                WriteInteger(ldt.EpochSeconds);
                WriteInteger(ldt.Nanos);
                break;
            case CypherDuration duration:
                WriteStructHeader(4, StructureSignature.Duration);
                WriteInteger(duration.Months);
                WriteInteger(duration.Days);
                WriteInteger(duration.Seconds);
                WriteInteger(duration.Nanos);
                break;
            case KnowledgeGraph.Spatial.CypherPoint point when point.Z is { } z:
                WriteStructHeader(4, StructureSignature.Point3D);
                WriteInteger(point.Srid);
                WriteFloat(point.X);
                WriteFloat(point.Y);
                WriteFloat(z);
                break;
            case KnowledgeGraph.Spatial.CypherPoint point:
                WriteStructHeader(3, StructureSignature.Point2D);
                WriteInteger(point.Srid);
                WriteFloat(point.X);
                WriteFloat(point.Y);
                break;
            case PackStreamStructure structure:
                WriteStructHeader(structure.Fields.Count, structure.Signature);
                foreach (var field in structure.Fields) WriteValue(field);
                break;
            case IReadOnlyDictionary<string, object?> map: WriteMap(map); break;
            case IDictionary dictionary: WriteDictionary(dictionary); break;
            case IReadOnlyList<object?> list:
                WriteListHeader(list.Count);
                for (var i = 0; i < list.Count; i++) WriteValue(list[i]);
                break;
            case IEnumerable enumerable when value is not string:
                var items = enumerable.Cast<object?>().ToList();
                WriteListHeader(items.Count);
                foreach (var item in items) WriteValue(item);
                break;
            default:
                throw new PackStreamException($"Values of type {value.GetType().Name} cannot be sent over Bolt.");
        }
    }

    /// <summary>Writes a string-keyed map.</summary>
    public void WriteMap(IReadOnlyDictionary<string, object?> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        WriteMapHeader(map.Count);
        foreach (var (key, item) in map)
        {
            WriteString(key);
            WriteValue(item);
        }
    }

    private void WriteDictionary(IDictionary dictionary)
    {
        WriteMapHeader(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            WriteString(entry.Key as string ?? throw new PackStreamException("Map keys must be strings."));
            WriteValue(entry.Value);
        }
    }

    private void WriteDateTime(CypherDateTime value)
    {
        // Bolt 5 sends zoned datetimes UTC-based: seconds and nanos of the instant, then the offset or zone id.
        if (value.ZoneId is { } zone)
        {
            WriteStructHeader(3, StructureSignature.DateTimeZoneId);
            WriteInteger(value.EpochSeconds);
            WriteInteger(value.Nanos);
            WriteString(zone);
        }
        else
        {
            WriteStructHeader(3, StructureSignature.DateTime);
            WriteInteger(value.EpochSeconds);
            WriteInteger(value.Nanos);
            WriteInteger(value.OffsetSeconds);
        }
    }

    private void WriteNode(GraphNode node)
    {
        WriteStructHeader(4, StructureSignature.Node);
        WriteInteger(node.Id);
        WriteListHeader(node.Labels.Count);
        foreach (var label in node.Labels) WriteString(label);
        WriteMap(node.Properties);
        WriteString(node.ElementId);
    }

    private void WriteRelationship(GraphRelationship rel)
    {
        WriteStructHeader(8, StructureSignature.Relationship);
        WriteInteger(rel.Id);
        WriteInteger(rel.StartNodeId);
        WriteInteger(rel.EndNodeId);
        WriteString(rel.Type);
        WriteMap(rel.Properties);
        WriteString(rel.ElementId);
        WriteString(rel.StartNodeElementId);
        WriteString(rel.EndNodeElementId);
    }

    /// <summary>
    /// A path goes out as its distinct nodes, its distinct relationships without endpoints, and an index
    /// sequence: for each hop, the 1-based relationship index (negated when the hop walks it backwards) and
    /// the 0-based index of the node reached. The first node is implicitly nodes[0].
    /// </summary>
    private void WritePath(GraphPath path)
    {
        var nodes = new List<GraphNode>();
        var nodeIndex = new Dictionary<long, int>();
        foreach (var n in path.Nodes)
        {
            if (nodeIndex.TryAdd(n.Id, nodes.Count)) nodes.Add(n);
        }
        var rels = new List<GraphRelationship>();
        var relIndex = new Dictionary<long, int>();
        foreach (var r in path.Relationships)
        {
            if (relIndex.TryAdd(r.Id, rels.Count)) rels.Add(r);
        }
        // Nodes[0] must be the start: it is, since the start is the first node added.
        WriteStructHeader(3, StructureSignature.Path);
        WriteListHeader(nodes.Count);
        foreach (var n in nodes) WriteNode(n);
        WriteListHeader(rels.Count);
        foreach (var r in rels)
        {
            WriteStructHeader(4, StructureSignature.UnboundRelationship);
            WriteInteger(r.Id);
            WriteString(r.Type);
            WriteMap(r.Properties);
            WriteString(r.ElementId);
        }
        WriteListHeader(path.Relationships.Count * 2);
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            var rel = path.Relationships[i];
            var from = path.Nodes[i];
            var forward = rel.StartNodeId == from.Id;
            var index = relIndex[rel.Id] + 1;
            WriteInteger(forward ? index : -index);
            WriteInteger(nodeIndex[path.Nodes[i + 1].Id]);
        }
    }
}
