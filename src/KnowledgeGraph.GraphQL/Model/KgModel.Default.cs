using KnowledgeGraph.Model;

namespace KnowledgeGraph.GraphQL.Model;

public sealed partial class KgModel
{
    /// <summary>The knowledge model of <c>cypher/README.md</c>, read from the seeding catalog <see cref="KnowledgeModel"/>.</summary>
    public static KgModel Default { get; } = FromCatalog();

    private static KgModel FromCatalog()
    {
        var labels = KnowledgeModel.Labels.Select(l => new KgLabel(
            l.Name,
            l.KeyPrefix,
            l.ListFieldName,
            ToEnumValue(l.Name),
            [new KgProperty("description", KgScalar.String, "Short English description."), .. l.Properties.Select(ToProperty)],
            l.Description,
            l.Structural)).ToList();
        var relationships = KnowledgeModel.RelationshipTypes.Select(t => new KgRelationship(
            t.Name, t.FromLabels, t.ToLabels, t.OutFieldName, t.InFieldName, t.Meaning)).ToList();
        var common = RelationshipProperties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var extra = KnowledgeModel.RelationshipTypes.SelectMany(t => t.Properties)
            .Where(p => !common.Contains(p.Name))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => ToProperty(g.First()))
            .ToList();
        return new KgModel(labels, relationships) { ExtraRelationshipProperties = extra };
    }

    /// <summary>A model property as GraphQL sees it: closed vocabularies become enums, key lists string lists.</summary>
    internal static KgProperty ToProperty(PropertyDefinition p) => new(p.Name, p.Kind switch
    {
        PropertyKind.Integer => KgScalar.Int,
        PropertyKind.StringList or PropertyKind.SourceKeyList or PropertyKind.NodeKeyList => KgScalar.StringList,
        PropertyKind.PartialDate => KgScalar.Date,
        PropertyKind.Enum when p.Vocabulary is not null => KgScalar.Enum,
        _ => KgScalar.String,
    }, p.Description, p.Vocabulary);

    // Person -> PERSON; a multi-word label would become UPPER_SNAKE.
    private static string ToEnumValue(string label) =>
        string.Concat(label.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
