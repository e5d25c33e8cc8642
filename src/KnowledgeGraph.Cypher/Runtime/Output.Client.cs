using KnowledgeGraph.Cypher.Memory;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Runtime;

internal static partial class Output
{
    /// <summary>
    /// Converts an engine value to the public value model, snapshotting entities.
    /// <para>
    /// Maps and lists the engine built itself (exactly <see cref="Dictionary{TKey,TValue}"/> of string with ordinal
    /// keys, a <see cref="CompactMap"/>, and <see cref="List{T}"/> of object) are handed over as they are when nothing inside them needs
    /// converting: they already have the client's types, and the engine never changes a map or list once it is a
    /// value (every operator and function builds new ones; parameters and stored properties are copied on the way
    /// in). Copying them again was about a fifth of the bytes of a GraphQL entity statement. Anything else is copied
    /// as before: stored lists (the store's <c>object[]</c>), lazy ranges, other map and list types, and every map or
    /// list on the way to an entity, a path or such a value.
    /// </para>
    /// </summary>
    public static object? ToClient(object? v, ExecContext ctx) => ToClient(v, ctx, 0);

    private static object? ToClient(object? v, ExecContext ctx, int depth)
    {
        switch (v)
        {
            case null or string or long or double or bool or byte[]: return v;
            case NodeValue n: return Node(n.Id, ctx);
            case RelValue r: return Rel(r, ctx);
            case PathValue p: return PathToClient(p, ctx);
            case Dictionary<string, object?> built when IsOrdinal(built.Comparer):
                return MapOrSame(built, ctx, Deeper(depth, "result"));
            case CompactMap compact:
                return compact.Convert((ctx, Depth: Deeper(depth, "result")), static (value, s) => ToClient(value, s.ctx, s.Depth));
            case IReadOnlyDictionary<string, object?> m:
                {
                    var inner = Deeper(depth, "result");
                    var copy = new Dictionary<string, object?>(m.Count, StringComparer.Ordinal);
                    foreach (var (key, value) in m) copy.Add(key, ToClient(value, ctx, inner));
                    return copy;
                }
            case List<object?> built when built.GetType() == typeof(List<object?>):
                return ListOrSame(built, ctx, Deeper(depth, "result"));
            case IReadOnlyList<object?> l:
                {
                    var inner = Deeper(depth, "result");
                    // A lazy range() is materialised here: make sure it fits before building it.
                    if (l is LongRange) ctx.Memory.EnsureRoom(MemoryEstimate.List(l.Count));
                    var list = new List<object?>(l.Count);
                    for (var i = 0; i < l.Count; i++)
                    {
                        ctx.Tick();
                        list.Add(ToClient(l[i], ctx, inner));
                    }
                    return list;
                }
            default: return v;
        }
    }

    // Not inline in ToClient: a lambda capturing its ctx made the compiler allocate the closure on every call, for every
    // value of every result (a string, a long), whichever case ran.
    private static GraphPath PathToClient(PathValue p, ExecContext ctx)
    {
        var nodes = new List<GraphNode>(p.Nodes.Length);
        foreach (var id in p.Nodes) nodes.Add(Node(id, ctx));
        var rels = new List<GraphRelationship>(p.Rels.Length);
        foreach (var r in p.Rels) rels.Add(Rel(r, ctx));
        return new GraphPath(nodes, rels);
    }

    // Ordinal string keys, as every map the engine builds has them (the default comparer is ordinal too).
    private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
        ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, EqualityComparer<string>.Default);

    /// <summary>The map itself when no value changes; otherwise a copy from the first value that does.</summary>
    private static Dictionary<string, object?> MapOrSame(Dictionary<string, object?> map, ExecContext ctx, int depth)
    {
        Dictionary<string, object?>? copy = null;
        var index = 0;
        // A loop over the concrete type: no closures, no boxed enumerator.
        foreach (var (key, value) in map)
        {
            var converted = ToClient(value, ctx, depth);
            if (copy is null && !ReferenceEquals(converted, value))
            {
                copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                var before = 0;
                foreach (var (k, same) in map)
                {
                    if (before++ == index) break;
                    copy.Add(k, same);
                }
            }
            copy?.Add(key, converted);
            index++;
        }
        return copy ?? map;
    }

    /// <summary>The list itself when no item changes; otherwise a copy from the first item that does.</summary>
    private static List<object?> ListOrSame(List<object?> list, ExecContext ctx, int depth)
    {
        List<object?>? copy = null;
        for (var i = 0; i < list.Count; i++)
        {
            ctx.Tick();
            var item = list[i];
            var converted = ToClient(item, ctx, depth);
            if (copy is null && !ReferenceEquals(converted, item))
            {
                copy = new List<object?>(list.Count);
                for (var j = 0; j < i; j++) copy.Add(list[j]);
            }
            copy?.Add(converted);
        }
        return copy ?? list;
    }
}
