namespace KnowledgeGraph.Storage.Model;

/// <summary>
/// The mutable adjacency of a node touched by the open write transaction. Created from the packed form on first
/// touch and packed again at commit. Removal is lazy (a removed-id set) so that deleting many relationships of a hub
/// stays linear. Enumeration walks lists by index, so relationships added while a caller enumerates never make the
/// enumeration throw.
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
            var group = new Group(count);
            for (var i = 0; i < count; i++) group.Ids.Add(packed[offset + i]);
            offset += count;
            _groups.Add(AdjacencyPacking.HeaderKey(header), group);
        }
    }

    public IEnumerable<int> Keys => _groups.Keys;

    public void Add(int key, long relId)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group(4);
            _groups.Add(key, group);
        }

        group.Ids.Add(relId);
    }

    /// <summary>Removes a relationship from the group with <paramref name="key"/>.</summary>
    public void Remove(int key, long relId)
    {
        if (!_groups.TryGetValue(key, out var group)) return;
        _removed ??= [];
        _removed.Add(relId);
        group.Removed++;
    }

    public int Count(int key) => _groups.TryGetValue(key, out var group) ? group.Ids.Count - group.Removed : 0;

    public int TotalCount()
    {
        var total = 0;
        foreach (var group in _groups.Values) total += group.Ids.Count - group.Removed;
        return total;
    }

    public IEnumerable<long> Ids(int key)
    {
        if (!_groups.TryGetValue(key, out var group)) yield break;
        var ids = group.Ids;
        var count = ids.Count;
        for (var i = 0; i < count && i < ids.Count; i++)
        {
            var id = ids[i];
            if (_removed is null || !_removed.Contains(id)) yield return id;
        }
    }

    public long[]? Pack()
    {
        var keys = _groups.Keys;
        var headers = new List<(int Key, int Count)>(keys.Count);
        foreach (var key in keys) headers.Add((key, Count(key)));
        return AdjacencyPacking.Pack(headers, i => Ids(keys[i]));
    }

    private sealed class Group(int capacity)
    {
        public readonly List<long> Ids = new(capacity);
        public int Removed;
    }
}
