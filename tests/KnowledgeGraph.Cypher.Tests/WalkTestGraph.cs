namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// The random graph the walk tests compare strategies on: low-numbered nodes are hubs; pairs may get parallel
/// relationships and nodes self-loops; properties are missing (null), integers or strings; labels A, B or none;
/// two relationship types in both directions. The same seed and sizes give the same graph.
/// </summary>
internal static class WalkTestGraph
{
    /// <summary>The node-uniqueness idiom of <c>paths</c> queries, over a path variable <c>p</c>.</summary>
    public const string Distinct = "all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))";

    // tiers: relationships also get a random `tier` (a third of them "background").
    public static async Task<GraphDatabase> CreateAsync(int seed, int nodeCount, int relationshipCount, bool tiers)
    {
        var db = GraphDatabase.CreateInMemory();
        var rnd = new Random(seed);
        var nodes = new List<object?>();
        for (var i = 0; i < nodeCount; i++)
        {
            object? w = (i % 4) switch { 0 => null, 1 => 1L, 2 => 2L, _ => "x" };
            nodes.Add(new Dictionary<string, object?> { ["i"] = (long)i, ["w"] = w, ["l"] = (long)(i % 3) });
        }
        await db.Q("""
            UNWIND $nodes AS n
            CREATE (x:N {key: 'n' + toString(n.i), i: n.i})
            SET x.w = n.w
            FOREACH (_ IN CASE WHEN n.l = 0 THEN [1] ELSE [] END | SET x:A)
            FOREACH (_ IN CASE WHEN n.l = 1 THEN [1] ELSE [] END | SET x:B)
            """, new { nodes });
        var rels = new List<object?>();
        for (var i = 0; i < relationshipCount; i++)
        {
            var a = rnd.Next(4) == 0 ? rnd.Next(3) : rnd.Next(nodeCount);
            var b = rnd.Next(3) == 0 ? rnd.Next(3) : rnd.Next(nodeCount);
            object? c = rnd.Next(5) switch { 0 => null, 1 => "denied", 2 => 1L, _ => "reported" };
            var rel = new Dictionary<string, object?> { ["a"] = (long)a, ["b"] = (long)b, ["t"] = rnd.Next(4) == 0 ? "U" : "T", ["c"] = c };
            if (tiers) rel["tier"] = rnd.Next(3) == 0 ? "background" : null;
            rels.Add(rel);
        }
        await db.Q("""
            UNWIND $rels AS r
            MATCH (a:N {i: r.a}), (b:N {i: r.b})
            FOREACH (_ IN CASE WHEN r.t = 'T' THEN [1] ELSE [] END | CREATE (a)-[:T {c: r.c, tier: r.tier}]->(b))
            FOREACH (_ IN CASE WHEN r.t = 'U' THEN [1] ELSE [] END | CREATE (a)-[:U {c: r.c, tier: r.tier}]->(b))
            """, new { rels });
        return db;
    }
}
