using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Runtime;

/// <summary>
/// The number of a node's relationships of one type and direction that lead to a node with a given label, kept
/// across statements while the snapshot proves it still holds (<see cref="IAdjacencyStamps"/>: same packed
/// adjacency, no node gained or lost the label since). <c>COUNT { (a)-[:T]-&gt;(:L) }</c> on a hub, as GraphQL's
/// <c>totalCount</c> compiles, then costs one lookup instead of a label check per relationship.
/// </summary>
internal static class LabelDegrees
{
    /// <summary>Below this degree nothing is kept (counting again is cheaper than the bookkeeping).</summary>
    internal const int CacheFromDegree = 64;

    private sealed record LabelCount(long Count, long Stamp);

    // Keyed by the packed adjacency array: an entry dies with the snapshot versions that share it.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(Direction, string Type, string Label), LabelCount>> Cache = new();

    /// <summary>The count, or null when the reader cannot prove a cached count valid (a writer): count as usual.</summary>
    public static long? CountToLabel(long node, Direction direction, string type, string label, ExecContext ctx)
    {
        if (ctx.Reader is not IAdjacencyStamps stamps) return null;
        var identity = stamps.AdjacencyIdentity(node);
        if (identity is null) return 0;
        ctx.DbHits++;
        IReadOnlyList<string> types = [type];
        var degree = ctx.Reader.GetDegree(node, direction, types);
        // Below the threshold nothing is kept: count without the stamp and the table.
        if (degree < CacheFromDegree) return Count(node, direction, type, types, label, degree, ctx);
        var stamp = stamps.NodeLabelStamp(label);
        var perNode = Cache.GetOrCreateValue(identity);
        var key = (direction, type, label);
        if (perNode.TryGetValue(key, out var hit) && hit.Stamp == stamp) return hit.Count;
        var count = Count(node, direction, type, types, label, degree, ctx);
        perNode[key] = new LabelCount(count, stamp);
        return count;
    }

    /// <summary>Counts by reading the adjacency and label sets directly when the reader offers it
    /// (<see cref="INeighbourLabelCounts"/>), else relationship by relationship.</summary>
    public static long Count(long node, Direction direction, string type, IReadOnlyList<string> types, string label, long degree, ExecContext ctx)
    {
        if (ctx.Reader is INeighbourLabelCounts counts)
        {
            ctx.DbHits += degree;
            ctx.Work(degree);
            return counts.CountNeighboursWithLabel(node, direction, type, label);
        }
        long count = 0;
        foreach (var r in ctx.Reader.GetRelationships(node, direction, types))
        {
            ctx.Tick();
            ctx.DbHits++;
            if (ctx.Reader.HasLabel(r.OtherNode(node), label)) count++;
        }
        return count;
    }
}
