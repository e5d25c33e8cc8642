namespace KnowledgeGraph.Storage.Mvcc;

/// <summary>
/// A persistent (copy-on-write) array of structs indexed by a 64-bit id: a top array of mids, each mid holding
/// <see cref="MidSize"/> leaves of <see cref="LeafSize"/> slots. Every page records the write generation that
/// created it; a writer with generation <c>g</c> mutates pages stamped <c>g</c> in place and copies any other page
/// (and the path above it) first. Versions published to readers are therefore never mutated: a reader holding a
/// version sees exactly the slots of that version without locks. Absent pages read as <c>default</c>.
/// </summary>
internal sealed class PagedArray<T>
{
    public const int LeafBits = 7;
    public const int LeafSize = 1 << LeafBits;
    public const int MidBits = 8;
    public const int MidSize = 1 << MidBits;
    private const int LeafMask = LeafSize - 1;
    private const int MidMask = MidSize - 1;

    private Mid?[] _top;
    private bool _topOwned;

    public PagedArray(long owner)
    {
        Owner = owner;
        _top = [];
        _topOwned = true;
    }

    private PagedArray(Mid?[] top, long owner)
    {
        Owner = owner;
        _top = top;
        _topOwned = false;
    }

    /// <summary>The write generation allowed to mutate this instance.</summary>
    public long Owner { get; }

    /// <summary>Number of leaves addressable without growing (leaf indexes beyond it read as empty).</summary>
    public long LeafCapacity => (long)_top.Length * MidSize;

    /// <summary>A new instance sharing every page, mutable by <paramref name="owner"/> through copy-on-write.</summary>
    public PagedArray<T> Fork(long owner) => new(_top, owner);

    public T Get(long index)
    {
        var top = _top;
        var midIndex = index >> (LeafBits + MidBits);
        if ((ulong)midIndex >= (ulong)top.Length) return default!;
        var leaf = top[midIndex]?.Leaves[(index >> LeafBits) & MidMask];
        return leaf is null ? default! : leaf.Items[index & LeafMask];
    }

    /// <summary>The slots of one leaf, or null when the leaf was never written.</summary>
    public T[]? GetLeaf(long leafIndex)
    {
        var top = _top;
        var midIndex = leafIndex >> MidBits;
        if ((ulong)midIndex >= (ulong)top.Length) return null;
        return top[midIndex]?.Leaves[leafIndex & MidMask]?.Items;
    }

    /// <summary>A writable reference to a slot; copies pages not yet owned by <see cref="Owner"/>.</summary>
    public ref T GetMutable(long index)
    {
        var midIndex = (int)(index >> (LeafBits + MidBits));
        if (midIndex >= _top.Length || !_topOwned)
        {
            var length = _top.Length;
            if (midIndex >= length)
            {
                length = Math.Max(Math.Max(4, length * 2), midIndex + 1);
            }

            var newTop = new Mid?[length];
            Array.Copy(_top, newTop, _top.Length);
            _top = newTop;
            _topOwned = true;
        }

        var mid = _top[midIndex];
        if (mid is null)
        {
            mid = new Mid(Owner);
            _top[midIndex] = mid;
        }
        else if (mid.Owner != Owner)
        {
            mid = mid.Copy(Owner);
            _top[midIndex] = mid;
        }

        var leafSlot = (int)((index >> LeafBits) & MidMask);
        var leaf = mid.Leaves[leafSlot];
        if (leaf is null)
        {
            leaf = new Leaf(Owner);
            mid.Leaves[leafSlot] = leaf;
        }
        else if (leaf.Owner != Owner)
        {
            leaf = leaf.Copy(Owner);
            mid.Leaves[leafSlot] = leaf;
        }

        return ref leaf.Items[index & LeafMask];
    }

    public void Set(long index, T value) => GetMutable(index) = value;

    private sealed class Leaf(long owner)
    {
        public readonly T[] Items = new T[LeafSize];
        public readonly long Owner = owner;

        public Leaf Copy(long owner)
        {
            var copy = new Leaf(owner);
            Array.Copy(Items, copy.Items, LeafSize);
            return copy;
        }
    }

    private sealed class Mid(long owner)
    {
        public readonly Leaf?[] Leaves = new Leaf?[MidSize];
        public readonly long Owner = owner;

        public Mid Copy(long owner)
        {
            var copy = new Mid(owner);
            Array.Copy(Leaves, copy.Leaves, MidSize);
            return copy;
        }
    }
}
