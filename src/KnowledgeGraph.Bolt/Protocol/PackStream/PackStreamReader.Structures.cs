using System.Buffers.Binary;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Bolt.Protocol.PackStream;

public sealed partial class PackStreamReader
{
    private static readonly IReadOnlyDictionary<string, object?> EmptyMap = new Dictionary<string, object?>();

    private object? ReadStructure(int fieldCount, byte signature, int depth)
    {
        switch (signature)
        {
            case StructureSignature.Node:
                Expect(fieldCount, 3, 4, "Node");
                return ReadNodeFields(fieldCount, depth);
            case StructureSignature.Relationship:
                Expect(fieldCount, 5, 8, "Relationship");
                return ReadRelationshipFields(fieldCount, depth);
            case StructureSignature.UnboundRelationship:
                Expect(fieldCount, 3, 4, "UnboundRelationship");
                return ReadUnboundFields(fieldCount, depth);
            case StructureSignature.Path:
                Expect(fieldCount, 3, 3, "Path");
                return ReadPathFields(depth);
            case StructureSignature.Date:
                Expect(fieldCount, 1, 1, "Date");
                return TemporalRanges.Date(ReadInteger());
            case StructureSignature.Time:
                Expect(fieldCount, 2, 2, "Time");
                return TemporalRanges.Time(ReadInteger(), ReadInteger());
            case StructureSignature.LocalTime:
                Expect(fieldCount, 1, 1, "LocalTime");
                return TemporalRanges.LocalTime(ReadInteger());
            case StructureSignature.DateTime:
            {
                Expect(fieldCount, 3, 3, "DateTime");
                var seconds = ReadInteger();
                var nanos = ReadInteger();
                var offset = ReadInteger();
                return TemporalRanges.DateTime(seconds, nanos, offset);
            }
            case StructureSignature.DateTimeZoneId:
            {
                Expect(fieldCount, 3, 3, "DateTimeZoneId");
                var seconds = ReadInteger();
                var nanos = ReadInteger();
                var zone = ReadString();
                return TemporalRanges.DateTimeInZone(seconds, nanos, zone);
            }
            case StructureSignature.LocalDateTime:
                Expect(fieldCount, 2, 2, "LocalDateTime");
                return TemporalRanges.LocalDateTime(ReadInteger(), ReadInteger());
            case StructureSignature.Duration:
                Expect(fieldCount, 4, 4, "Duration");
                return TemporalRanges.Duration(ReadInteger(), ReadInteger(), ReadInteger(), ReadInteger());
            case StructureSignature.Point2D:
                Expect(fieldCount, 3, 3, "Point2D");
                return ReadPoint(ReadInteger(), ReadFloat(), ReadFloat(), null);
            case StructureSignature.Point3D:
                Expect(fieldCount, 4, 4, "Point3D");
                return ReadPoint(ReadInteger(), ReadFloat(), ReadFloat(), ReadFloat());
            default:
            {
                var fields = new List<object?>(fieldCount);
                for (var i = 0; i < fieldCount; i++) fields.Add(ReadValue(depth + 1));
                return new PackStreamStructure(signature, fields);
            }
        }
    }

    /// <summary>
    /// A point's fields (SRID, x, y[, z]); an SRID Neo4j does not know, or one whose dimension does not match the
    /// structure, fails the request (the message itself was well framed).
    /// </summary>
    private static KnowledgeGraph.Spatial.CypherPoint ReadPoint(long srid, double x, double y, double? z)
    {
        if (srid is < int.MinValue or > int.MaxValue || !KnowledgeGraph.Spatial.CypherPoint.IsKnownSrid((int)srid))
            throw new PackStreamException(KnowledgeGraph.Errors.ErrorCodes.ArgumentError,
                $"Unsupported coordinate reference system SRID {srid}; use 7203, 9157, 4326 or 4979.", messageIntact: true);
        if (KnowledgeGraph.Spatial.CypherPoint.Is3DSrid((int)srid) != z.HasValue)
            throw new PackStreamException(KnowledgeGraph.Errors.ErrorCodes.ArgumentError,
                $"SRID {srid} takes {(z.HasValue ? 2 : 3)} coordinates, not {(z.HasValue ? 3 : 2)}.", messageIntact: true);
        return new KnowledgeGraph.Spatial.CypherPoint((int)srid, x, y, z);
    }

