using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>
/// <see cref="INeighbourLabelCounts"/>: the same groups <see cref="GetRelationships"/> reads (packed, or the
/// writer's pending adjacency), each other end's label set tested by binary search on the label token; no
/// relationship records, no per-relationship name lookups.
/// </summary>
internal abstract partial class GraphReaderBase : INeighbourLabelCounts
{
    public long CountNeighboursWithLabel(long nodeId, Direction direction, string type, string label)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var typeToken = v.TypeToken(type);
        var labelToken = v.LabelToken(label);
        if (typeToken < 0 || labelToken < 0) return 0;
        long count = 0;
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending)
        {
            foreach (var key in pending.Keys.ToArray())
            {
                if (!AdjacencyPacking.Matches(key, direction) || AdjacencyPacking.TypeOf(key) != typeToken) continue;
                foreach (var relId in pending.Ids(key))
                    if (OtherHasLabel(v, nodeId, relId, labelToken)) count++;
            }
            return count;
        }
        if (v.Nodes.Get(nodeId).Adjacency is not { } packed) return 0;
        var groups = AdjacencyPacking.GroupCount(packed);
        var offset = 1 + groups;
        for (var g = 0; g < groups; g++)
        {
            var header = packed[1 + g];
            var n = AdjacencyPacking.HeaderCount(header);
            var key = AdjacencyPacking.HeaderKey(header);
            if (AdjacencyPacking.Matches(key, direction) && AdjacencyPacking.TypeOf(key) == typeToken)
                for (var i = offset; i < offset + n; i++)
                    if (OtherHasLabel(v, nodeId, packed[i], labelToken)) count++;
            offset += n;
        }
        return count;
    }

    private static bool OtherHasLabel(GraphVersion v, long nodeId, long relId, int labelToken)
    {
        var rel = v.Rels.Get(relId);
        var other = rel.Start == nodeId ? rel.End : rel.Start;
        return Array.BinarySearch(v.LabelsOf(Node(v, other)), labelToken) >= 0;
    }
}
