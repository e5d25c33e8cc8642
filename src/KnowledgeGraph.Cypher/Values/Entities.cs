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
        Nodes = nodes;
        Rels = rels;
    }

    public long[] Nodes { get; }

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
