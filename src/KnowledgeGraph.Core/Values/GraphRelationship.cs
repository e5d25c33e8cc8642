namespace KnowledgeGraph.Values;

/// <summary>A relationship as a query result value.</summary>
public sealed record GraphRelationship(
    long Id,
    string ElementId,
    long StartNodeId,
    string StartNodeElementId,
    long EndNodeId,
    string EndNodeElementId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Relationships are equal when their ids are equal, as in Cypher.</summary>
    public bool Equals(GraphRelationship? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();
}
