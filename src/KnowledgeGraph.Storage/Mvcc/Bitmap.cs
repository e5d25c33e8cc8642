using System.Numerics;

namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>
/// A persistent bitmap over entity ids (one per label and per relationship type) used for label and type scans.
/// Untouched ranges cost nothing; a scan skips empty leaves and empty words, so its cost is proportional to the id
/// range divided by 64 plus the matches.
/// </summary>
internal static class Bitmap
{
    public static void Set(PagedArray<ulong> bits, long id, bool value)
    {
        ref var word = ref bits.GetMutable(id >> 6);
        var mask = 1UL << (int)(id & 63);
        word = value ? word | mask : word & ~mask;
    }

    public static bool Get(PagedArray<ulong> bits, long id) => (bits.Get(id >> 6) & (1UL << (int)(id & 63))) != 0;

    /// <summary>Ids whose bit is set, ascending, below <paramref name="limit"/>.</summary>
    public static IEnumerable<long> Enumerate(PagedArray<ulong> bits, long limit)
    {
        var leafBits = (long)PagedArray<ulong>.LeafSize * 64;
        var leaves = Math.Min(bits.LeafCapacity, (limit + leafBits - 1) / leafBits);
        for (long leafIndex = 0; leafIndex < leaves; leafIndex++)
        {
            var words = bits.GetLeaf(leafIndex);
            if (words is null) continue;
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                while (word != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    var id = (leafIndex * PagedArray<ulong>.LeafSize + w) * 64 + bit;
                    if (id >= limit) yield break;
                    yield return id;
                }
            }
        }
    }
}
