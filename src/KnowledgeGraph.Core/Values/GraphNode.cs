namespace KnowledgeGraph.Values;

/// <summary>A node as a query result value: identity, labels and a snapshot of its properties.</summary>
/// <param name="Id">The 64-bit id (legacy <c>id()</c>).</param>
/// <param name="ElementId">The Neo4j-5-style element id (<c>elementId()</c>).</param>
/// <param name="Labels">The node's labels.</param>
/// <param name="Properties">Property values (never null-valued).</param>
public sealed record GraphNode(
    long Id,
    string ElementId,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Nodes are equal when their ids are equal, as in Cypher.</summary>
    public bool Equals(GraphNode? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();
}
