namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// Names of labels, relationship types or property keys mapped to dense ids. A table belongs to one version;
/// a writer that needs a new token copies the table first (tokens are few and new ones are rare), so readers
/// always see an immutable table.
/// </summary>
internal sealed class TokenTable
{
    private readonly List<string> _names;
    private readonly Dictionary<string, int> _ids;

    public TokenTable(long owner)
    {
        Owner = owner;
        _names = [];
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    private TokenTable(TokenTable source, long owner)
    {
        Owner = owner;
        _names = new List<string>(source._names);
        _ids = new Dictionary<string, int>(source._ids, StringComparer.Ordinal);
    }

    public long Owner { get; }

    public int Count => _names.Count;

    public string Name(int id) => _names[id];

    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : -1;

    public IEnumerable<string> Names => _names;

    public TokenTable Fork(long owner) => new(this, owner);

    // Label tables only: the names of interned label sets (LabelSetTable ids), built on first use. Kept per table,
    // not per set table, because a set holds token ids and a token id can name another label in another table (a
    // token added by a rolled-back writer is reused by the next); within one table a token's name never changes.
    // Readers race to fill it: two fills of one set make equal arrays, and a fill lost to a concurrent growth is
    // only built again. Entries are never modified once stored.
    private object?[]?[] _setNames = [];

    /// <summary>The names of label set <paramref name="setId"/> (tokens <paramref name="set"/>) in this table, one
    /// shared array per set: callers must never modify it.</summary>
    public object?[] SetNames(int setId, int[] set)
    {
        var cache = Volatile.Read(ref _setNames);
        if ((uint)setId < (uint)cache.Length && cache[setId] is { } names) return names;
        names = new object?[set.Length];
        for (var i = 0; i < set.Length; i++) names[i] = _names[set[i]];
        if ((uint)setId >= (uint)cache.Length)
        {
            var grown = new object?[Math.Max(setId + 1, cache.Length * 2)][];
            Array.Copy(cache, grown, cache.Length);
            cache = grown;
        }
        cache[setId] = names;
        Volatile.Write(ref _setNames, cache);
        return names;
    }

    /// <summary>Adds a token; the caller guarantees it owns this table.</summary>
    public int Add(string name)
    {
        var id = _names.Count;
        _names.Add(name);
        _ids.Add(name, id);
        return id;
    }
}

/// <summary>
/// Interned, sorted label-token sets: a node stores a 4-byte set id instead of an array. The table only grows and
/// is shared by every version; readers index it through a volatile array reference, the single writer appends.
/// Sets interned by a transaction that rolled back stay (harmless: they are just unused).
/// </summary>
internal sealed class LabelSetTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int[][] _sets = [[]];
    private int _count = 1;
    private int[] _lastSet = [];
    private int _lastId;

    public LabelSetTable()
    {
        _ids.Add(string.Empty, 0);
    }

    public int[] Get(int id) => Volatile.Read(ref _sets)[id];

    public int Intern(int[] sortedLabels)
    {
        if (sortedLabels.Length == 0) return 0;
        lock (_gate)
        {
            // Loads create long runs of nodes with the same labels: skip the key building for them.
            if (sortedLabels.AsSpan().SequenceEqual(_lastSet)) return _lastId;
            var key = string.Join(',', sortedLabels);
            if (_ids.TryGetValue(key, out var id))
            {
                _lastSet = sortedLabels;
                _lastId = id;
                return id;
            }

            var sets = _sets;
            if (_count == sets.Length)
            {
                Array.Resize(ref sets, sets.Length * 2);
            }

            sets[_count] = sortedLabels;
            Volatile.Write(ref _sets, sets);
            _ids.Add(key, _count);
            _lastSet = sortedLabels;
            _lastId = _count;
            return _count++;
        }
    }

    public int WithLabel(int setId, int label)
    {
        var set = Get(setId);
        var i = Array.BinarySearch(set, label);
        if (i >= 0) return setId;
        var list = new List<int>(set);
        list.Insert(~i, label);
        return Intern(list.ToArray());
    }

    public int WithoutLabel(int setId, int label)
    {
        var set = Get(setId);
        var i = Array.BinarySearch(set, label);
        if (i < 0) return setId;
        var list = new List<int>(set);
        list.RemoveAt(i);
        return Intern(list.ToArray());
    }
}
