using KnowledgeGraph.Cypher.Tck.Values;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>
/// What a query's side effects are measured against, read through the public Cypher API: node and relationship
/// ids, the set of label names in use, and the set of (entity, key, value) property triples. Diffing two states
/// gives the TCK's counts: a label counts once however many nodes carry it, and a property whose value changed
/// counts as one removed and one added.
/// </summary>
public sealed class GraphState
{
    private GraphState(HashSet<long> nodes, HashSet<long> relationships, HashSet<string> labels, HashSet<string> properties)
    {
        Nodes = nodes;
        Relationships = relationships;
        Labels = labels;
        Properties = properties;
    }

    /// <summary>Node ids.</summary>
    public IReadOnlySet<long> Nodes { get; }

    /// <summary>Relationship ids.</summary>
    public IReadOnlySet<long> Relationships { get; }

    /// <summary>Distinct label names on any node.</summary>
    public IReadOnlySet<string> Labels { get; }

    /// <summary>Property triples encoded as text (entity kind and id, key, typed value).</summary>
    public IReadOnlySet<string> Properties { get; }

    /// <summary>Reads the whole graph (TCK graphs are tiny).</summary>
    public static async Task<GraphState> CaptureAsync(IGraphDriver driver, CancellationToken cancellationToken)
    {
        var nodes = new HashSet<long>();
        var relationships = new HashSet<long>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var properties = new HashSet<string>(StringComparer.Ordinal);

        var nodeResult = await driver.ExecuteQueryAsync("MATCH (n) RETURN n", cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var record in nodeResult.Records)
        {
            if (record[0] is not GraphNode node)
                throw new InvalidOperationException($"MATCH (n) RETURN n returned {ValueText.OfActual(record[0])}, not a node.");
            nodes.Add(node.Id);
            labels.UnionWith(node.Labels);
            foreach (var (key, value) in node.Properties)
                properties.Add($"n{node.Id}\u0001{key}\u0001{ValueText.OfActual(value)}");
        }

        var relResult = await driver.ExecuteQueryAsync("MATCH ()-[r]->() RETURN r", cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var record in relResult.Records)
        {
            if (record[0] is not GraphRelationship rel)
                throw new InvalidOperationException($"MATCH ()-[r]->() RETURN r returned {ValueText.OfActual(record[0])}, not a relationship.");
            relationships.Add(rel.Id);
            foreach (var (key, value) in rel.Properties)
                properties.Add($"r{rel.Id}\u0001{key}\u0001{ValueText.OfActual(value)}");
        }

        return new GraphState(nodes, relationships, labels, properties);
    }

    /// <summary>The side effects between <paramref name="before"/> and <paramref name="after"/>, keyed as the TCK names them.</summary>
    public static IReadOnlyDictionary<string, int> Diff(GraphState before, GraphState after) => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["+nodes"] = after.Nodes.Count(id => !before.Nodes.Contains(id)),
        ["-nodes"] = before.Nodes.Count(id => !after.Nodes.Contains(id)),
        ["+relationships"] = after.Relationships.Count(id => !before.Relationships.Contains(id)),
        ["-relationships"] = before.Relationships.Count(id => !after.Relationships.Contains(id)),
        ["+labels"] = after.Labels.Count(l => !before.Labels.Contains(l)),
        ["-labels"] = before.Labels.Count(l => !after.Labels.Contains(l)),
        ["+properties"] = after.Properties.Count(p => !before.Properties.Contains(p)),
        ["-properties"] = before.Properties.Count(p => !after.Properties.Contains(p)),
    };
}
