namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The seeded random graph the planned-against-interpreted corpora run on: people keyed <c>p0</c>… with an age or
/// none, and KNOWS relationships with a small weight <c>w</c> between the first <c>among</c> people, parallel ones and
/// self-loops included (the same seed always gives the same graph).
/// </summary>
internal static class KnowsGraph
{
    public static async Task<GraphDatabase> CreateAsync(int seed, int people, int noAgeOneIn, int ageSpan, int relationships, int among, int weights)
    {
        var random = new Random(seed);
        var db = GraphDatabase.CreateInMemory();
        var rows = Enumerable.Range(0, people).Select(i => (object?)new Dictionary<string, object?>
        {
            ["key"] = "p" + i,
            ["age"] = random.Next(noAgeOneIn) == 0 ? null : (long)(20 + random.Next(ageSpan)),
        }).ToList();
        await db.Q("UNWIND $people AS p CREATE (n:Person) SET n = p", new { people = rows });
        var knows = Enumerable.Range(0, relationships).Select(_ => (object?)new List<object?> { (long)random.Next(among), (long)random.Next(among), (long)random.Next(weights) }).ToList();
        await db.Q("UNWIND $knows AS k MATCH (a:Person {key: 'p' + k[0]}), (b:Person {key: 'p' + k[1]}) CREATE (a)-[:KNOWS {w: k[2]}]->(b)", new { knows });
        return db;
    }
}
