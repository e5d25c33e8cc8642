namespace KnowledgeGraph.Api.Configuration;

/// <summary>The <c>Graph</c> section: which engine answers Cypher.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary><c>embedded</c> (default) or <c>neo4j</c>.</summary>
    public string Provider { get; set; } = GraphProviders.Embedded;

    /// <summary>Where the embedded engine keeps its files.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Connection to a Neo4j server (Provider = neo4j).</summary>
    public Neo4jOptions Neo4j { get; set; } = new();
}

/// <summary>The <c>Graph:Neo4j</c> section.</summary>
public sealed class Neo4jOptions
{
    public string? Uri { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}

/// <summary>Accepted values of <c>Graph:Provider</c>.</summary>
public static class GraphProviders
{
    public const string Embedded = "embedded";
    public const string Neo4j = "neo4j";
}
