namespace KnowledgeGraph.Cypher.Values;

/// <summary>
/// Cypher equivalence, used by DISTINCT, grouping keys and UNION: like equality but null is equivalent to null
/// and NaN to NaN, so it is a true equivalence relation with a matching hash.
/// </summary>
internal sealed class Equivalence : IEqualityComparer<object?>
{
    public static readonly Equivalence Instance = new();

    public new bool Equals(object? a, object? b)
    {
        // Equivalence is reflexive (NaN is equivalent to NaN), so the same object is equivalent to itself: grouping
        // keys that are lists of nodes are usually the very list every row of the group carries.
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        // Grouping on nodes (the common key of a grouped count) compares ids, before any interface test.
        if (a is NodeValue na) return b is NodeValue nb && na.Id == nb.Id;
        if (a is double da && double.IsNaN(da)) return b is double db && double.IsNaN(db);
        switch (a)
        {
            case Dictionary<string, object?> built:
                // The engine's own maps: enumerated through the concrete type (no boxed enumerator per key).
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                if (b is not IReadOnlyDictionary<string, object?> other || built.Count != other.Count) return false;
                foreach (var (k, v) in built)
                    if (!other.TryGetValue(k, out var w) || !Equals(v, w)) return false;
                return true;
            case CompactMap compact:
                // Indexed: no boxed enumerator per key.
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                if (b is not IReadOnlyDictionary<string, object?> otherMap || compact.Count != otherMap.Count) return false;
                for (var i = 0; i < compact.Count; i++)
                    if (!otherMap.TryGetValue(compact.KeyAt(i), out var w) || !Equals(compact.ValueAt(i), w)) return false;
                return true;
            case IReadOnlyDictionary<string, object?> ma:
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                if (b is not IReadOnlyDictionary<string, object?> mb || ma.Count != mb.Count) return false;
                foreach (var (k, v) in ma)
                    if (!mb.TryGetValue(k, out var w) || !Equals(v, w)) return false;
                return true;
            case IReadOnlyList<object?> la when a is not string:
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                if (b is not IReadOnlyList<object?> lb || b is string || la.Count != lb.Count) return false;
                for (var i = 0; i < la.Count; i++)
                    if (!Equals(la[i], lb[i])) return false;
                return true;
        }
        return CypherValues.Equal(a, b) == true;
    }

    public int GetHashCode(object? v)
    {
        switch (v)
        {
            case null: return 0;
            case NodeValue n: return n.Id.GetHashCode();
            case long l: return ((double)l).GetHashCode();
            case double d: return double.IsNaN(d) ? 17 : d.GetHashCode();
            case string s: return s.GetHashCode(StringComparison.Ordinal);
            case Dictionary<string, object?> d:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    var h = 19;
                    foreach (var (k, x) in d) h ^= HashCode.Combine(k.GetHashCode(StringComparison.Ordinal), GetHashCode(x));
                    return h;
                }
            case CompactMap compact:
                {
                    // The same order-independent hash as every other map's, so equal maps hash alike whatever their type.
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    var h = 19;
                    for (var i = 0; i < compact.Count; i++)
                        h ^= HashCode.Combine(compact.KeyAt(i).GetHashCode(StringComparison.Ordinal), GetHashCode(compact.ValueAt(i)));
                    return h;
                }
            case IReadOnlyDictionary<string, object?> m:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    var h = 19;
                    foreach (var (k, x) in m) h ^= HashCode.Combine(k.GetHashCode(StringComparison.Ordinal), GetHashCode(x));
                    return h;
                }
            case IReadOnlyList<object?> list:
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                    // Indexed, not foreach: enumerating through the interface boxes an enumerator per hash.
                    var h = new HashCode();
                    for (var i = 0; i < list.Count; i++) h.Add(GetHashCode(list[i]));
                    return h.ToHashCode();
                }
            case byte[] bytes: return bytes.Length;
            default: return v.GetHashCode();
        }
    }
}

/// <summary>A composite grouping key compared element-wise under <see cref="Equivalence"/>.</summary>
internal sealed class KeyTuple(object?[] values) : IEquatable<KeyTuple>
{
    public object?[] Values { get; } = values;

    public bool Equals(KeyTuple? other)
    {
        if (other is null || other.Values.Length != Values.Length) return false;
        for (var i = 0; i < Values.Length; i++)
            if (!Equivalence.Instance.Equals(Values[i], other.Values[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as KeyTuple);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var v in Values) h.Add(Equivalence.Instance.GetHashCode(v));
        return h.ToHashCode();
    }
}
