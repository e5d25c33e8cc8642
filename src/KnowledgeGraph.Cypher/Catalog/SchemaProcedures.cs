using System.Collections;
using System.Globalization;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Catalog;

/// <summary>
/// db.schema.visualization, db.schema.nodeTypeProperties and db.schema.relTypeProperties: the schema derived from the
/// data, as Neo4j reports it (one full scan of the snapshot; the knowledge graph is small enough for that).
/// </summary>
internal static class SchemaProcedures
{
    public static IEnumerable<IReadOnlyList<object?>> Visualization(ExecContext c)
    {
        var reader = c.Reader;
        var labels = reader.Labels.Where(l => reader.CountNodes(l) > 0).Order(StringComparer.Ordinal).ToList();
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        long nextId = -1;
        foreach (var label in labels)
        {
            var indexes = reader.Indexes.Where(i => i.Label == label).Select(i => (object?)i.Property).ToList();
            var constraints = reader.Constraints.Where(k => k.Label == label)
                .Select(k => (object?)$"Constraint( id={k.Name}, name='{k.Name}', type='UNIQUENESS', schema=(:{label} {{{k.Property}}}) )").ToList();
            var id = nextId--;
            nodes[label] = new GraphNode(id, id.ToString(CultureInfo.InvariantCulture), [label],
                new Dictionary<string, object?> { ["name"] = label, ["indexes"] = indexes, ["constraints"] = constraints });
        }
        // One virtual relationship per (start label, type, end label) combination seen in the data.
        var seen = new HashSet<(string, string, string)>();
        var rels = new List<object?>();
        foreach (var r in reader.AllRelationships())
        {
            c.Tick();
            foreach (var from in reader.GetLabels(r.StartNodeId))
                foreach (var to in reader.GetLabels(r.EndNodeId))
                {
                    if (!seen.Add((from, r.Type, to))) continue;
                    var id = nextId--;
                    var start = nodes[from];
                    var end = nodes[to];
                    rels.Add(new GraphRelationship(id, id.ToString(CultureInfo.InvariantCulture), start.Id, start.ElementId, end.Id, end.ElementId,
                        r.Type, new Dictionary<string, object?> { ["name"] = r.Type }));
                }
        }
        return [[nodes.Values.Cast<object?>().ToList(), rels]];
    }

    public static IEnumerable<IReadOnlyList<object?>> NodeTypeProperties(ExecContext c)
    {
        var reader = c.Reader;
        var groups = new SortedDictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var id in reader.AllNodes())
        {
            c.Tick();
            var labels = reader.GetLabels(id).Order(StringComparer.Ordinal).ToList();
            if (labels.Count == 0) continue;
            var key = string.Concat(labels.Select(l => ":`" + l.Replace("`", "``", StringComparison.Ordinal) + "`"));
            if (!groups.TryGetValue(key, out var shape)) groups[key] = shape = new Shape(labels);
            shape.Add(reader.GetNodeProperties(id));
        }
        foreach (var (nodeType, shape) in groups)
            foreach (var row in shape.Rows())
                yield return [nodeType, shape.Labels.Cast<object?>().ToList(), row.Name, row.Types, row.Mandatory];
    }

    public static IEnumerable<IReadOnlyList<object?>> RelTypeProperties(ExecContext c)
    {
        var reader = c.Reader;
        var groups = new SortedDictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var r in reader.AllRelationships())
        {
            c.Tick();
            var key = ":`" + r.Type.Replace("`", "``", StringComparison.Ordinal) + "`";
            if (!groups.TryGetValue(key, out var shape)) groups[key] = shape = new Shape([r.Type]);
            shape.Add(reader.GetRelationshipProperties(r.Id));
        }
        foreach (var (relType, shape) in groups)
            foreach (var row in shape.Rows())
                yield return [relType, row.Name, row.Types, row.Mandatory];
    }

    /// <summary>The properties seen on the entities of one node type or relationship type.</summary>
    private sealed class Shape(IReadOnlyList<string> labels)
    {
        private long _count;
        private readonly SortedDictionary<string, (long Count, SortedSet<string> Types)> _properties = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Labels { get; } = labels;

        public void Add(IReadOnlyDictionary<string, object> properties)
        {
            _count++;
            foreach (var (key, value) in properties)
            {
                if (!_properties.TryGetValue(key, out var p)) p = (0, new SortedSet<string>(StringComparer.Ordinal));
                p.Types.Add(TypeName(Output.FromStored(value)));
                _properties[key] = (p.Count + 1, p.Types);
            }
        }

        /// <summary>One row per property; a type without properties still gets one row of nulls, as in Neo4j.</summary>
        public IEnumerable<(string? Name, List<object?>? Types, bool Mandatory)> Rows()
        {
            if (_properties.Count == 0)
            {
                yield return (null, null, false);
                yield break;
            }
            foreach (var (name, p) in _properties)
                yield return (name, p.Types.Cast<object?>().ToList(), p.Count == _count);
        }
    }

    /// <summary>Neo4j's names of stored value types (its Java value classes): String, Long, StringArray, ...</summary>
    public static string TypeName(object? v) => v switch
    {
        string => "String",
        long => "Long",
        double => "Double",
        bool => "Boolean",
        byte[] => "ByteArray",
        CypherDate => "Date",
        CypherDateTime => "DateTime",
        CypherLocalDateTime => "LocalDateTime",
        CypherTime => "Time",
        CypherLocalTime => "LocalTime",
        CypherDuration => "Duration",
        IList list => (list.Count > 0 ? TypeName(list[0]) : "String") + "Array",
        _ => v?.GetType().Name ?? "Null",
    };
}
