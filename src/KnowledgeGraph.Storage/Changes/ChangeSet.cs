namespace KnowledgeGraph.Storage.Changes;

/// <summary>The ids a write transaction touched, and when it started.</summary>
/// <remarks>The floors are the next node and relationship ids of the version the transaction started from.</remarks>
internal sealed class ChangeSet(long nodeFloor, long relationshipFloor)
{
    public TouchedIds Nodes { get; } = new(nodeFloor);
    public TouchedIds Relationships { get; } = new(relationshipFloor);
    public DateTimeOffset StartTime { get; } = DateTimeOffset.UtcNow;
    public bool IsEmpty => Nodes.IsEmpty && Relationships.IsEmpty;
}

/// <summary>
/// Touched ids of one kind, compact for bulk writes: an id below the floor (an entity that existed before the
/// transaction) is kept in a set; ids from the floor on are only created by the transaction, one after the other, so
/// they are kept as one range [floor, end). A 500,000-row load then holds two numbers, not a 500,000-entry set, and
/// needs no sort. The range may include an id created and deleted again: the diff skips what exists on neither side.
/// </summary>
internal sealed class TouchedIds(long floor)
{
    private readonly long _floor = floor;
    private readonly HashSet<long> _existing = [];
    private long _end = floor;

    public bool IsEmpty => _existing.Count == 0 && _end == _floor;

    /// <summary>How many ids <see cref="Ordered"/> yields.</summary>
    public long Count => _existing.Count + (_end - _floor);

    public void Add(long id)
    {
        if (id >= _floor)
        {
            if (id >= _end) _end = id + 1;
        }
        else
        {
            _existing.Add(id);
        }
    }

    /// <summary>Every touched id, ascending.</summary>
    public IEnumerable<long> Ordered()
    {
        foreach (var id in _existing.Order()) yield return id;
        for (var id = _floor; id < _end; id++) yield return id;
    }
}
