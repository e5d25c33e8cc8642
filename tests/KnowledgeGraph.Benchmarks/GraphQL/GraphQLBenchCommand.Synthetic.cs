using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.GraphQL;

public sealed partial class GraphQLBenchCommand
{
    // Shares of the node count per label, in key-prefix order; Country stays small as in reality.
    private static readonly (string Label, string Prefix, double Share)[] Kinds =
    [
        ("Country", "country", 0.002), ("Person", "person", 0.45), ("Organization", "org", 0.1), ("Meeting", "meeting", 0.15),
        ("Document", "document", 0.2), ("Claim", "claim", 0.08), ("Topic", "topic", 0.018),
    ];

    /// <summary>
    /// A model-shaped graph (model labels, key prefixes and relationship types with provenance), bulk loaded:
    /// <paramref name="nodes"/> nodes and 5 relationships per node with power-law endpoints (hubs at low indexes).
    /// </summary>
    internal static async Task LoadSyntheticAsync(GraphDatabase db, int nodes, CancellationToken ct)
    {
        var counts = Kinds.Select(k => Math.Max(2, (int)(nodes * k.Share))).ToArray();
        var ids = new Dictionary<string, long[]>();
        var random = new Random(42);
        await using (var bulk = await db.Store.BeginBulkLoadAsync(ct))
        {
            for (var k = 0; k < Kinds.Length; k++)
            {
                var (label, prefix, _) = Kinds[k];
                var list = ids[label] = new long[counts[k]];
                for (var i = 0; i < counts[k]; i++)
                {
                    var props = new Dictionary<string, object?>
                    {
                        ["key"] = prefix + ":" + i,
                        ["name"] = label + " " + i,
                        ["aliases"] = new List<object?> { prefix.ToUpperInvariant() + i },
                    };
                    if (label == "Person") props["title"] = "envoy " + (i % 50);
                    if (label == "Meeting") props["startDate"] = $"2025-{1 + i % 12:00}-{1 + i % 28:00}";
                    list[i] = bulk.CreateNode([label], props);
                }
            }
            long Pick(string label)
            {
                var list = ids[label];
                var u = random.NextDouble();
                return list[Math.Min(list.Length - 1, (long)(list.Length * u * u * u))];
            }
            var confidences = new[] { "confirmed", "reported", "claimed", "denied" };
            var anyLabel = Kinds.Select(k => k.Label).ToArray();
            for (long r = 0; r < nodes * 5L; r++)
            {
                var roll = random.Next(100);
                var (from, to, type) = roll switch
                {
                    < 8 => (Pick("Person"), Pick(random.Next(2) == 0 ? "Country" : "Organization"), "REPRESENTS"),
                    < 30 => (Pick("Person"), Pick("Meeting"), "ATTENDED"),
                    < 40 => (Pick("Person"), Pick("Organization"), "MEMBER_OF"),
                    < 60 => (Pick("Document"), Pick(anyLabel[random.Next(anyLabel.Length)]), "MENTIONS"),
                    < 70 => (Pick("Person"), Pick("Claim"), "STATED"),
                    < 80 => (Pick("Claim"), Pick(anyLabel[random.Next(anyLabel.Length)]), "ABOUT"),
                    < 90 => (Pick("Person"), Pick("Person"), "NEGOTIATES_WITH"),
                    _ => (Pick("Country"), Pick("Country"), "ALLY_OF"),
                };
                bulk.CreateRelationship(from, to, type, new Dictionary<string, object?>
                {
                    ["sources"] = new List<object?> { "source:" + random.Next(20) },
                    ["confidence"] = confidences[random.Next(confidences.Length)],
                    ["date"] = $"2025-{1 + random.Next(12):00}",
                });
            }
            await bulk.CompleteAsync(ct);
        }
        // The schema the service applies on start (cypher/schema.cypher: key constraints, name and date indexes),
        // so the figures are those of the graph as deployed.
        foreach (var statement in KnowledgeGraph.Seeding.SchemaScript.Statements)
            await db.ExecuteQueryAsync(statement, cancellationToken: ct);
    }
}
