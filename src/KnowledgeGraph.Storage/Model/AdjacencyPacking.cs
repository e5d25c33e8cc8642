namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// The packed, immutable adjacency of one node in a single <c>long[]</c>:
/// <c>[G, header_1 .. header_G, ids of group 1, ids of group 2, ...]</c>. Each group holds the relationship ids of
/// one (type, direction); headers are sorted by key and encode <c>key &lt;&lt; 32 | count</c> where
/// <c>key = type * 2 + (incoming ? 1 : 0)</c>. A self-loop sits in both the outgoing and the incoming group.
/// Cost of an expansion is the number of headers plus the ids of the matching groups only.
/// </summary>
internal static class AdjacencyPacking
{
    public const int Outgoing = 0;
    public const int Incoming = 1;

    public static int Key(int type, int direction) => type * 2 + direction;

    public static int GroupCount(long[] packed) => (int)packed[0];

    public static int HeaderKey(long header) => (int)(header >> 32);

    public static int HeaderCount(long header) => (int)(header & 0xFFFFFFFF);

    /// <summary>Finds a group: returns its offset into <paramref name="packed"/> and its length (0 when absent).</summary>
    public static (int Offset, int Count) Find(long[] packed, int key)
    {
        var groups = (int)packed[0];
        var offset = 1 + groups;
        for (var g = 0; g < groups; g++)
        {
            var header = packed[1 + g];
            var count = HeaderCount(header);
            var k = HeaderKey(header);
            if (k == key) return (offset, count);
            if (k > key) break;
            offset += count;
        }

        return (0, 0);
    }

    /// <summary>Packs groups given as (key, ids) sorted by key; empty groups are skipped; null when nothing remains.</summary>
    public static long[]? Pack(IReadOnlyList<(int Key, int Count)> headers, Func<int, IEnumerable<long>> idsOfGroup)
    {
        var groups = 0;
        var total = 0;
        foreach (var (_, count) in headers)
        {
            if (count == 0) continue;
            groups++;
            total += count;
        }

        if (groups == 0) return null;
        var packed = new long[1 + groups + total];
        packed[0] = groups;
        var h = 1;
        var o = 1 + groups;
        for (var i = 0; i < headers.Count; i++)
        {
            var (key, count) = headers[i];
            if (count == 0) continue;
            packed[h++] = ((long)key << 32) | (uint)count;
            var written = 0;
            foreach (var id in idsOfGroup(i))
            {
                packed[o++] = id;
                written++;
            }

            if (written != count) throw new InvalidOperationException("Adjacency group count mismatch.");
        }

        return packed;
    }
}
