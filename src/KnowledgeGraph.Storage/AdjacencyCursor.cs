using KnowledgeGraph.Storage.Model;
using KnowledgeGraph.Storage.Mvcc;

namespace KnowledgeGraph.Storage;

/// <summary>
/// A node's relationships in one direction and set of types, enumerated without allocating for a published version's
/// packed adjacency (<see cref="IGraphReader.Adjacency"/>). Same records, same order as
/// <see cref="IGraphReader.GetRelationships"/>. A writer's touched node is enumerated through the store's ordinary
/// iterator. Use it with <c>foreach</c>: it is a mutable struct, so a copy taken mid-way continues independently.
/// </summary>
public struct AdjacencyCursor
{
    // Packed path: groups of (type, direction) keys; the header of group g is _packed[1 + g], its ids follow all
    // headers in group order. Invariant: a published version's packed array and relationship entries never change.
    private readonly GraphVersion? _version;
    private readonly long[]? _packed;
    private readonly Direction _direction;
    private readonly int[]? _typeTokens;
    private readonly IEnumerator<RelationshipRecord>? _other;
    private int _group;
    private int _next;
    private int _end;
    private int _offset;
    private string? _typeName;

    internal AdjacencyCursor(GraphVersion version, long[] packed, Direction direction, int[]? typeTokens)
    {
        _version = version;
        _packed = packed;
        _direction = direction;
        _typeTokens = typeTokens;
        _group = -1;
        _offset = 1 + (int)packed[0];
    }

    internal AdjacencyCursor(IEnumerator<RelationshipRecord>? other)
    {
        _other = other;
        _group = -1;
    }

    /// <summary>The current relationship.</summary>
    public RelationshipRecord Current { readonly get; private set; }

    /// <summary>This cursor (for <c>foreach</c>).</summary>
    public readonly AdjacencyCursor GetEnumerator() => this;

    /// <summary>Moves to the next relationship; false at the end.</summary>
    public bool MoveNext()
    {
        if (_packed is not { } packed)
        {
            if (_other is null || !_other.MoveNext()) return false;
            Current = _other.Current;
            return true;
        }

        while (_next >= _end)
        {
            var groups = (int)packed[0];
            if (++_group >= groups) return false;
            var header = packed[1 + _group];
            var count = AdjacencyPacking.HeaderCount(header);
            var start = _offset;
            _offset += count;
            var key = AdjacencyPacking.HeaderKey(header);
            if (!AdjacencyPacking.Matches(key, _direction)) continue;
            var type = AdjacencyPacking.TypeOf(key);
            if (_typeTokens is not null && Array.IndexOf(_typeTokens, type) < 0) continue;
            _typeName = _version!.TypeTokens.Name(type);
            _next = start;
            _end = start + count;
        }

        var relId = packed[_next++];
        var rel = _version!.Rels.Get(relId);
        Current = new RelationshipRecord(relId, _typeName!, rel.Start, rel.End);
        return true;
    }
}