    private double ReadFloat()
    {
        var marker = ReadByte();
        if (marker == PackStreamMarker.Float64) return BinaryPrimitives.ReadDoubleBigEndian(Take(8));
        return TryReadInteger(marker, out var integer)
            ? integer
            : throw new PackStreamException($"Expected a float, found marker 0x{marker:X2}.");
    }

    private static void Expect(int actual, int min, int max, string what)
    {
        if (actual < min || actual > max)
            throw new PackStreamException($"{what} structure with {actual} fields (expected {(min == max ? $"{min}" : $"{min}..{max}")}).");
    }

    private IReadOnlyDictionary<string, object?> ReadPropertyMap(int depth) =>
        ReadValue(depth + 1) as IReadOnlyDictionary<string, object?> ?? throw new PackStreamException("Expected a property map.");

    private GraphNode ReadNodeFields(int fieldCount, int depth)
    {
        var id = ReadInteger();
        if (ReadValue(depth + 1) is not List<object?> labelValues) throw new PackStreamException("Node labels must be a list.");
        var labels = labelValues.Select(l => l as string ?? throw new PackStreamException("Node labels must be strings.")).ToArray();
        var properties = ReadPropertyMap(depth);
        var elementId = fieldCount > 3 ? ReadString() : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GraphNode(id, elementId, labels, properties);
    }

    private GraphRelationship ReadRelationshipFields(int fieldCount, int depth)
    {
        var id = ReadInteger();
        var start = ReadInteger();
        var end = ReadInteger();
        var type = ReadString();
        var properties = ReadPropertyMap(depth);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var elementId = fieldCount > 5 ? ReadString() : id.ToString(inv);
        var startElementId = fieldCount > 6 ? ReadString() : start.ToString(inv);
        var endElementId = fieldCount > 7 ? ReadString() : end.ToString(inv);
        return new GraphRelationship(id, elementId, start, startElementId, end, endElementId, type, properties);
    }

    // An unbound relationship has no endpoints; the path decoder fills them in from the hop direction.
    private GraphRelationship ReadUnboundFields(int fieldCount, int depth)
    {
        var id = ReadInteger();
        var type = ReadString();
        var properties = ReadPropertyMap(depth);
        var elementId = fieldCount > 3 ? ReadString() : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GraphRelationship(id, elementId, -1, "", -1, "", type, properties);
    }

    private GraphPath ReadPathFields(int depth)
    {
        var nodes = (ReadValue(depth + 1) as List<object?> ?? throw new PackStreamException("Path nodes must be a list."))
            .Select(n => n as GraphNode ?? throw new PackStreamException("Path nodes must be Node structures.")).ToList();
        var rels = (ReadValue(depth + 1) as List<object?> ?? throw new PackStreamException("Path relationships must be a list."))
            .Select(r => r as GraphRelationship ?? throw new PackStreamException("Path relationships must be UnboundRelationship structures.")).ToList();
        var indices = (ReadValue(depth + 1) as List<object?> ?? throw new PackStreamException("Path indices must be a list."))
            .Select(i => i is long l ? l : throw new PackStreamException("Path indices must be integers.")).ToList();
        if (nodes.Count == 0 || indices.Count % 2 != 0) throw new PackStreamException("Malformed Path structure.");

        var pathNodes = new List<GraphNode>(indices.Count / 2 + 1) { nodes[0] };
        var pathRels = new List<GraphRelationship>(indices.Count / 2);
        var previous = nodes[0];
        for (var i = 0; i < indices.Count; i += 2)
        {
            var relIndex = indices[i];
            var nodeIndex = indices[i + 1];
            if (relIndex == 0 || Math.Abs(relIndex) > rels.Count || nodeIndex < 0 || nodeIndex >= nodes.Count)
                throw new PackStreamException("Path index out of range.");
            var next = nodes[(int)nodeIndex];
            var unbound = rels[(int)Math.Abs(relIndex) - 1];
            var (start, end) = relIndex > 0 ? (previous, next) : (next, previous);
            pathRels.Add(unbound with
            {
                StartNodeId = start.Id, StartNodeElementId = start.ElementId,
                EndNodeId = end.Id, EndNodeElementId = end.ElementId,
            });
            pathNodes.Add(next);
            previous = next;
        }
        return new GraphPath(pathNodes, pathRels);
    }
}
