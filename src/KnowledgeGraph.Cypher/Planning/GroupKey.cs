using KnowledgeGraph.Cypher.Values;

namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// A grouping key without an object of its own: the key values are read from <see cref="Values"/>, either directly
/// (a probe holding exactly the keys, <see cref="Slots"/> null) or at <see cref="Slots"/> (a group's output row, whose
/// key slots hold the group's key). Compared element-wise under Cypher equivalence (<see cref="Equivalence"/>: 1 and
/// 1.0 group together, null with null, NaN with NaN), hashed as <see cref="KeyTuple"/> hashes. Invariant: a stored
/// key's values are never written again while the dictionary holding it is in use.
/// </summary>
internal readonly struct GroupKey(object?[] values, int[]? slots)
{
    public object?[] Values { get; } = values;

    public int[]? Slots { get; } = slots;

    public int Count => Slots?.Length ?? Values.Length;

    public object? this[int i] => Slots is null ? Values[i] : Values[Slots[i]];

    public static IEqualityComparer<GroupKey> Comparer { get; } = new KeyComparer();

    private sealed class KeyComparer : IEqualityComparer<GroupKey>
    {
        public bool Equals(GroupKey a, GroupKey b)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
                if (!Equivalence.Instance.Equals(a[i], b[i])) return false;
            return true;
        }

        public int GetHashCode(GroupKey key)
        {
            var h = new HashCode();
            for (var i = 0; i < key.Count; i++) h.Add(Equivalence.Instance.GetHashCode(key[i]));
            return h.ToHashCode();
        }
    }
}
