namespace KnowledgeGraph.Model;

/// <summary>A relationship type of the knowledge model.</summary>
/// <param name="Name">The Neo4j relationship type (UPPER_SNAKE), e.g. <c>ATTENDED</c>.</param>
/// <param name="FromLabels">Labels allowed at the start node.</param>
/// <param name="ToLabels">Labels allowed at the end node.</param>
/// <param name="Meaning">What the relationship states, read from → to.</param>
/// <param name="OutFieldName">GraphQL field on the start node, e.g. <c>attended</c>.</param>
/// <param name="InFieldName">GraphQL field on the end node, e.g. <c>participants</c>.</param>
/// <param name="Properties">Type-specific properties (besides <see cref="KnowledgeModel.CommonRelationshipProperties"/>).</param>
/// <param name="Structural">True for bookkeeping relationships (<c>HAS_FACT</c>): no provenance of their own, never
/// part of mediation or shortest paths.</param>
public sealed record RelationshipTypeDefinition(
    string Name,
    IReadOnlyList<string> FromLabels,
    IReadOnlyList<string> ToLabels,
    string Meaning,
    string OutFieldName,
    string InFieldName,
    IReadOnlyList<PropertyDefinition> Properties,
    bool Structural = false)
{
    /// <summary>Common (provenance) and type-specific properties together; a structural type has only its own.</summary>
    public IEnumerable<PropertyDefinition> AllProperties =>
        Structural ? Properties : KnowledgeModel.CommonRelationshipProperties.Concat(Properties);

    /// <summary>True when a start node with <paramref name="label"/> is allowed.</summary>
    public bool AllowsFrom(string label) => FromLabels.Contains(label, StringComparer.Ordinal);

    /// <summary>True when an end node with <paramref name="label"/> is allowed.</summary>
    public bool AllowsTo(string label) => ToLabels.Contains(label, StringComparer.Ordinal);
}
