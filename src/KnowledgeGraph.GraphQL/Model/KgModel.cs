namespace KnowledgeGraph.GraphQL.Model;

/// <summary>The scalar kinds a node or relationship property can have in the knowledge model.</summary>
public enum KgScalar
{
    String,
    StringList,
    Int,
    Float,
    Boolean,

    /// <summary>A partial ISO date (<c>2025</c>, <c>2025-11</c>, <c>2025-11-19</c>) meaning the whole interval.</summary>
    Date,

    /// <summary>A string from a closed vocabulary (<see cref="KgProperty.Vocabulary"/>), a GraphQL enum.</summary>
    Enum,
}

/// <summary>A property of a label: its Cypher name (camelCase, also the GraphQL field name) and its kind.</summary>
public sealed record KgProperty(string Name, KgScalar Kind, string? Description = null, KnowledgeGraph.Model.Vocabulary? Vocabulary = null);

/// <summary>A node label of the model and how GraphQL names it.</summary>
/// <param name="Label">The Cypher label (PascalCase), also the GraphQL object type name.</param>
/// <param name="KeyPrefix">The prefix of every key of the label (<c>person</c> in <c>person:x</c>).</param>
/// <param name="RootField">The plural root list field (<c>people</c>, <c>countries</c>).</param>
/// <param name="KindValue">The <c>EntityKind</c> enum value (<c>PERSON</c>).</param>
/// <param name="Properties">Properties beyond <c>key</c>, <c>name</c>, <c>aliases</c>.</param>
/// <param name="Description">The label's description, shown on its GraphQL type.</param>
/// <param name="Structural">Bookkeeping nodes (Fact): never inner nodes of paths, never search results.</param>
public sealed record KgLabel(string Label, string KeyPrefix, string RootField, string KindValue, IReadOnlyList<KgProperty> Properties, string Description, bool Structural = false);

/// <summary>A relationship type with its endpoints and the field names exposing it on both ends.</summary>
/// <param name="Type">The Cypher type (UPPER_SNAKE).</param>
/// <param name="From">Labels a relationship of this type may start at.</param>
/// <param name="To">Labels it may end at.</param>
/// <param name="OutField">Field on the start node type (e.g. <c>represents</c>).</param>
/// <param name="InField">Field on the end node type (e.g. <c>representedBy</c>).</param>
/// <param name="Description">The type's description, shown on both fields.</param>
public sealed record KgRelationship(
    string Type, IReadOnlyList<string> From, IReadOnlyList<string> To, string OutField, string InField, string Description);

/// <summary>
/// The knowledge model as the GraphQL layer sees it: the whitelist of labels, relationship types and properties
/// from which the schema is generated and which alone may appear as identifiers in compiled Cypher.
/// </summary>
public sealed partial class KgModel
{
    /// <summary>Creates a model from labels and relationship types; names must be unique.</summary>
    public KgModel(IReadOnlyList<KgLabel> labels, IReadOnlyList<KgRelationship> relationships)
    {
        Labels = labels;
        Relationships = relationships;
        LabelsByName = labels.ToDictionary(l => l.Label, StringComparer.Ordinal);
        RelationshipsByType = relationships.ToDictionary(r => r.Type, StringComparer.Ordinal);
        LabelsByPrefix = labels.ToDictionary(l => l.KeyPrefix, StringComparer.Ordinal);
        foreach (var r in relationships)
            foreach (var l in r.From.Concat(r.To))
                if (!LabelsByName.ContainsKey(l))
                    throw new ArgumentException($"Relationship {r.Type} names unknown label {l}.", nameof(relationships));
    }

    /// <summary>Node labels in schema order.</summary>
    public IReadOnlyList<KgLabel> Labels { get; }

    /// <summary>Relationship types in schema order.</summary>
    public IReadOnlyList<KgRelationship> Relationships { get; }

    /// <summary>Labels by Cypher label.</summary>
    public IReadOnlyDictionary<string, KgLabel> LabelsByName { get; }

    /// <summary>Labels by key prefix.</summary>
    public IReadOnlyDictionary<string, KgLabel> LabelsByPrefix { get; }

    /// <summary>The label a key belongs to by its prefix (<c>person:x</c> is a Person), or null.</summary>
    public KgLabel? LabelOfKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : LabelsByPrefix.GetValueOrDefault(key[..colon]);
    }

    /// <summary>Extra relationship properties (role, subject, ...) of any type, exposed on edges.</summary>
    public IReadOnlyList<KgProperty> ExtraRelationshipProperties { get; init; } = [];

    /// <summary>Relationship types by Cypher type.</summary>
    public IReadOnlyDictionary<string, KgRelationship> RelationshipsByType { get; }

    /// <summary>Relationship properties (provenance v2 and note) carried by every relationship.</summary>
    public static IReadOnlyList<KgProperty> RelationshipProperties => Common.RelationshipProperties;

    // A nested class so that the list exists before Default (another file's static initializer) reads it.
    private static class Common
    {
        public static readonly IReadOnlyList<KgProperty> RelationshipProperties =
            [.. KnowledgeGraph.Model.KnowledgeModel.CommonRelationshipProperties.Select(ToProperty)];
    }

    /// <summary>The relationship fields of a label: (relationship, outgoing?) pairs, outgoing first.</summary>
    public IEnumerable<(KgRelationship Relationship, bool Outgoing)> FieldsOf(string label)
    {
        foreach (var r in Relationships)
            if (r.From.Contains(label)) yield return (r, true);
        foreach (var r in Relationships)
            if (r.To.Contains(label)) yield return (r, false);
    }
}
