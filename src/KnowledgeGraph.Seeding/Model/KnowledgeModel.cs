namespace KnowledgeGraph.Seeding.Model;

/// <summary>
/// The knowledge-graph model: the fixed whitelist of labels, relationship types and properties. The seed loader
/// only ever writes labels and types named here (never text from a seed file), and the GraphQL layer generates
/// its schema from it. Documented in <c>cypher/README.md</c>; keep both in step.
/// </summary>
public static partial class KnowledgeModel
{
    // Static initializers of a partial class run in an unspecified order across files, so every value one
    // initializer needs from another file lives in a separate class (Vocabulary, Index) with its own type
    // initializer, which runs on first use.

    /// <summary>How sure a reported fact is.</summary>
    public static IReadOnlyList<string> Confidences => Vocabulary.Confidences;

    /// <summary>The stance of a <c>Claim</c>.</summary>
    public static IReadOnlyList<string> ClaimStances => Vocabulary.ClaimStances;

    /// <summary>Properties every node has (<c>description</c> is optional).</summary>
    public static IReadOnlyList<PropertyDefinition> CommonNodeProperties { get; } =
    [
        new("key", PropertyKind.String, "Unique readable slug <prefix>:<slug>, e.g. country:us.", Required: true),
        new("name", PropertyKind.String, "English display name.", Required: true),
        new("aliases", PropertyKind.StringList, "Alternative and foreign spellings and metonyms.", Required: true),
        new("description", PropertyKind.String, "Short English description."),
    ];

    /// <summary>Provenance every relationship carries (<c>date</c> and <c>note</c> are optional).</summary>
    public static IReadOnlyList<PropertyDefinition> CommonRelationshipProperties { get; } =
    [
        new("sources", PropertyKind.SourceKeyList, "Keys of the Sources reporting the fact (the whole chain).", Required: true),
        new("confidence", PropertyKind.Enum, "confirmed, reported, claimed or denied.", Confidences, Required: true),
        new("date", PropertyKind.PartialDate, "When the fact holds or happened, at the precision the source gives."),
        new("note", PropertyKind.String, "Short English note."),
    ];

    private static class Vocabulary
    {
        public static readonly string[] Confidences = ["confirmed", "reported", "claimed", "denied"];
        public static readonly string[] ClaimStances = ["asserts", "denies", "cautions", "proposes"];
    }

    private static class Index
    {
        public static readonly Dictionary<string, LabelDefinition> LabelsByName =
            Labels.ToDictionary(l => l.Name, StringComparer.Ordinal);

        public static readonly Dictionary<string, LabelDefinition> LabelsByPrefix =
            Labels.ToDictionary(l => l.KeyPrefix, StringComparer.Ordinal);

        public static readonly Dictionary<string, RelationshipTypeDefinition> TypesByName =
            RelationshipTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The label named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static LabelDefinition? FindLabel(string name) => Index.LabelsByName.GetValueOrDefault(name);

    /// <summary>The label a key belongs to, from its prefix (<c>person:x</c> → Person), or null.</summary>
    public static LabelDefinition? FindLabelOfKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : Index.LabelsByPrefix.GetValueOrDefault(key[..colon]);
    }

    /// <summary>The relationship type named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static RelationshipTypeDefinition? FindRelationshipType(string name) => Index.TypesByName.GetValueOrDefault(name);

    /// <summary>Relationship types that may start at <paramref name="label"/>.</summary>
    public static IEnumerable<RelationshipTypeDefinition> OutgoingOf(string label) =>
        RelationshipTypes.Where(t => t.AllowsFrom(label));

    /// <summary>Relationship types that may end at <paramref name="label"/>.</summary>
    public static IEnumerable<RelationshipTypeDefinition> IncomingOf(string label) =>
        RelationshipTypes.Where(t => t.AllowsTo(label));
}
