namespace KnowledgeGraph.Values;

/// <summary>
/// A path: <c>Nodes.Count == Relationships.Count + 1</c>. Relationship <c>i</c> joins node <c>i</c> and node
/// <c>i + 1</c>, in either direction (a relationship's own start and end say which way it points).
/// </summary>
public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships)
{
    /// <summary>Number of relationships.</summary>
    public int Length => Relationships.Count;

    /// <summary>First node.</summary>
    public GraphNode Start => Nodes[0];

    /// <summary>Last node.</summary>
    public GraphNode End => Nodes[^1];

    /// <summary>Paths are equal when they traverse the same nodes and relationships in the same order.</summary>
    public bool Equals(GraphPath? other) =>
        other is not null && Nodes.SequenceEqual(other.Nodes) && Relationships.SequenceEqual(other.Relationships);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var n in Nodes) hash.Add(n.Id);
        foreach (var r in Relationships) hash.Add(r.Id);
        return hash.ToHashCode();
    }
}
