using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Schema;

/// <summary>
/// The SHOW INDEXES rows of the property indexes (RANGE, POINT, TEXT) and of the two token lookup indexes, in Neo4j
/// 5.26's shapes: <c>type</c>, <c>indexProvider</c>, <c>options</c> and a <c>createStatement</c> that recreates the
/// index. The engine keeps a label and a relationship-type bitmap in every store version, which is what Neo4j's
/// LOOKUP indexes are for, so both are always listed (under Neo4j's default names) and cannot be dropped.
/// </summary>
internal static class IndexRows
{
    /// <summary>Neo4j's default names of the node-label and relationship-type lookup indexes of a new database.</summary>
    public const string NodeLookupName = "index_343aff4e";

    public const string RelationshipLookupName = "index_f7700477";

    private const string LookupProvider = "token-lookup-1.0";

    /// <summary>Neo4j 5's default point index configuration (the engine's point index needs no grid, so these bounds
    /// are reported, not enforced: points outside them are indexed too).</summary>
    private static Dictionary<string, object?> PointConfig() => new(StringComparer.Ordinal)
    {
        ["spatial.cartesian-3d.max"] = new List<object?> { 1000000.0, 1000000.0, 1000000.0 },
        ["spatial.cartesian-3d.min"] = new List<object?> { -1000000.0, -1000000.0, -1000000.0 },
        ["spatial.cartesian.max"] = new List<object?> { 1000000.0, 1000000.0 },
        ["spatial.cartesian.min"] = new List<object?> { -1000000.0, -1000000.0 },
        ["spatial.wgs-84-3d.max"] = new List<object?> { 180.0, 90.0, 1000000.0 },
        ["spatial.wgs-84-3d.min"] = new List<object?> { -180.0, -90.0, -1000000.0 },
        ["spatial.wgs-84.max"] = new List<object?> { 180.0, 90.0 },
        ["spatial.wgs-84.min"] = new List<object?> { -180.0, -90.0 },
    };

    public static string Provider(IndexType type) => type switch
    {
        IndexType.Point => "point-1.0",
        IndexType.Text => "text-2.0",
        _ => "range-1.0",
    };

    /// <summary>Whether a SHOW filter word (<c>SHOW POINT INDEXES</c>) admits an index of <paramref name="type"/>.</summary>
    public static bool Admits(string? filter, string type) => filter is null or "ALL" || filter == type;

    /// <summary>One row per property index and lookup index the filter admits, values placed by column name.</summary>
    public static IEnumerable<Dictionary<string, object?>> Rows(IReadOnlyList<string> columns, IGraphReader reader, string? filter)
    {
        foreach (var ix in reader.Indexes)
        {
            if (!Admits(filter, ix.Type.Neo4jName())) continue;
            yield return Place(columns, PropertyIndex(ix));
        }

        if (!Admits(filter, "LOOKUP")) yield break;
        yield return Place(columns, Lookup(NodeLookupName, relationships: false));
        yield return Place(columns, Lookup(RelationshipLookupName, relationships: true));
    }

    private static Dictionary<string, object?> PropertyIndex(IndexDescriptor ix)
    {
        var config = ix.Type == IndexType.Point ? PointConfig() : new Dictionary<string, object?>(StringComparer.Ordinal);
        var options = new Dictionary<string, object?>(StringComparer.Ordinal) { ["indexProvider"] = Provider(ix.Type), ["indexConfig"] = config };
        var schema = $"FOR (n:{Quote(ix.Label)}) ON (n.{Quote(ix.Property)})";
        var create = ix.OwningConstraint is { } owner
            ? $"CREATE CONSTRAINT {Quote(owner)} FOR (n:{Quote(ix.Label)}) REQUIRE (n.{Quote(ix.Property)}) IS UNIQUE"
            : ix.Type == IndexType.Range
                ? $"CREATE RANGE INDEX {Quote(ix.Name)} {schema}"
                : $"CREATE {ix.Type.Neo4jName()} INDEX {Quote(ix.Name)} {schema} OPTIONS {{indexConfig: {{{ConfigText(config)}}}, indexProvider: '{Provider(ix.Type)}'}}";
        return new(StringComparer.Ordinal)
        {
            ["name"] = ix.Name,
            ["type"] = ix.Type.Neo4jName(),
            ["entityType"] = "NODE",
            ["labelsOrTypes"] = new List<object?> { ix.Label },
            ["properties"] = new List<object?> { ix.Property },
            ["indexProvider"] = Provider(ix.Type),
            ["owningConstraint"] = ix.OwningConstraint,
            ["options"] = options,
            ["createStatement"] = create,
        };
    }

    private static Dictionary<string, object?> Lookup(string name, bool relationships) => new(StringComparer.Ordinal)
    {
        ["name"] = name,
        ["type"] = "LOOKUP",
        ["entityType"] = relationships ? "RELATIONSHIP" : "NODE",
        ["labelsOrTypes"] = null,
        ["properties"] = null,
        ["indexProvider"] = LookupProvider,
        ["options"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["indexProvider"] = LookupProvider,
            ["indexConfig"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        },
        ["createStatement"] = relationships
            ? $"CREATE LOOKUP INDEX {Quote(name)} FOR ()-[r]-() ON EACH type(r)"
            : $"CREATE LOOKUP INDEX {Quote(name)} FOR (n) ON EACH labels(n)",
    };

    /// <summary>The common columns every index row has, then the row's own values, for each requested column.</summary>
    private static Dictionary<string, object?> Place(IReadOnlyList<string> columns, Dictionary<string, object?> own)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            row[column] = own.TryGetValue(column, out var v) ? v : column switch
            {
                "state" => "ONLINE",
                "populationPercent" => 100.0,
                "readCount" => 0L,
                "failureMessage" => "",
                _ => null,
            };
        }

        return row;
    }

    private static string ConfigText(Dictionary<string, object?> config) => string.Join(", ", config.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
        $"`{e.Key}`: [{string.Join(", ", ((List<object?>)e.Value!).Select(d => ((double)d!).ToString("0.0##############", System.Globalization.CultureInfo.InvariantCulture)))}]"));

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
