using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage.Bulk;

/// <summary>
/// Builds packed adjacency for many relationships at once (bulk load, checkpoint load) in CSR fashion: count
/// entries per node, lay them out in one flat array, sort each node's slice by (group key, relationship id) and pack
/// it. Linear in the relationships plus a small sort per node; no per-relationship objects.
/// </summary>
internal static class BulkAdjacency
{
    private const int IdBits = 40;
    private const long IdMask = (1L << IdBits) - 1;

    /// <summary>Adds relationships with ids in [<paramref name="fromRelId"/>, NextRelId) to their nodes' adjacency.</summary>
    public static void Build(GraphVersion v, long fromRelId)
    {
        var nodeCount = v.NextNodeId;
        if (v.NextRelId >= 1L << IdBits) throw new InvalidOperationException("Too many relationships for the bulk adjacency layout.");
        var degree = new int[nodeCount];
        var any = false;
        ForEachNew(v, fromRelId, (_, rel) =>
        {
            degree[rel.Start]++;
            if (rel.End != rel.Start) degree[rel.End]++;
            any = true;
        });
        if (!any) return;

        // Existing adjacency of touched nodes is merged in.
        for (long node = 0; node < nodeCount; node++)
        {
            if (degree[node] > 0 && v.Nodes.Get(node).Adjacency is { } packed) degree[node] += packed.Length - 1 - (int)packed[0];
        }

        var offsets = new long[nodeCount + 1];
        for (long node = 0; node < nodeCount; node++) offsets[node + 1] = offsets[node] + degree[node];
        var flat = new long[offsets[nodeCount]];
        var fill = new long[nodeCount];
        Array.Copy(offsets, fill, nodeCount);
        for (long node = 0; node < nodeCount; node++)
        {
            if (degree[node] == 0 || v.Nodes.Get(node).Adjacency is not { } packed) continue;
            var groups = (int)packed[0];
            var o = 1 + groups;
            for (var g = 0; g < groups; g++)
            {
                var key = (long)AdjacencyPacking.HeaderKey(packed[1 + g]);
                var count = AdjacencyPacking.HeaderCount(packed[1 + g]);
                for (var i = 0; i < count; i++) flat[fill[node]++] = (key << IdBits) | packed[o + i];
                o += count;
            }
        }

        ForEachNew(v, fromRelId, (id, rel) =>
        {
            if (rel.Start == rel.End)
            {
                flat[fill[rel.Start]++] = ((long)AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Loop) << IdBits) | id;
                return;
            }

            flat[fill[rel.Start]++] = ((long)AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Outgoing) << IdBits) | id;
            flat[fill[rel.End]++] = ((long)AdjacencyPacking.Key(rel.Type, AdjacencyPacking.Incoming) << IdBits) | id;
        });

        for (long node = 0; node < nodeCount; node++)
        {
            if (degree[node] == 0) continue;
            var slice = flat.AsSpan((int)offsets[node], degree[node]);
            slice.Sort();
            v.Nodes.GetMutable(node).Adjacency = Pack(slice);
        }
    }

    private static long[] Pack(ReadOnlySpan<long> sorted)
    {
        var groups = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] >> IdBits != sorted[i - 1] >> IdBits) groups++;
        }

        var packed = new long[1 + groups + sorted.Length];
        packed[0] = groups;
        var h = 1;
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] >> IdBits != sorted[start] >> IdBits)
            {
                packed[h++] = ((sorted[start] >> IdBits) << 32) | (uint)(i - start);
                start = i;
            }
        }

        var o = 1 + groups;
        foreach (var entry in sorted) packed[o++] = entry & IdMask;
        return packed;
    }

    private static void ForEachNew(GraphVersion v, long fromRelId, Action<long, RelEntry> action)
    {
        var limit = v.NextRelId;
        const int leafSize = PagedArray<RelEntry>.LeafSize;
        for (var leaf = fromRelId / leafSize; leaf * leafSize < limit; leaf++)
        {
            var items = v.Rels.GetLeaf(leaf);
            if (items is null) continue;
            for (var i = 0; i < items.Length; i++)
            {
                var id = leaf * leafSize + i;
                if (id < fromRelId || id >= limit || !items[i].Exists) continue;
                action(id, items[i]);
            }
        }
    }
}
