using System.Globalization;
using System.Text;
using KnowledgeGraph.Model;
using KnowledgeGraph.Seeding.Seeds;
using KnowledgeGraph.Text;

namespace KnowledgeGraph.Seeding;

/// <summary>
/// Renders the seed data as plain Cypher with literal values (<c>cypher/seed.cypher</c>) for analysts to paste
/// into Neo4j Browser or cypher-shell after <c>cypher/schema.cypher</c>. Output is deterministic (sorted by
/// label, type and key), MERGE-based and idempotent, and holds the state all seed files produce together
/// (aliases and report chains unioned across files, later files' other properties winning).
/// </summary>
public static class SeedCypherGenerator
{
    /// <summary>Generates the script; throws <see cref="SeedValidationException"/> when any seed file is invalid.</summary>
    public static string Generate(string seedsDirectory)
    {
        var set = SeedSet.LoadAsync(seedsDirectory).GetAwaiter().GetResult();
        if (set.Errors.Count > 0) throw new SeedValidationException(set.Errors);
        return Generate(set.Files);
    }

    /// <summary>Generates the script from validated files, in load order.</summary>
    public static string Generate(IReadOnlyList<SeedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var nodes = new Dictionary<string, (string Label, List<string> Aliases, Dictionary<string, object?> Props, List<string>? Chains)>(StringComparer.Ordinal);
        var relationships = new Dictionary<(string, string, string), (SeedRelationship First, List<string> Chains, Dictionary<string, object?> Props)>();
        foreach (var file in files)
        {
            foreach (var n in file.Nodes)
            {
                if (!nodes.TryGetValue(n.Key, out var entry))
                    nodes[n.Key] = entry = (n.Label, [], new Dictionary<string, object?>(StringComparer.Ordinal), n.Chains is null ? null : []);
                entry.Aliases.AddRange(n.Aliases.Where(a => !entry.Aliases.Contains(a)));
                foreach (var (k, v) in n.Properties) entry.Props[k] = v;
                if (n.Chains is not null && entry.Chains is not null)
                    entry.Chains.AddRange(n.Chains.Where(c => !entry.Chains.Contains(c)));
            }
            foreach (var r in file.Relationships)
            {
                var id = (r.FromKey, r.Type, r.ToKey);
                if (!relationships.TryGetValue(id, out var entry))
                    relationships[id] = entry = (r, [], new Dictionary<string, object?>(StringComparer.Ordinal));
                entry.Chains.AddRange(r.Chains.Where(c => !entry.Chains.Contains(c)));
                foreach (var (k, v) in r.Properties) entry.Props[k] = v;
            }
        }

        var sb = new StringBuilder();
        sb.Append("""
            // The knowledge graph's seed data as plain Cypher, for Neo4j Browser or cypher-shell.
            // GENERATED from seeds/*.json by SeedCypherGenerator: do not edit by hand. To regenerate:
            //   KG_UPDATE_SEED_CYPHER=1 dotnet test tests/KnowledgeGraph.Seeding.Tests --filter SeedCypher_Should_BeUpToDate
            // Run cypher/schema.cypher first. Every statement MERGEs on key, so running it again changes nothing.

            """);
        foreach (var label in KnowledgeModel.Labels)
        {
            var ofLabel = nodes.Where(n => n.Value.Label == label.Name).OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
            if (ofLabel.Count == 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $"\n// {label.Name} ({ofLabel.Count})\n");
            var order = label.AllProperties.Select(p => p.Name).ToList();
            foreach (var (key, (_, aliases, props, chains)) in ofLabel)
            {
                var all = new Dictionary<string, object?>(props) { ["aliases"] = aliases.Cast<object?>().ToList() };
                if (chains is not null) Derive(all, chains);
                sb.Append(CultureInfo.InvariantCulture, $"MERGE (n:{label.Name} {{key: {Literal(key)}}}) SET n += {MapLiteral(all, order)};\n");
            }
        }
        foreach (var type in KnowledgeModel.RelationshipTypes)
        {
            var ofType = relationships.Values.Where(r => r.First.Type == type.Name)
                .OrderBy(r => r.First.FromKey, StringComparer.Ordinal).ThenBy(r => r.First.ToKey, StringComparer.Ordinal).ToList();
            if (ofType.Count == 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $"\n// {type.Name} ({ofType.Count})\n");
            var order = type.AllProperties.Select(p => p.Name).ToList();
            foreach (var (r, chains, props) in ofType)
            {
                var all = new Dictionary<string, object?>(props);
                if (!type.Structural) Derive(all, chains);
                sb.Append(CultureInfo.InvariantCulture,
                    $"MATCH (a:{r.FromLabel} {{key: {Literal(r.FromKey)}}}) MATCH (b:{r.ToLabel} {{key: {Literal(r.ToKey)}}}) MERGE (a)-[r:{type.Name}]->(b) SET r += {MapLiteral(all, order)};\n");
            }
        }
        return sb.ToString();
    }

    // The same union-then-derive the loader's statements do, so seed.cypher holds what seeding stores.
    private static void Derive(Dictionary<string, object?> props, List<string> chains)
    {
        props[Provenance.Chains] = chains.Cast<object?>().ToList();
        props[Provenance.Origins] = ProvenanceChains.Origins(chains).Cast<object?>().ToList();
        props[Provenance.IndependentSources] = (long)ProvenanceChains.Origins(chains).Count;
        props[Provenance.Sources] = ProvenanceChains.Sources(chains).Cast<object?>().ToList();
    }

    private static string MapLiteral(Dictionary<string, object?> values, List<string> order)
    {
        var keys = values.Keys.OrderBy(k => order.IndexOf(k) is var i and >= 0 ? i : int.MaxValue).ThenBy(k => k, StringComparer.Ordinal);
        return "{" + string.Join(", ", keys.Select(k => $"{k}: {Literal(values[k])}")) + "}";
    }

    /// <summary>A Cypher literal for a seed value: string (escaped), integer, or list of those.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => CypherText.StringLiteral(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Literal)) + "]",
        _ => throw new ArgumentException($"Unsupported seed value type {value.GetType().Name}.", nameof(value)),
    };
}
