using System.Collections;
using KnowledgeGraph.Cypher.QueryErrors;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Temporal;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>Conversions between the public value model and engine values, and guarded entity reads.</summary>
internal static partial class Output
{
    // Property reads share the store's list arrays (no copy per read). Safe because nothing in the engine writes into
    // a list value it did not just build: no operator or function casts a value to an array or IList to modify it
    // (they build new lists); results leave through ToClient, which copies every list that is not the engine's own
    // List<object?> (a stored object[] always is copied); writes go through IGraphWriter, which normalises every
    // value into a new array; a host's procedure gets its own copies of list arguments (OwnLists). Byte arrays are
    // still copied by the store (ToClient hands them over as they are).
    public static object? CheckedNodeProperty(long id, string key, ExecContext ctx)
    {
        if (ctx.DeletedNodes.Contains(id)) throw NodeDeleted(id);
        try
        {
            return ctx.Reader.ReadNodePropertyShared(id, key);
        }
        catch (KeyNotFoundException)
        {
            throw NodeDeleted(id);
        }
    }

    public static object? CheckedRelProperty(long id, string key, ExecContext ctx)
    {
        if (ctx.DeletedRels.Contains(id)) throw RelDeleted(id);
        try
        {
            return ctx.Reader.ReadRelationshipPropertyShared(id, key);
        }
        catch (KeyNotFoundException)
        {
            throw RelDeleted(id);
        }
    }

    /// <summary><see cref="CheckedNodeProperty(long, string, ExecContext)"/> with the key's token remembered.</summary>
    public static object? CheckedNodeProperty(long id, TokenName key, ExecContext ctx)
    {
        if (ctx.DeletedNodes.Contains(id)) throw NodeDeleted(id);
        try
        {
            return ctx.Reader.ReadNodePropertyShared(id, key);
        }
        catch (KeyNotFoundException)
        {
            throw NodeDeleted(id);
        }
    }

    /// <summary><see cref="CheckedRelProperty(long, string, ExecContext)"/> with the key's token remembered.</summary>
    public static object? CheckedRelProperty(long id, TokenName key, ExecContext ctx)
    {
        if (ctx.DeletedRels.Contains(id)) throw RelDeleted(id);
        try
        {
            return ctx.Reader.ReadRelationshipPropertyShared(id, key);
        }
        catch (KeyNotFoundException)
        {
            throw RelDeleted(id);
        }
    }

    // A node or relationship this transaction deleted, or one the store no longer has (KeyNotFoundException from the
    // reader), is the same error to the statement.
    private static GraphException NodeDeleted(long id) => Err.Entity($"Node with id {id} has been deleted in this transaction");

    private static GraphException RelDeleted(long id) => Err.Entity($"Relationship with id {id} has been deleted in this transaction");

    public static IReadOnlyDictionary<string, object?> CheckedNodeProps(long id, ExecContext ctx)
    {
        if (ctx.DeletedNodes.Contains(id)) throw NodeDeleted(id);
        try
        {
            return Copy(ctx.Reader.GetNodeProperties(id));
        }
        catch (KeyNotFoundException)
        {
            throw NodeDeleted(id);
        }
    }

    public static IReadOnlyDictionary<string, object?> CheckedRelProps(long id, ExecContext ctx)
    {
        if (ctx.DeletedRels.Contains(id)) throw RelDeleted(id);
        try
        {
            return Copy(ctx.Reader.GetRelationshipProperties(id));
        }
        catch (KeyNotFoundException)
        {
            throw RelDeleted(id);
        }
    }

    /// <summary>The properties of a node, relationship or map (for <c>properties()</c>, <c>keys()</c>, <c>SET +=</c>, map projections).</summary>
    public static IReadOnlyDictionary<string, object?> AllProperties(object? subject, ExecContext ctx)
    {
        switch (subject)
        {
            case NodeValue n:
                ctx.DbHits++;
                return CheckedNodeProps(n.Id, ctx);
            case RelValue r:
                ctx.DbHits++;
                return CheckedRelProps(r.Id, ctx);
            case IReadOnlyDictionary<string, object?> m: return m;
            default: throw Err.Type($"Expected a map, node or relationship but got {CypherValues.TypeName(subject)}");
        }
    }

