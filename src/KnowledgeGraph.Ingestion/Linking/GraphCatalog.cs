using KnowledgeGraph.Driver;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Ingestion.Linking;

/// <summary>An entity the graph holds: key, model label, name and aliases.</summary>
public sealed record KnownEntity(string Key, string Label, string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// What ingestion knows of the graph before reading a text: every named entity (not documents, claims or facts) and
/// which place is the capital of which country. Read through <see cref="IGraphDriver"/> with fixed Cypher, the
/// same interface the GraphQL layer uses.
/// </summary>
public sealed class GraphCatalog
{
    private const string EntitiesQuery = """
        MATCH (n)
        WHERE n.key IS NOT NULL AND n.name IS NOT NULL AND NOT n:Fact AND NOT n:Claim AND NOT n:Document
        RETURN n.key AS key, labels(n) AS labels, n.name AS name, n.aliases AS aliases
        ORDER BY key
        """;

    private const string CapitalsQuery = "MATCH (p:Place)-[:CAPITAL_OF]->(c:Country) RETURN p.key AS place, c.key AS country";

    /// <summary>Creates a catalog (tests build one by hand).</summary>
    public GraphCatalog(IEnumerable<KnownEntity> entities, IReadOnlyDictionary<string, string>? capitals = null)
    {
        Entities = entities.ToDictionary(e => e.Key, StringComparer.Ordinal);
        Capitals = capitals ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The entities by key.</summary>
    public IReadOnlyDictionary<string, KnownEntity> Entities { get; }

    /// <summary>Place key to the key of the country it is the capital of.</summary>
    public IReadOnlyDictionary<string, string> Capitals { get; }

    /// <summary>Reads the catalog from the graph.</summary>
    public static async Task<GraphCatalog> ReadAsync(IGraphDriver driver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var rows = await driver.ExecuteQueryAsync(EntitiesQuery, accessMode: AccessMode.Read, cancellationToken: cancellationToken).ConfigureAwait(false);
        var entities = new List<KnownEntity>();
        foreach (var row in rows.Records)
        {
            if (row["key"] is not string key || row["name"] is not string name) continue;
            var labels = (row["labels"] as IEnumerable<object?>)?.OfType<string>() ?? [];
            var label = labels.FirstOrDefault(l => KnowledgeModel.FindLabel(l) is not null);
            if (label is null) continue;
            var aliases = (row["aliases"] as IEnumerable<object?>)?.OfType<string>().ToList() ?? [];
            entities.Add(new KnownEntity(key, label, name, aliases));
        }
        var capitals = await driver.ExecuteQueryAsync(CapitalsQuery, accessMode: AccessMode.Read, cancellationToken: cancellationToken).ConfigureAwait(false);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in capitals.Records)
            if (row["place"] is string p && row["country"] is string c) map[p] = c;
        return new GraphCatalog(entities, map);
    }
}
