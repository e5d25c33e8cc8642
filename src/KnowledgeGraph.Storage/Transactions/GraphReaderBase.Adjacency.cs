using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>Expansion: per-node adjacency grouped by (type, direction), so only matching groups are read.</summary>
internal abstract partial class GraphReaderBase
{
    public IEnumerable<RelationshipRecord> GetRelationships(long nodeId, Direction direction, IReadOnlyList<string>? types = null)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        return Expand(v, nodeId, direction, ResolveTypes(v, types));
    }

    public int GetDegree(long nodeId, Direction direction, IReadOnlyList<string>? types = null)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var typeTokens = ResolveTypes(v, types);
        var degree = 0;
        foreach (var key in Keys(v, nodeId, direction, typeTokens))
        {
            degree += Count(v, nodeId, key);
        }

        if (direction == Direction.Both)
        {
            // A self-loop sits in both groups but counts once.
            foreach (var rel in Expand(v, nodeId, Direction.Incoming, typeTokens))
            {
                if (rel.StartNodeId == nodeId) degree--;
            }
        }

        return degree;
    }

    /// <summary>Relationship ids of one node for a token-level caller (no string work); see <see cref="GetRelationships"/>.</summary>
    internal IEnumerable<RelationshipRecord> Expand(GraphVersion v, long nodeId, Direction direction, int[]? typeTokens)
    {
        if (typeTokens is { Length: 0 }) yield break;
        foreach (var key in Keys(v, nodeId, direction, typeTokens))
        {
            var incoming = (key & 1) == AdjacencyPacking.Incoming;
            foreach (var relId in Ids(v, nodeId, key))
            {
                var rel = v.Rels.Get(relId);
                if (direction == Direction.Both && incoming && rel.Start == nodeId) continue;
                yield return new RelationshipRecord(relId, v.TypeTokens.Name(rel.Type), rel.Start, rel.End);
            }
        }
    }

    /// <summary>Null: every type. An empty array: none of the requested types exists.</summary>
    private static int[]? ResolveTypes(GraphVersion v, IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0) return null;
        var tokens = new List<int>(types.Count);
        foreach (var type in types)
        {
            var token = v.TypeToken(type);
            if (token >= 0 && !tokens.Contains(token)) tokens.Add(token);
        }

        return tokens.ToArray();
    }

    /// <summary>The group keys to visit, ascending (outgoing before incoming within a type).</summary>
    private static List<int> Keys(GraphVersion v, long nodeId, Direction direction, int[]? typeTokens)
    {
        var keys = new List<int>();
        if (typeTokens is { Length: 0 }) return keys;
        var pending = v.PendingAdjacency?.GetValueOrDefault(nodeId);
        IEnumerable<int> present;
        if (pending is not null)
        {
            present = pending.Keys.ToArray();
        }
        else if (v.Nodes.Get(nodeId).Adjacency is { } packed)
        {
            var groups = AdjacencyPacking.GroupCount(packed);
            var list = new int[groups];
            for (var g = 0; g < groups; g++) list[g] = AdjacencyPacking.HeaderKey(packed[1 + g]);
            present = list;
        }
        else
        {
            return keys;
        }

        foreach (var key in present)
        {
            var type = key >> 1;
            var incoming = (key & 1) == AdjacencyPacking.Incoming;
            if (typeTokens is not null && Array.IndexOf(typeTokens, type) < 0) continue;
            if (direction == Direction.Outgoing && incoming) continue;
            if (direction == Direction.Incoming && !incoming) continue;
            keys.Add(key);
        }

        return keys;
    }

    private static int Count(GraphVersion v, long nodeId, int key)
    {
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending) return pending.Count(key);
        return v.Nodes.Get(nodeId).Adjacency is { } packed ? AdjacencyPacking.Find(packed, key).Count : 0;
    }

    private static IEnumerable<long> Ids(GraphVersion v, long nodeId, int key)
    {
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending) return pending.Ids(key);
        if (v.Nodes.Get(nodeId).Adjacency is not { } packed) return [];
        var (offset, count) = AdjacencyPacking.Find(packed, key);
        return new ArraySegment<long>(packed, offset, count);
    }
}
