using KnowledgeGraph.Model;

namespace KnowledgeGraph.Seeding.Seeds;

/// <summary>
/// Builds the parameterized statements that write a validated seed file. Values only ever travel as parameters;
/// the labels and relationship types spliced into the text are re-checked against <see cref="KnowledgeModel"/>,
/// so nothing from a seed file reaches the query text.
/// </summary>
public static class SeedStatements
{
    /// <summary>Rows per statement: bounds parameter size for large seed files.</summary>
    public const int BatchSize = 500;

    /// <summary>The statements for one file: nodes first (per label), then relationships (per type and end labels).</summary>
    public static IReadOnlyList<(string Query, IReadOnlyDictionary<string, object?> Parameters)> For(SeedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.IsValid) throw new ArgumentException("Only valid seed files can be written.", nameof(file));
        var statements = new List<(string, IReadOnlyDictionary<string, object?>)>();
        foreach (var group in file.Nodes.GroupBy(n => n.Label))
        {
            var query = NodeQuery(Label(group.Key));
            foreach (var batch in group.Chunk(BatchSize))
                statements.Add((query, Rows(batch.Select(n => (object?)new Dictionary<string, object?>
                {
                    ["key"] = n.Key,
                    ["aliases"] = n.Aliases.Cast<object?>().ToList(),
                    ["props"] = new Dictionary<string, object?>(n.Properties),
                }))));
        }
        foreach (var group in file.Relationships.GroupBy(r => (r.Type, r.FromLabel, r.ToLabel)))
        {
            var query = RelationshipQuery(Type(group.Key.Type), Label(group.Key.FromLabel), Label(group.Key.ToLabel));
            foreach (var batch in group.Chunk(BatchSize))
                statements.Add((query, Rows(batch.Select(r => (object?)new Dictionary<string, object?>
                {
                    ["from"] = r.FromKey,
                    ["to"] = r.ToKey,
                    ["sources"] = r.Sources.Cast<object?>().ToList(),
                    ["props"] = new Dictionary<string, object?>(r.Properties),
                }))));
        }
        return statements;
    }

    // Aliases and sources are unioned with what is stored, so re-seeding is idempotent and keeps what curators
    // or other documents added; every other property is overwritten by the seed value.
    private static string NodeQuery(string label) => $"""
        UNWIND $rows AS row
        MERGE (n:{label} {"{"}key: row.key{"}"})
        SET n += row.props
        SET n.aliases = CASE WHEN n.aliases IS NULL THEN row.aliases ELSE n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases] END
        """;

    private static string RelationshipQuery(string type, string fromLabel, string toLabel) => $"""
        UNWIND $rows AS row
        MATCH (a:{fromLabel} {"{"}key: row.from{"}"})
        MATCH (b:{toLabel} {"{"}key: row.to{"}"})
        MERGE (a)-[r:{type}]->(b)
        SET r += row.props
        SET r.sources = CASE WHEN r.sources IS NULL THEN row.sources ELSE r.sources + [s IN row.sources WHERE NOT s IN r.sources] END
        """;

    private static Dictionary<string, object?> Rows(IEnumerable<object?> rows) => new() { ["rows"] = rows.ToList() };

    private static string Label(string name) =>
        KnowledgeModel.FindLabel(name)?.Name ?? throw new InvalidOperationException($"'{name}' is not a model label.");

    private static string Type(string name) =>
        KnowledgeModel.FindRelationshipType(name)?.Name ?? throw new InvalidOperationException($"'{name}' is not a model relationship type.");
}
