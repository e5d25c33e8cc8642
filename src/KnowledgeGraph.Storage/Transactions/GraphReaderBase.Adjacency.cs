using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Transactions;

/// <summary>
/// Expansion: per-node adjacency grouped by (type, direction), so only matching groups are read. Published
/// versions read the packed array directly; the writer's touched nodes read their <see cref="AdjacencyBuilder"/>.
/// </summary>
internal abstract partial class GraphReaderBase
{
    public IEnumerable<RelationshipRecord> GetRelationships(long nodeId, Direction direction, IReadOnlyList<string>? types = null)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var typeTokens = ResolveTypes(v, types);
        if (typeTokens is { Length: 0 }) return [];
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending) return ExpandPending(v, pending, direction, typeTokens);
        return v.Nodes.Get(nodeId).Adjacency is { } packed ? ExpandPacked(v, packed, direction, typeTokens) : [];
    }

    public AdjacencyCursor Adjacency(long nodeId, Direction direction, IReadOnlyList<string>? types = null)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var typeTokens = ResolveTypes(v, types);
        if (typeTokens is { Length: 0 }) return new AdjacencyCursor(null);
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending)
            return new AdjacencyCursor(ExpandPending(v, pending, direction, typeTokens).GetEnumerator());
        return v.Nodes.Get(nodeId).Adjacency is { } packed ? new AdjacencyCursor(v, packed, direction, typeTokens) : new AdjacencyCursor(null);
    }

    public int GetDegree(long nodeId, Direction direction, IReadOnlyList<string>? types = null)
    {
        var v = V;
        if ((ulong)nodeId >= (ulong)v.NextNodeId) throw NodeNotFound(nodeId);
        var typeTokens = ResolveTypes(v, types);
        if (typeTokens is { Length: 0 }) return 0;
        var degree = 0;
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending)
        {
            foreach (var key in pending.Keys)
            {
                if (Wanted(key, direction, typeTokens)) degree += pending.Count(key);
            }

            return degree;
        }

        if (v.Nodes.Get(nodeId).Adjacency is not { } packed) return 0;
        var groups = AdjacencyPacking.GroupCount(packed);
        for (var g = 0; g < groups; g++)
        {
            var header = packed[1 + g];
            if (Wanted(AdjacencyPacking.HeaderKey(header), direction, typeTokens)) degree += AdjacencyPacking.HeaderCount(header);
        }

        return degree;
    }

    /// <summary>All relationships of a node in one direction (used by detach delete).</summary>
    internal static IEnumerable<RelationshipRecord> Expand(GraphVersion v, long nodeId, Direction direction, int[]? typeTokens)
    {
        if (v.PendingAdjacency?.GetValueOrDefault(nodeId) is { } pending) return ExpandPending(v, pending, direction, typeTokens);
        return v.Nodes.Get(nodeId).Adjacency is { } packed ? ExpandPacked(v, packed, direction, typeTokens) : [];
    }

    private static bool Wanted(int key, Direction direction, int[]? typeTokens) =>
        AdjacencyPacking.Matches(key, direction) && (typeTokens is null || Array.IndexOf(typeTokens, AdjacencyPacking.TypeOf(key)) >= 0);

    private static IEnumerable<RelationshipRecord> ExpandPacked(GraphVersion v, long[] packed, Direction direction, int[]? typeTokens)
    {
        var groups = (int)packed[0];
        var offset = 1 + groups;
        for (var g = 0; g < groups; g++)
        {
            var header = packed[1 + g];
            var count = AdjacencyPacking.HeaderCount(header);
            var start = offset;
            offset += count;
            var key = AdjacencyPacking.HeaderKey(header);
            if (!Wanted(key, direction, typeTokens)) continue;
            var typeName = v.TypeTokens.Name(AdjacencyPacking.TypeOf(key));
            for (var i = start; i < start + count; i++)
            {
                var relId = packed[i];
                var rel = v.Rels.Get(relId);
                yield return new RelationshipRecord(relId, typeName, rel.Start, rel.End);
            }
        }
    }

    private static IEnumerable<RelationshipRecord> ExpandPending(GraphVersion v, AdjacencyBuilder pending, Direction direction, int[]? typeTokens)
    {
        // Keys are copied so that relationships of new types added while enumerating cannot break the loop.
        foreach (var key in pending.Keys.ToArray())
        {
            if (!Wanted(key, direction, typeTokens)) continue;
            var typeName = v.TypeTokens.Name(AdjacencyPacking.TypeOf(key));
            foreach (var relId in pending.Ids(key))
            {
                var rel = v.Rels.Get(relId);
                yield return new RelationshipRecord(relId, typeName, rel.Start, rel.End);
            }
        }
    }

    /// <summary>The last type list resolved with every name found: a traversal passes the same list for each of its
    /// expansions. It is recognised by reference and by its names' references (a caller may reuse a list with new
    /// contents). A type's token never changes once it exists, so the entry stays valid; a list with a missing name
    /// is not kept (a write in this transaction may create the type).</summary>
    private sealed record ResolvedTypes(IReadOnlyList<string> List, string[] Names, int[] Tokens)
    {
        public bool Matches(IReadOnlyList<string> types)
        {
            if (!ReferenceEquals(List, types) || types.Count != Names.Length) return false;
            for (var i = 0; i < Names.Length; i++)
                if (!ReferenceEquals(Names[i], types[i])) return false;
            return true;
        }
    }

    private ResolvedTypes? _lastResolved;

    private int[]? ResolveTypes(GraphVersion v, IReadOnlyList<string>? types)
    {
        if (types is null || types.Count < 2) return ResolveTypesOnce(v, types);
        if (_lastResolved is { } last && last.Matches(types)) return last.Tokens;
        var tokens = ResolveTypesOnce(v, types);
        var complete = true;
        foreach (var type in types)
            if (v.TypeToken(type) < 0) complete = false;
        if (complete && tokens is not null) _lastResolved = new ResolvedTypes(types, [.. types], tokens);
        return tokens;
    }

    /// <summary>Null: every type. An empty array: none of the requested types exists.</summary>
    private static int[]? ResolveTypesOnce(GraphVersion v, IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0) return null;
        if (types.Count == 1)
        {
            var token = v.TypeToken(types[0]);
            return token >= 0 ? [token] : [];
        }

        var tokens = new List<int>(types.Count);
        foreach (var type in types)
        {
            var token = v.TypeToken(type);
            if (token >= 0 && !tokens.Contains(token)) tokens.Add(token);
        }

        return tokens.ToArray();
    }
}