    private static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object> props)
    {
        var d = new Dictionary<string, object?>(props.Count, StringComparer.Ordinal);
        foreach (var (k, v) in props) d[k] = FromStored(v);
        return d;
    }

    /// <summary>Stored values may be typed arrays/lists; the engine sees IReadOnlyList&lt;object?&gt;.</summary>
    public static object? FromStored(object? v) => v switch
    {
        null or string or long or double or bool => v,
        byte[] => v,
        IReadOnlyList<object?> => v,
        IEnumerable e => e.Cast<object?>().Select(FromStored).ToList(),
        _ => v,
    };

    /// <summary>
    /// Lists and maps deeper than this are refused at the engine's edges (parameters in, results out): every layer
    /// after them (equality, ordering, PackStream, JSON) recurses over values, and a value nested a million deep
    /// would overflow the stack of one of them.
    /// </summary>
    public const int MaxValueDepth = 1000;

    /// <summary>Converts a client-supplied parameter to an engine value (int → long, float → double, ...).</summary>
    public static object? FromClient(object? v) => FromClient(v, 0);

    private static object? FromClient(object? v, int depth) => v switch
    {
        null or string or long or double or bool or byte[] => v,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint ui => (long)ui,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        // Virtual entities (negative ids, built by procedures such as db.schema.visualization) stay as they are:
        // they exist in no store, and ToClient passes them through.
        GraphNode { Id: < 0 } or GraphRelationship { Id: < 0 } => v,
        GraphNode n => new NodeValue(n.Id),
        GraphRelationship r => new RelValue(r.Id, r.Type, r.StartNodeId, r.EndNodeId),
        IReadOnlyDictionary<string, object?> d => MapFromClient(d, depth),
        IDictionary<string, object> d2 => MapFromClient(d2, depth),
        IDictionary d3 => MapFromClient(d3, depth),
        CypherDate or CypherTime or CypherLocalTime or CypherDateTime or CypherLocalDateTime or CypherDuration => v,
        KnowledgeGraph.Spatial.CypherPoint => v,
        DateTimeOffset or DateTime or TimeSpan => v,
        IList l => ListFromClient(l, depth),
        IEnumerable e => ListFromClient(e, depth),
        _ => v,
    };

    // Every statement a host runs copies its parameters here (a GraphQL request's lists and maps, say), every item of
    // them too. No lambda may capture anything in FromClient itself: the compiler would allocate the closure on every
    // call, whichever arm runs (it did: 56 bytes per value, a string included). The copies are loops, so a copy costs
    // its list or map and nothing else. The depth check runs once an item is met, as it did per item: an empty list or
    // map at the limit is still accepted.
    private static Dictionary<string, object?> MapFromClient(IReadOnlyDictionary<string, object?> map, int depth)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        if (map.Count == 0) return copy;
        var inner = Deeper(depth, "parameter");
        if (map is Dictionary<string, object?> concrete)
        {
            foreach (var (key, value) in concrete) copy.Add(key, FromClient(value, inner));
        }
        else
        {
            foreach (var (key, value) in map) copy.Add(key, FromClient(value, inner));
        }
        return copy;
    }

    private static Dictionary<string, object?> MapFromClient(IDictionary<string, object> map, int depth)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        if (map.Count == 0) return copy;
        var inner = Deeper(depth, "parameter");
        foreach (var (key, value) in map) copy.Add(key, FromClient(value, inner));
        return copy;
    }

    private static Dictionary<string, object?> MapFromClient(IDictionary map, int depth)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        if (map.Count == 0) return copy;
        var inner = Deeper(depth, "parameter");
        foreach (var key in map.Keys) copy.Add(key.ToString()!, FromClient(map[key], inner));
        return copy;
    }

    private static List<object?> ListFromClient(IList list, int depth)
    {
        var copy = new List<object?>(list.Count);
        if (list.Count == 0) return copy;
        var inner = Deeper(depth, "parameter");
        for (var i = 0; i < list.Count; i++) copy.Add(FromClient(list[i], inner));
        return copy;
    }

    private static List<object?> ListFromClient(IEnumerable items, int depth)
    {
        var copy = new List<object?>();
        int? inner = null;
        foreach (var item in items) copy.Add(FromClient(item, inner ??= Deeper(depth, "parameter")));
        return copy;
    }

    private static int Deeper(int depth, string what) => depth < MaxValueDepth
        ? depth + 1
        : throw new GraphException(ErrorCodes.ArgumentError, $"A {what} value is nested too deeply (more than {MaxValueDepth} levels of lists and maps)")
        {
            Detail = "ValueTooComplex",
        };

    private static GraphNode Node(long id, ExecContext ctx)
    {
        var reader = ctx.Reader;
        var elementId = SafeElementId(() => reader.NodeElementId(id), id);
        if (ctx.DeletedNodes.Contains(id) || !reader.NodeExists(id))
            return new GraphNode(id, elementId, [], new Dictionary<string, object?>());
        var props = reader.GetNodeProperties(id).ToDictionary(kv => kv.Key, kv => FromStored(kv.Value), StringComparer.Ordinal);
        return new GraphNode(id, elementId, reader.GetLabels(id).ToList(), props);
    }

    private static GraphRelationship Rel(RelValue r, ExecContext ctx)
    {
        var reader = ctx.Reader;
        var elementId = SafeElementId(() => reader.RelationshipElementId(r.Id), r.Id);
        IReadOnlyDictionary<string, object?> props = ctx.DeletedRels.Contains(r.Id) || !reader.RelationshipExists(r.Id)
            ? new Dictionary<string, object?>()
            : reader.GetRelationshipProperties(r.Id).ToDictionary(kv => kv.Key, kv => FromStored(kv.Value), StringComparer.Ordinal);
        return new GraphRelationship(r.Id, elementId, r.Start, SafeElementId(() => reader.NodeElementId(r.Start), r.Start),
            r.End, SafeElementId(() => reader.NodeElementId(r.End), r.End), r.Type, props);
    }

    private static string SafeElementId(Func<string> f, long id)
    {
        try
        {
            return f();
        }
        catch (KeyNotFoundException)
        {
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
