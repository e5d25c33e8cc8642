using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Cypher.Expressions;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Cypher.Values;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Matching;

/// <summary>
/// A node's relationships of one type and direction, sorted by properties of the far node (each ascending or
/// descending, in Cypher's ORDER BY order; ties by relationship id), kept across statements while the snapshot proves the order still holds:
/// the node's packed adjacency is the same object (no relationship of the node changed) and the sort keys' write
/// stamps are unchanged (no node's sort property was set or removed). A hub's page of 10 then reads about 10
/// neighbours instead of sorting all of them; the first statement after a change pays one sort.
/// </summary>
internal static class OrderedNeighbours
{
    /// <summary>Below this degree the list is sorted per statement and not kept (cheaper than the bookkeeping).</summary>
    internal static int CacheFromDegree => LabelDegrees.CacheFromDegree;

    internal sealed record Sorted(long[] RelIds, long[] Others, string Type, long[] Stamps);

    private sealed class PerNode
    {
        public readonly ConcurrentDictionary<(Direction, string Type, string Keys), Sorted> Orders = new();
    }

    // Keyed by the packed adjacency array: an entry dies with the snapshot versions that share it.
    private static readonly ConditionalWeakTable<object, PerNode> Cache = new();

    /// <summary>
    /// The sorted neighbours of <paramref name="node"/> over relationships of <paramref name="type"/> in
    /// <paramref name="direction"/>, ordered by <paramref name="sortKeys"/> of the far node; null when the reader
    /// cannot prove a cached order valid (a writer), so the caller takes the general path.
    /// </summary>
    public static Sorted? Get(long node, Direction direction, string type, IReadOnlyList<(string Key, bool Descending)> sortKeys, ExecContext ctx)
    {
        if (ctx.Reader is not IAdjacencyStamps stamps) return null;
        var identity = stamps.AdjacencyIdentity(node);
        if (identity is null) return new Sorted([], [], type, []);
        var keyStamps = sortKeys.Select(k => stamps.NodePropertyStamp(k.Key)).ToArray();
        ctx.DbHits++;
        if (ctx.Reader.GetDegree(node, direction, [type]) < CacheFromDegree) return Build(node, direction, type, sortKeys, keyStamps, ctx);
        var cacheKey = (direction, type, string.Join('\u0001', sortKeys.Select(k => (k.Descending ? "-" : "+") + k.Key)));
        var perNode = Cache.GetOrCreateValue(identity);
        if (perNode.Orders.TryGetValue(cacheKey, out var hit) && hit.Stamps.AsSpan().SequenceEqual(keyStamps)) return hit;
        var sorted = Build(node, direction, type, sortKeys, keyStamps, ctx);
        perNode.Orders[cacheKey] = sorted;
        return sorted;
    }

    private static Sorted Build(long node, Direction direction, string type, IReadOnlyList<(string Key, bool Descending)> sortKeys, long[] keyStamps, ExecContext ctx)
    {
        var rels = new List<RelationshipRecord>();
        foreach (var r in ctx.Reader.Adjacency(node, direction, [type]))
        {
            ctx.Tick();
            ctx.DbHits++;
            rels.Add(r);
        }
        var keys = new object?[rels.Count][];
        var reads = sortKeys.Select(k => new PropertyAccess(new Variable(" n"), k.Key)).ToArray();
        for (var i = 0; i < rels.Count; i++)
        {
            ctx.Tick();
            var row = Row.Empty.With(" n", new NodeValue(rels[i].OtherNode(node)));
            var values = new object?[reads.Length];
            for (var k = 0; k < reads.Length; k++) values[k] = Evaluator.Eval(reads[k], row, ctx);
            keys[i] = values;
        }
        var order = Enumerable.Range(0, rels.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < sortKeys.Count; k++)
            {
                var c = CypherValues.OrderCompare(keys[a][k], keys[b][k]);
                if (c != 0) return sortKeys[k].Descending ? -c : c;
            }
            return rels[a].Id.CompareTo(rels[b].Id);
        });
        var relIds = new long[order.Length];
        var others = new long[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            relIds[i] = rels[order[i]].Id;
            others[i] = rels[order[i]].OtherNode(node);
        }
        return new Sorted(relIds, others, type, keyStamps);
    }
}
