using System.Runtime.InteropServices;

namespace KnowledgeGraph.Cypher.Import;

/// <summary>
/// The node ids of one id group during an import: id text → node id, looked up by span. Open addressing with linear
/// probing over one array of slots; an id of at most 8 UTF-16 chars (the common case: <c>p12345</c>) is kept inside
/// its slot, so a lookup touches one slot and no string; a longer id keeps a 64-bit hash in the slot and its chars in
/// one shared arena. The hash is not randomised: the input is the operator's own files, not a remote party's.
/// </summary>
internal sealed class ImportIdMap
{
    private const int InlineChars = 8;

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong A;      // chars 0-3 inline, or the hash of a long id
        public ulong B;      // chars 4-7 inline
        public long Node;
        public int Length;   // 0: empty (an empty id is never stored)
        public int Arena;    // start of a long id's chars in _arena
    }

    private Slot[] _slots;
    private char[] _arena = new char[1024];
    private int _arenaLength;

    public ImportIdMap(int expected = 1024)
    {
        var capacity = 16;
        while (capacity < expected * 2) capacity *= 2;
        _slots = new Slot[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The node of <paramref name="id"/>, added (as 0) when absent: <paramref name="exists"/> says which.
    /// The reference is valid until the next add.</summary>
    public ref long GetOrAdd(ReadOnlySpan<char> id, out bool exists)
    {
        if (id.IsEmpty) throw new ArgumentException("An empty id is not stored.", nameof(id));
        if ((Count + 1) * 4 > _slots.Length * 3) Grow();
        var (a, b, hash) = Key(id);
        var mask = _slots.Length - 1;
        for (var i = (int)(hash & (ulong)mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Length == 0)
            {
                slot.A = a;
                slot.B = b;
                slot.Node = 0;
                slot.Length = id.Length;
                if (id.Length > InlineChars) slot.Arena = Store(id);
                Count++;
                exists = false;
                return ref slot.Node;
            }
            if (Matches(in slot, id, a, b))
            {
                exists = true;
                return ref slot.Node;
            }
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> id, out long node)
    {
        if (!id.IsEmpty)
        {
            var (a, b, hash) = Key(id);
            var mask = _slots.Length - 1;
            for (var i = (int)(hash & (ulong)mask); ; i = (i + 1) & mask)
            {
                ref var slot = ref _slots[i];
                if (slot.Length == 0) break;
                if (Matches(in slot, id, a, b))
                {
                    node = slot.Node;
                    return true;
                }
            }
        }
        node = 0;
        return false;
    }

    private bool Matches(in Slot slot, ReadOnlySpan<char> id, ulong a, ulong b) =>
        slot.Length == id.Length && slot.A == a && slot.B == b
        && (id.Length <= InlineChars || _arena.AsSpan(slot.Arena, id.Length).SequenceEqual(id));

    // (A, B, hash): an inline id's chars with a mix of them as hash, or a long id's hash twice over (A) and 0 (B).
    private static (ulong A, ulong B, ulong Hash) Key(ReadOnlySpan<char> id)
    {
        if (id.Length <= InlineChars)
        {
            Span<ulong> words = stackalloc ulong[2];
            words.Clear();
            id.CopyTo(MemoryMarshal.Cast<ulong, char>(words));
            return (words[0], words[1], Mix(words[0] * 0x9E3779B97F4A7C15UL ^ words[1] * 0xC2B2AE3D27D4EB4FUL ^ (ulong)id.Length));
        }
        var hash = 0xCBF29CE484222325UL ^ (ulong)id.Length;
        var bytes = MemoryMarshal.AsBytes(id);
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8) hash = Mix(hash ^ MemoryMarshal.Read<ulong>(bytes[i..]));
        for (; i < bytes.Length; i++) hash = (hash ^ bytes[i]) * 0x100000001B3UL;
        hash = Mix(hash);
        return (hash, 0, hash);
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    private int Store(ReadOnlySpan<char> id)
    {
        if (_arenaLength + id.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + id.Length));
        id.CopyTo(_arena.AsSpan(_arenaLength));
        var start = _arenaLength;
        _arenaLength += id.Length;
        return start;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Length == 0) continue;
            var hash = slot.Length <= InlineChars ? Mix(slot.A * 0x9E3779B97F4A7C15UL ^ slot.B * 0xC2B2AE3D27D4EB4FUL ^ (ulong)slot.Length) : slot.A;
            var i = (int)(hash & (ulong)mask);
            while (_slots[i].Length != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }
}
