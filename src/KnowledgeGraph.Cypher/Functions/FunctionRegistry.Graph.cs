using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Functions;

internal static partial class FunctionRegistry
{
    private static void AddGraph(Dictionary<string, (int, int, Fn)> d)
    {
        d["id"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            NodeValue n => n.Id,
            RelValue r => r.Id,
            _ => throw Err.Type($"id() expects a node or relationship but got {CypherValues.TypeName(a[0])}"),
        });
        d["elementid"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            NodeValue n => c.Reader.NodeElementId(n.Id),
            RelValue r => c.Reader.RelationshipElementId(r.Id),
            _ => throw Err.Type($"elementId() expects a node or relationship but got {CypherValues.TypeName(a[0])}"),
        });
        d["labels"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            // One list of the exact size, copied from the store's shared names of the node's label set (no name
            // array, no enumerator chain). A List<object?> rather than the shared array itself: Output.ToClient
            // hands the engine's own lists to the client as they are, but copies an array and, with it, every map
            // and list around it (labels() mostly ends up in results: `n{.key, __t: labels(n)}`).
            NodeValue n => c.DeletedNodes.Contains(n.Id) ? throw Err.Entity($"Node {n.Id} has been deleted") : new List<object?>(c.Reader.ReadLabelsShared(n.Id)),
            _ => throw Err.Type($"labels() expects a node but got {CypherValues.TypeName(a[0])}"),
        });
        d["type"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            RelValue r => r.Type,
            _ => throw Err.Type($"type() expects a relationship but got {CypherValues.TypeName(a[0])}"),
        });
        d["properties"] = (1, 1, (a, c) => a[0] is null ? null : Output.AllProperties(a[0], c));
        d["keys"] = (1, 1, (a, c) => a[0] is null ? null : Keys(Output.AllProperties(a[0], c)));
        d["startnode"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            RelValue r => new NodeValue(r.Start),
            _ => throw Err.Type($"startNode() expects a relationship but got {CypherValues.TypeName(a[0])}"),
        });
        d["endnode"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            RelValue r => new NodeValue(r.End),
            _ => throw Err.Type($"endNode() expects a relationship but got {CypherValues.TypeName(a[0])}"),
        });
        d["nodes"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            PathValue { NodeValues: { } values } => NodeList(values),
            PathValue p => NodeList(p.Nodes),
            _ => throw Err.Type($"nodes() expects a path but got {CypherValues.TypeName(a[0])}"),
        });
        d["relationships"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            PathValue p => new List<object?>(p.Rels),
            _ => throw Err.Type($"relationships() expects a path but got {CypherValues.TypeName(a[0])}"),
        });
        d["rels"] = d["relationships"];
        d["length"] = (1, 1, (a, c) => a[0] switch
        {
            null => null,
            PathValue p => Boxed.Of(p.Rels.Length),
            string s => Boxed.Of(s.Length),
            IReadOnlyList<object?> l => Boxed.Of(l.Count),
            _ => throw Err.Type($"length() expects a path but got {CypherValues.TypeName(a[0])}"),
        });
        d["timestamp"] = (0, 0, (a, c) => c.StatementTime.ToUnixTimeMilliseconds());
        d["randomuuid"] = (0, 0, (a, c) => Guid.NewGuid().ToString());
        d["valuetype"] = (1, 1, (a, c) => CypherValues.TypeName(a[0]) + (a[0] is null ? "" : " NOT NULL"));
    }

    /// <summary>A path's nodes as values, in one pre-sized list (a path function runs once per row).</summary>
    /// <summary>keys(): the keys in one list of the exact size (no enumerator chain).</summary>
    private static List<object?> Keys(IReadOnlyDictionary<string, object?> map)
    {
        var keys = new List<object?>(map.Count);
        foreach (var (key, _) in map) keys.Add(key);
        return keys;
    }

    private static List<object?> NodeList(NodeValue[] values)
    {
        var list = new List<object?>(values.Length);
        foreach (var value in values) list.Add(value);
        return list;
    }

    private static List<object?> NodeList(long[] ids)
    {
        var list = new List<object?>(ids.Length);
        foreach (var id in ids) list.Add(new NodeValue(id));
        return list;
    }
}
