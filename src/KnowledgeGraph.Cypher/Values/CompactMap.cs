using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeGraph.Cypher.Values;

/// <summary>
/// A Cypher map built by a map literal or map projection whose keys are fixed by the expression: its values (two
/// fields for a map of two keys, the commonest shape, else one array) beside a keys array that every map the same
/// expression builds shares. A <see cref="Dictionary{TKey,TValue}"/>
/// per map (its object, its buckets and entries) was most of the bytes of the maps a <c>paths</c> page hands to the
/// client, one per node and per path; lookups here scan the few keys instead of hashing them.
/// <para>
/// Invariants: the keys are distinct (ordinal) and at most <see cref="MaxKeys"/>, so a scan is as quick as a hash;
/// keys and values have the same length; nobody writes the keys or values after construction (the keys array
/// belongs to the compiled expression, the values to this map), so the map is an immutable value like every engine map.
/// Everything reads it through <see cref="IReadOnlyDictionary{TKey,TValue}"/>, as it reads the engine's
/// dictionaries: equality, hashing and ordering (<see cref="CypherValues"/>, <see cref="Equivalence"/>), the
/// client conversion (handed over as it is when nothing inside needs converting), Bolt's PackStream writer and the
/// GraphQL layer. It enumerates in key order, which is the order the expression wrote its entries, as a dictionary
/// filled in that order enumerates.
/// </para>
/// </summary>
internal abstract class CompactMap : IReadOnlyDictionary<string, object?>
{
    /// <summary>Up to this many keys a scan is no slower than hashing the key; bigger maps stay dictionaries.</summary>
    public const int MaxKeys = 8;

    private readonly string[] _keys;

    private CompactMap(string[] keys) => _keys = keys;

    /// <summary>A map over <paramref name="keys"/> (distinct, shared, never written) and its own <paramref name="values"/>
    /// (as many, never written after this call).</summary>
    public static CompactMap Create(string[] keys, object?[] values) =>
        keys.Length == 2 ? new Pair(keys, values[0], values[1]) : new Spread(keys, values);

    /// <summary>A map of two keys: the values in fields, no array.</summary>
    public static CompactMap Create(string[] keys, object? first, object? second) => new Pair(keys, first, second);

    /// <summary>Whether <paramref name="keys"/> can key compact maps: few enough and distinct (ordinal).</summary>
    public static bool Fits(IReadOnlyList<string> keys)
    {
        if (keys.Count > MaxKeys) return false;
        for (var i = 0; i < keys.Count; i++)
            for (var j = 0; j < i; j++)
                if (string.Equals(keys[i], keys[j], StringComparison.Ordinal)) return false;
        return true;
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values
    {
        get
        {
            var values = new object?[_keys.Length];
            for (var i = 0; i < values.Length; i++) values[i] = ValueAt(i);
            return values;
        }
    }

    /// <summary>The key at <paramref name="index"/> (0 ≤ index &lt; Count), in written order.</summary>
    public string KeyAt(int index) => _keys[index];

    /// <summary>The value at <paramref name="index"/> (0 ≤ index &lt; Count), in written order.</summary>
    public abstract object? ValueAt(int index);

    /// <summary>This map's keys with other values, for a converted copy (the keys array is shared, never written).</summary>
    public CompactMap WithValues(object?[] values) => Create(_keys, values);

    /// <summary>
    /// This map with every value passed through <paramref name="convert"/>: the map itself when no value changes (by
    /// reference), else a copy with the same keys, made from the first value that does.
    /// </summary>
    public CompactMap Convert<TState>(TState state, Func<object?, TState, object?> convert)
    {
        object?[]? values = null;
        for (var i = 0; i < Count; i++)
        {
            var value = ValueAt(i);
            var converted = convert(value, state);
            if (values is null)
            {
                if (ReferenceEquals(converted, value)) continue;
                values = new object?[Count];
                for (var j = 0; j < i; j++) values[j] = ValueAt(j);
            }
            values[i] = converted;
        }
        return values is null ? this : WithValues(values);
    }

    public object? this[string key] => IndexOf(key) is var i and >= 0 ? ValueAt(i) : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }
        value = ValueAt(i);
        return true;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keys = _keys;
        // The same string object first: callers mostly look up with the very literal the expression was written with.
        for (var i = 0; i < keys.Length; i++)
            if (ReferenceEquals(keys[i], key)) return i;
        for (var i = 0; i < keys.Length; i++)
            if (string.Equals(keys[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Entries in written order; a struct, so a loop over the concrete type boxes nothing.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>
    {
        private readonly CompactMap _map;
        private int _index;

        internal Enumerator(CompactMap map)
        {
            _map = map;
            _index = -1;
        }

        public readonly KeyValuePair<string, object?> Current => new(_map._keys[_index], _map.ValueAt(_index));

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _map._keys.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }

    private sealed class Pair(string[] keys, object? first, object? second) : CompactMap(keys)
    {
        public override object? ValueAt(int index) => index switch
        {
            0 => first,
            1 => second,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    private sealed class Spread(string[] keys, object?[] values) : CompactMap(keys)
    {
        public override object? ValueAt(int index) => values[index];
    }
}
