namespace KnowledgeGraph.Cypher.Values;

/// <summary>A node inside the engine: only its id; labels and properties are read through the transaction
/// so later SET/REMOVE clauses are visible. Converted to <see cref="KnowledgeGraph.Values.GraphNode"/> on output.</summary>
internal sealed record NodeValue(long Id);

/// <summary>A relationship inside the engine (identity and endpoints; properties read on demand).</summary>
internal sealed record RelValue(long Id, string Type, long Start, long End)
{
    /// <summary>The engine's value of a relationship the store read.</summary>
    public static RelValue Of(in KnowledgeGraph.Storage.RelationshipRecord r) => new(r.Id, r.Type, r.StartNodeId, r.EndNodeId);

    public long Other(long node) => Start == node ? End : Start;

    public bool Equals(RelValue? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode();
}

/// <summary>A path inside the engine. Invariant: Nodes.Length == Rels.Length + 1.</summary>
internal sealed class PathValue : IEquatable<PathValue>
{
    public PathValue(long[] nodes, RelValue[] rels)
    {
        _nodes = nodes;
        Rels = rels;
    }

    /// <summary>A path over node values the caller already holds (a walk's, shared by the statement's paths), so
    /// <c>nodes(p)</c> lists them instead of making a value per node; the ids are made from them when first read.</summary>
    public PathValue(NodeValue[] nodes, RelValue[] rels)
    {
        NodeValues = nodes;
        Rels = rels;
    }

    private long[]? _nodes;

    /// <summary>The node ids, from the first node to the last. (Made at most once from <see cref="NodeValues"/>; two
    /// threads reading it at once may each make an equal array, which is harmless.)</summary>
    public long[] Nodes => _nodes ??= IdsOf(NodeValues!);

    /// <summary>The nodes' values when the path was made from them, else null.</summary>
    public NodeValue[]? NodeValues { get; }

    private static long[] IdsOf(NodeValue[] values)
    {
        var ids = new long[values.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = values[i].Id;
        return ids;
    }

    public RelValue[] Rels { get; }

    public bool Equals(PathValue? other) =>
        other is not null && Nodes.AsSpan().SequenceEqual(other.Nodes) && Rels.SequenceEqual(other.Rels);

    public override bool Equals(object? obj) => Equals(obj as PathValue);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var n in Nodes) h.Add(n);
        foreach (var r in Rels) h.Add(r.Id);
        return h.ToHashCode();
    }

    public PathValue Reverse()
    {
        var n = (long[])Nodes.Clone();
        var r = (RelValue[])Rels.Clone();
        Array.Reverse(n);
        Array.Reverse(r);
        return new PathValue(n, r);
    }
}
