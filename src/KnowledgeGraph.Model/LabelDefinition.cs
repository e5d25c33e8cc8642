namespace KnowledgeGraph.Model;

/// <summary>A node label of the knowledge model.</summary>
/// <param name="Name">The Neo4j label (PascalCase), e.g. <c>Person</c>.</param>
/// <param name="KeyPrefix">The prefix of every key of this label, e.g. <c>person</c> in <c>person:steve-witkoff</c>.</param>
/// <param name="GraphQLTypeName">The GraphQL object type name.</param>
/// <param name="ListFieldName">The GraphQL root list field, e.g. <c>people</c>.</param>
/// <param name="Description">What the label stands for.</param>
/// <param name="Properties">Label-specific properties (besides <see cref="KnowledgeModel.CommonNodeProperties"/>).</param>
/// <param name="Structural">True for bookkeeping nodes (<c>Fact</c>): never inner nodes of paths, never listed as entities.</param>
public sealed record LabelDefinition(
    string Name,
    string KeyPrefix,
    string GraphQLTypeName,
    string ListFieldName,
    string Description,
    IReadOnlyList<PropertyDefinition> Properties,
    bool Structural = false)
{
    /// <summary>Common and label-specific properties together.</summary>
    public IEnumerable<PropertyDefinition> AllProperties => KnowledgeModel.CommonNodeProperties.Concat(Properties);
}
