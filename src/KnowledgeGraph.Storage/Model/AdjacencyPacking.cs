namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// The packed, immutable adjacency of one node in a single <c>long[]</c>:
/// <c>[G, header_1 .. header_G, ids of group 1, ids of group 2, ...]</c>. Each group holds the relationship ids of
/// one (type, direction); headers are sorted by key and encode <c>key &lt;&lt; 32 | count</c> where
/// <c>key = type * 4 + direction</c> and direction is outgoing, incoming or <see cref="Loop"/>: a self-loop is stored
/// once, in its own group, which every direction includes. So degrees are sums of header counts (O(groups)) and an
/// expansion reads the headers plus the ids of the matching groups only.
/// </summary>
internal static class AdjacencyPacking
{
    public const int Outgoing = 0;
    public const int Incoming = 1;
    public const int Loop = 2;

    public static int Key(int type, int direction) => type * 4 + direction;

    public static int TypeOf(int key) => key >> 2;

    public static int DirectionOf(int key) => key & 3;

    /// <summary>The group direction of a relationship as seen from one of its endpoints.</summary>
    public static int DirectionFrom(long nodeId, long start, long end) => start == end ? Loop : nodeId == start ? Outgoing : Incoming;

    /// <summary>Whether a group with this key belongs to an expansion in <paramref name="direction"/>.</summary>
    public static bool Matches(int key, Direction direction) => direction switch
    {
        Direction.Outgoing => DirectionOf(key) != Incoming,
        Direction.Incoming => DirectionOf(key) != Outgoing,
        _ => true,
    };

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
