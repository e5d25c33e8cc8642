namespace KnowledgeGraph.Model;

/// <summary>
/// The knowledge-graph model: the fixed whitelist of labels, relationship types and properties. The seed loader
/// only ever writes labels and types named here (never text from a seed file), and the GraphQL layer generates
/// its schema from it. Documented in <c>cypher/README.md</c>; keep both in step.
/// </summary>
public static partial class KnowledgeModel
{
    // Static initializers of a partial class run in an unspecified order across files, so every value one
    // initializer needs from another file lives in a separate class (Vocabularies, Index) with its own type
    // initializer, which runs on first use.

    /// <summary>How sure a reported fact is, strongest first (<see cref="Vocabularies.Confidence"/>).</summary>
    public static IReadOnlyList<string> Confidences => Vocabularies.Confidence.Values;

    /// <summary>The stance of a <c>Claim</c> (<see cref="Vocabularies.ClaimStance"/>).</summary>
    public static IReadOnlyList<string> ClaimStances => Vocabularies.ClaimStance.Values;

    /// <summary>Properties every node has (<c>description</c> is optional).</summary>
    public static IReadOnlyList<PropertyDefinition> CommonNodeProperties { get; } =
    [
        new("key", PropertyKind.String, "Unique readable slug <prefix>:<slug>, e.g. country:us.", Required: true),
        new("name", PropertyKind.String, "English display name.", Required: true),
        new("aliases", PropertyKind.StringList, "Alternative and foreign spellings and metonyms.", Required: true),
        new("description", PropertyKind.String, "Short English description."),
    ];

    /// <summary>
    /// A fact's provenance (names in <see cref="Provenance"/>), stored on every non-structural relationship, every
    /// Claim and every Fact node. The loader derives chains, origins, independentSources and sources from the seed's
    /// reports, so they cannot disagree.
    /// </summary>
    public static IReadOnlyList<PropertyDefinition> ProvenanceProperties => Shared.ProvenanceAll;

    /// <summary>Provenance every relationship carries, plus an optional note.</summary>
    public static IReadOnlyList<PropertyDefinition> CommonRelationshipProperties => Shared.RelationshipCommon;

    private static class Shared
    {
        public static readonly PropertyDefinition[] ProvenanceAll =
        [
            new(Provenance.Confidence, PropertyKind.Enum, "confirmed, reported, claimed, rumoured or denied (strongest first).",
                Vocabularies.Confidence, Required: true),
            new(Provenance.Tier, PropertyKind.Enum, "reported (a document states it) or background (reference knowledge).",
                Vocabularies.Tier, Required: true),
            new(Provenance.Chains, PropertyKind.StringList,
                "One report chain per entry: origin first, then each relay, joined by ' > '.", Required: true),
            new(Provenance.Origins, PropertyKind.StringList, "The distinct origins of the chains, sorted.", Required: true),
            new(Provenance.IndependentSources, PropertyKind.Integer, "Number of distinct origins.", Required: true),
            new(Provenance.Sources, PropertyKind.SourceKeyList, "Every Source key in any chain, sorted.", Required: true),
            new(Provenance.Document, PropertyKind.NodeKey, "Key of the Document stating the fact (absent for background)."),
            new(Provenance.Quote, PropertyKind.String, "Short quote of the document, original language."),
            new(Provenance.QuoteOffset, PropertyKind.Integer, "UTF-16 offset of the quote in the document's source text."),
            new(Provenance.SupportedBy, PropertyKind.NodeKeyList, "Keys of Claims that support the fact."),
            new(Provenance.ContradictedBy, PropertyKind.NodeKeyList, "Keys of Claims that contradict the fact."),
            new(Provenance.Date, PropertyKind.PartialDate,
                "When the fact holds or happened, at the precision the source gives (a partial date is the whole interval)."),
        ];

        public static readonly PropertyDefinition[] RelationshipCommon =
            [.. ProvenanceAll, new(Provenance.Note, PropertyKind.String, "Short English note.")];
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
