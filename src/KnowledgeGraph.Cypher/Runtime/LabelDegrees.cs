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
    /// <summary>The degree from which the ordered-neighbour cache keeps sorted neighbours.</summary>
    internal const int CacheFromDegree = 64;

    /// <summary>Below this degree no count is kept (walking a few relationships is as cheap as the lookup).</summary>
    internal const int CountFromDegree = 8;

    private sealed record LabelCount(Direction Direction, string Type, string Label, long Count, long Stamp);

    /// <summary>The counts kept for one adjacency: replaced whole (copy on write), so readers need no lock; a
    /// lost race only loses a kept count.</summary>
    private sealed class Kept
    {
        public volatile LabelCount[] Counts = [];
    }

    // Keyed by the packed adjacency array: an entry dies with the snapshot versions that share it.
    private static readonly ConditionalWeakTable<object, Kept> Cache = new();

    /// <summary>The count, or null when the reader cannot prove a cached count valid (a writer): count as usual.</summary>
    public static long? CountToLabel(long node, Direction direction, string type, string label, ExecContext ctx)
    {
        if (ctx.Reader is not IAdjacencyStamps stamps) return null;
        var identity = stamps.AdjacencyIdentity(node);
        if (identity is null) return 0;
        ctx.DbHits++;
        IReadOnlyList<string> types = [type];
        var degree = ctx.Reader.GetDegree(node, direction, types);
        if (degree < CountFromDegree) return Count(node, direction, type, types, label, degree, ctx);
        var stamp = stamps.NodeLabelStamp(label);
        var kept = Cache.GetValue(identity, static _ => new Kept());
        var counts = kept.Counts;
        foreach (var c in counts)
            if (c.Direction == direction && c.Type == type && c.Label == label && c.Stamp == stamp) return c.Count;
        var count = Count(node, direction, type, types, label, degree, ctx);
        var next = new List<LabelCount>(counts.Length + 1);
        foreach (var c in counts)
            if (!(c.Direction == direction && c.Type == type && c.Label == label)) next.Add(c);
        next.Add(new LabelCount(direction, type, label, count, stamp));
        kept.Counts = [.. next];
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
        foreach (var r in ctx.Reader.Adjacency(node, direction, types))
        {
            ctx.Tick();
            ctx.DbHits++;
            if (ctx.Reader.HasLabel(r.OtherNode(node), label)) count++;
        }
        return count;
    }
}
