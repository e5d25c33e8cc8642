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
        foreach (var group in file.Nodes.GroupBy(n => (n.Label, Provenance: n.Chains is not null)))
        {
            var query = NodeQuery(Label(group.Key.Label), group.Key.Provenance);
            foreach (var batch in group.Chunk(BatchSize))
                statements.Add((query, Rows(batch.Select(n => (object?)new Dictionary<string, object?>
                {
                    ["key"] = n.Key,
                    ["aliases"] = n.Aliases.Cast<object?>().ToList(),
                    ["props"] = new Dictionary<string, object?>(n.Properties),
                    ["chains"] = (n.Chains ?? []).Cast<object?>().ToList(),
                }))));
        }
        foreach (var group in file.Relationships.GroupBy(r => (r.Type, r.FromLabel, r.ToLabel)))
        {
            var type = KnowledgeModel.FindRelationshipType(group.Key.Type)
                ?? throw new InvalidOperationException($"'{group.Key.Type}' is not a model relationship type.");
            var query = RelationshipQuery(type.Name, Label(group.Key.FromLabel), Label(group.Key.ToLabel), !type.Structural);
            foreach (var batch in group.Chunk(BatchSize))
                statements.Add((query, Rows(batch.Select(r => (object?)new Dictionary<string, object?>
                {
                    ["from"] = r.FromKey,
                    ["to"] = r.ToKey,
                    ["chains"] = r.Chains.Cast<object?>().ToList(),
                    ["props"] = new Dictionary<string, object?>(r.Properties),
                }))));
        }
        return statements;
    }

    // Chains are unioned with what is stored (a second document adds its report chains), then origins, sources and
    // independentSources are derived again from the union in the same statement, so they never disagree with the
    // chains whatever was stored before. Sorted like ProvenanceChains (Cypher compares strings by code point).
    private static string Derive(string v) => $"""
        SET {v}.chains = CASE WHEN {v}.chains IS NULL THEN row.chains ELSE {v}.chains + [c IN row.chains WHERE NOT c IN {v}.chains] END
        WITH {v}
        SET {v}.origins = COLLECT {"{"} UNWIND {v}.chains AS c WITH DISTINCT split(c, ' > ')[0] AS o RETURN o ORDER BY o {"}"},
            {v}.sources = COLLECT {"{"} UNWIND {v}.chains AS c UNWIND split(c, ' > ') AS s WITH DISTINCT s WHERE s STARTS WITH 'source:' RETURN s ORDER BY s {"}"}
        SET {v}.independentSources = size({v}.origins)
        """;

    // Aliases and chains are unioned with what is stored, so re-seeding is idempotent and keeps what curators
    // or other documents added; every other property is overwritten by the seed value.
    private static string NodeQuery(string label, bool provenance) => $"""
        UNWIND $rows AS row
        MERGE (n:{label} {"{"}key: row.key{"}"})
        SET n += row.props
        SET n.aliases = CASE WHEN n.aliases IS NULL THEN row.aliases ELSE n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases] END
        """ + (provenance ? "\n" + Derive("n") : "");

    private static string RelationshipQuery(string type, string fromLabel, string toLabel, bool provenance) => $"""
        UNWIND $rows AS row
        MATCH (a:{fromLabel} {"{"}key: row.from{"}"})
        MATCH (b:{toLabel} {"{"}key: row.to{"}"})
        MERGE (a)-[r:{type}]->(b)
        SET r += row.props
        """ + (provenance ? "\n" + Derive("r") : "");

    private static Dictionary<string, object?> Rows(IEnumerable<object?> rows) => new() { ["rows"] = rows.ToList() };

    private static string Label(string name) =>
        KnowledgeModel.FindLabel(name)?.Name ?? throw new InvalidOperationException($"'{name}' is not a model label.");

}
