namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// The mutable adjacency of a node touched by the open write transaction, packed again at commit. Each group keeps
/// a reference to its slice of the committed packed array plus the ids added by this transaction, so touching a
/// hub costs O(groups) here and one array copy at commit, not per-relationship work. Removal is lazy (a removed-id
/// set) so that deleting many relationships of a hub stays linear. Enumeration walks by index, so relationships added
/// while a caller enumerates never make the enumeration throw.
/// </summary>
internal sealed class AdjacencyBuilder
{
    private readonly SortedList<int, Group> _groups = [];
    private HashSet<long>? _removed;

    public AdjacencyBuilder(long[]? packed)
    {
        if (packed is null) return;
        var groups = (int)packed[0];
        var offset = 1 + groups;
        for (var g = 0; g < groups; g++)
        {
            var header = packed[1 + g];
            var count = AdjacencyPacking.HeaderCount(header);
            _groups.Add(AdjacencyPacking.HeaderKey(header), new Group { Base = packed, Offset = offset, BaseCount = count });
            offset += count;
        }
    }

    public IList<int> Keys => _groups.Keys;

    public void Add(int key, long relId)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups.Add(key, group);
        }

        (group.Added ??= new List<long>(4)).Add(relId);
    }

    /// <summary>Removes a relationship from the group with <paramref name="key"/>.</summary>
    public void Remove(int key, long relId)
    {
        if (!_groups.TryGetValue(key, out var group)) return;
        _removed ??= [];
        if (_removed.Add(relId)) group.Removed++;
    }

    public int Count(int key) => _groups.TryGetValue(key, out var group) ? group.Count : 0;

    public int TotalCount()
    {
        var total = 0;
        foreach (var group in _groups.Values) total += group.Count;
        return total;
    }

    public IEnumerable<long> Ids(int key)
    {
        if (!_groups.TryGetValue(key, out var group)) yield break;
        if (group.Base is { } packed)
        {
            for (var i = group.Offset; i < group.Offset + group.BaseCount; i++)
            {
                var id = packed[i];
                if (_removed is null || !_removed.Contains(id)) yield return id;
            }
        }

        if (group.Added is { } added)
        {
            for (var i = 0; i < added.Count; i++)
            {
                var id = added[i];
                if (_removed is null || !_removed.Contains(id)) yield return id;
            }
        }
    }

    public long[]? Pack()
    {
        var keys = _groups.Keys;
        var headers = new List<(int Key, int Count)>(keys.Count);
        foreach (var key in keys) headers.Add((key, Count(key)));
        return AdjacencyPacking.Pack(headers, i => Ids(keys[i]));
    }

    private sealed class Group
    {
        public long[]? Base;
        public int Offset;
        public int BaseCount;
        public List<long>? Added;
        public int Removed;

        public int Count => BaseCount + (Added?.Count ?? 0) - Removed;
    }
}
