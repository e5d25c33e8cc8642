using System.Globalization;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// The planned, batched operators and the interpreted clause pipeline must give the same answers. A corpus of
/// queries (the peer bench's shapes, scan-filter-aggregate, ORDER BY … LIMIT over a whole label, grouped counts,
/// DISTINCT, several pattern parts and MATCH clauses) runs on seeded random graphs — missing properties, mixed types
/// (integers, floats, strings in one property), ties — once through the planner and once with the interpreter forced;
/// rows (or the error code) must be equal, in order where the query orders them. Each planned query must really be
/// planned (its EXPLAIN shows the PIPELINED runtime).
/// </summary>
public sealed class PlannedExecutionDifferentialTests
{
    private static readonly string[] Cities = ["Kyiv", "Rome", "Paris", "Ankara"];

    private static async Task<GraphDatabase> RandomGraph(int seed, bool indexed)
    {
        var random = new Random(seed);
        var db = GraphDatabase.CreateInMemory();
        object? Age() => random.Next(12) switch
        {
            0 or 1 => null,                              // missing
            2 => 20 + random.Next(60) + 0.5,             // float
            3 => (20 + random.Next(60)).ToString(CultureInfo.InvariantCulture), // string: mixed types
            _ => (long)(20 + random.Next(60)),
        };
        var people = Enumerable.Range(0, 150).Select(i => (object?)new Dictionary<string, object?>
        {
            ["key"] = "p" + i, ["name"] = "P" + i, ["age"] = Age(),
            ["city"] = random.Next(6) == 0 ? null : Cities[random.Next(Cities.Length)],
            ["both"] = i % 30 == 0,
        }).ToList();
        await db.Q("UNWIND $people AS p CREATE (n:Person) SET n = p WITH n WHERE n.both REMOVE n.both SET n:Org", new { people });
        await db.Q("MATCH (n:Person) REMOVE n.both");
        await db.Q("UNWIND range(0, 14) AS i CREATE (:Org {key: 'o' + i, size: i % 4})");
        var knows = Enumerable.Range(0, 450).Select(_ => (object?)new List<object?> { (long)random.Next(150), (long)random.Next(150), (long)random.Next(3) }).ToList();
        await db.Q("UNWIND $knows AS k MATCH (a:Person {key: 'p' + k[0]}), (b:Person {key: 'p' + k[1]}) CREATE (a)-[:KNOWS {w: k[2]}]->(b)", new { knows });
        var members = Enumerable.Range(0, 200).Select(_ => (object?)new List<object?> { (long)random.Next(150), (long)random.Next(15) }).ToList();
        await db.Q("UNWIND $members AS m MATCH (a:Person {key: 'p' + m[0]}), (o:Org {key: 'o' + m[1]}) CREATE (a)-[:MEMBER_OF]->(o)", new { members });
        if (indexed)
        {
            await db.Q("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE");
            await db.Q("CREATE INDEX person_city FOR (p:Person) ON (p.city)");
            await db.Q("CREATE INDEX person_age FOR (p:Person) ON (p.age)");
        }
        return db;
    }

    /// <summary>Queries and whether their row order is defined (compared in order) or not (as a multiset).</summary>
    private static readonly (string Query, bool Ordered)[] Corpus =
    [
        // The peer bench (../shared/bench/peer/queries.json).
        ("MATCH (p:Person {key: $k}) RETURN p.name AS v", false),
        ("MATCH (p:Person {key: $k})-[:KNOWS]->()-[:KNOWS]->(f) WHERE f.age > 40 RETURN count(DISTINCT f) AS v", false),
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WITH o, count(p) AS c ORDER BY c DESC, o.key LIMIT 10 RETURN collect(c) AS v", false),
        // Scan, filter, aggregate over a whole label.
        ("MATCH (p:Person) WHERE p.age > 40 RETURN p.city AS city, count(*) AS n, sum(p.age) AS s, avg(p.age) AS a, min(p.age) AS lo, max(p.age) AS hi", false),
        ("MATCH (p:Person) RETURN p.city AS city, count(p.age) AS n, collect(p.key) AS keys, min(p.age) AS lo, max(p.age) AS hi", false),
        ("MATCH (p:Person) WHERE p.age IS NULL RETURN count(*) AS n", false),
        ("MATCH (p:Person) WHERE p.age > 1000 RETURN count(*) AS n, collect(p.key) AS ks, avg(p.age) AS a, sum(p.age) AS s", false),
        ("MATCH (p:Person) WHERE p.city IN ['Kyiv', 'Rome'] AND NOT p.age < 30 RETURN p.key AS k ORDER BY k", true),
        ("MATCH (p:Person) WHERE p.city = 'Paris' OR p.age >= 70 XOR p.name ENDS WITH '7' RETURN p.key AS k, p.age AS a", false),
        ("MATCH (p:Person) WHERE p.name STARTS WITH 'P1' AND p.name CONTAINS '2' RETURN p.key AS k ORDER BY k DESC", true),
        ("MATCH (p:Person) RETURN CASE WHEN p.age > 50 THEN 'old' WHEN p.age IS NULL THEN 'unknown' ELSE 'young' END AS g, count(*) AS n", false),
        ("MATCH (p:Person) RETURN toString(p.age) AS a, count(*) AS n ORDER BY n DESC, a LIMIT 7", true),
        ("MATCH (p:Person) RETURN sum(p.age) AS s", false), // strings among the ages: the same type error both ways
        // ORDER BY … LIMIT over a whole label: nulls last, mixed types in Cypher's order, ties.
        ("MATCH (p:Person) RETURN p.age AS a ORDER BY a LIMIT 25", true),
        ("MATCH (p:Person) RETURN p.age AS a ORDER BY a DESC LIMIT 25", true),
        ("MATCH (p:Person) RETURN p.key AS k ORDER BY p.age, p.key DESC SKIP 5 LIMIT 20", true),
        ("MATCH (p:Person) RETURN p.city AS c, p.key AS k ORDER BY c DESC, k SKIP 140", true),
        ("MATCH (p:Person) RETURN p ORDER BY p.age, p.key LIMIT 3", true),
        ("MATCH (p:Person) WITH p ORDER BY p.name LIMIT 10 RETURN p.key AS k ORDER BY k", true),
        ("MATCH (p:Person) RETURN p.city AS c ORDER BY c", true),
        // Grouped counts and DISTINCT.
        ("MATCH (p:Person) RETURN DISTINCT p.city AS c", false),
        ("MATCH (p:Person) RETURN DISTINCT toString(p.age) AS a ORDER BY a LIMIT 12", true),
        ("MATCH (p:Person)-[:KNOWS]->(q) RETURN p.city AS c, count(DISTINCT q.city) AS n, count(DISTINCT q) AS m", false),
        ("MATCH (p:Person) WITH p.city AS c, count(*) AS n WHERE n > 5 RETURN c, n ORDER BY n DESC, c", true),
        ("MATCH (o:Org) WITH o.key AS key, o.size AS size RETURN * ORDER BY key", true),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p) WITH o.size AS size, count(*) AS members RETURN size, members ORDER BY size", true),
        // Several parts and clauses, cycles, uniqueness, labels, relationship properties.
        ("MATCH (a:Person {key: $k}), (o:Org) RETURN o.key AS o ORDER BY o", true),
        ("MATCH (a:Person)-[:MEMBER_OF]->(o), (b:Person)-[:MEMBER_OF]->(o) WHERE a.key < b.key RETURN count(*) AS n", false),
        ("MATCH (a:Person {key: $k}) MATCH (a)-[:KNOWS]-(b) RETURN b.key AS b ORDER BY b", true),
        ("MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(a) RETURN count(*) AS n", false),
        ("MATCH (a)-[r:KNOWS]-(a) RETURN count(r) AS n", false),
        ("MATCH (a:Person)-[:KNOWS]-(b) RETURN count(*) AS n", false),
        ("MATCH (a)-[r1:KNOWS]-(b)-[r2:KNOWS]-(c) RETURN count(*) AS n", false),
        ("MATCH (n:Person:Org) RETURN n.key AS k", false),
        ("MATCH (n) WHERE n:Org OR n.age > 70 RETURN count(*) AS n", false),
        ("MATCH (p:Person)-[k:KNOWS {w: 1}]->(q:Person) WHERE q.city = p.city RETURN p.key AS p, q.key AS q", false),
        ("MATCH (p:Person {city: 'Rome'})-[:MEMBER_OF]->(o:Org {size: 2}) RETURN p.key AS p, o.key AS o", false),
        ("MATCH (a:Person {key: $k})-[:KNOWS]->(b) WITH b MATCH (b)-[:MEMBER_OF]->(o) RETURN o.key AS o, count(*) AS n", false),
        ("MATCH (p:Person) WHERE p.age = 41 OR p.age = 41.5 OR p.age = '41' RETURN p.key AS k, p.age AS a", false),
        ("MATCH (p:Person) RETURN p.age + 1 AS a LIMIT 200", false), // '41' + 1 is a string: no error
        ("MATCH (p:Person) RETURN p.age * 2 AS a", false), // a string times 2: the same type error both ways
        // OPTIONAL MATCH: nulls for what it does not find, chained over nulls, Into, a WHERE inside.
        ("MATCH (p:Person) OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Org) RETURN p.key AS p, o.key AS o", false),
        ("MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) WHERE q.age > 60 RETURN p.key AS p, count(q) AS n", false),
        ("OPTIONAL MATCH (n:Nope) RETURN n", false),
        ("OPTIONAL MATCH (n:Org {size: 3}) RETURN n.key AS k", false),
        ("MATCH (p:Person) WHERE p.city = 'Kyiv' OPTIONAL MATCH (p)-[:MEMBER_OF]->(o) OPTIONAL MATCH (o)<-[:MEMBER_OF]-(x) RETURN p.key AS p, o.key AS o, count(x) AS n", false),
        ("MATCH (a:Person), (b:Org) WHERE a.key = 'p3' OPTIONAL MATCH (a)-[r:MEMBER_OF]->(b) RETURN b.key AS b, r IS NULL AS none", false),
        ("MATCH (a:Person {key: $k}) OPTIONAL MATCH (a)-[:KNOWS]->(b:Org) RETURN a.key AS a, b", false),
        ("MATCH (a:Person) OPTIONAL MATCH (a)-[:KNOWS]->(b) WITH a, count(b) AS n WHERE n = 0 RETURN a.key AS a ORDER BY a", true),
        // UNWIND: null, empty, a non-list value, nested, as a MATCH's source.
        ("UNWIND [1, null, 'x', [2], 2.5] AS x RETURN x", true),
        ("UNWIND null AS x RETURN x", true),
        ("UNWIND [] AS x RETURN x", true),
        ("UNWIND 5 AS x RETURN x", true),
        ("UNWIND range(1, 3) AS i UNWIND range(i, 3) AS j RETURN i, j", true),
        ("UNWIND ['p1', 'p2', 'nope', null] AS k MATCH (p:Person {key: k}) RETURN k, p.age AS a", false),
        ("MATCH (p:Person) WITH collect(p.city) AS cs UNWIND cs AS c RETURN c, count(*) AS n", false),
        ("MATCH (p:Person) UNWIND p.age AS a RETURN a, count(*) AS n", false),
        ("UNWIND $ks AS k OPTIONAL MATCH (p:Person {key: k})-[:MEMBER_OF]->(o) RETURN k, o.key AS o", false),
        // Path variables on fixed-length patterns.
        ("MATCH p = (a:Person {key: $k})-[:KNOWS]->(b) RETURN p", false),
        ("MATCH p = (o:Org)<-[:MEMBER_OF]-(b:Person {city: 'Rome'}) RETURN nodes(p) AS ns, relationships(p) AS rs, length(p) AS l", false),
        ("MATCH p = (n:Org) RETURN p", false),
        ("MATCH p = (a:Person)-[:KNOWS]->(b)-[:KNOWS]-(c) WHERE a.key = $k RETURN p", false),
        ("MATCH (a:Person {key: $k}) OPTIONAL MATCH p = (a)-[:MEMBER_OF]->(o:Org {size: 3}) RETURN p", false),
        // Variable-length relationships: bounded, zero-length, backwards, Into, uniqueness across the clause.
        ("MATCH (p:Person {key: $k})-[:KNOWS*1..3]->(x) RETURN count(DISTINCT x) AS v", false),
        ("MATCH (p:Person {key: $k})-[r:KNOWS*0..2]-(x) RETURN x.key AS x, size(r) AS n", false),
        ("MATCH (p:Person {key: $k})<-[:KNOWS*2]-(x) RETURN x.key AS x", false),
        ("MATCH (p:Person {key: $k})-[:KNOWS*0]->(x) RETURN x.key AS x", false),
        ("MATCH (a:Person {key: $k})-[:KNOWS*1..2]->(b)-[:MEMBER_OF]->(o) RETURN o.key AS o, count(*) AS n", false),
        ("MATCH (a:Person {key: $k})-[r1:KNOWS]-(b)-[r2:KNOWS*1..2]-(c) RETURN r1, r2, c.key AS c", false),
        ("MATCH (a:Person {key: $k})-[r1:KNOWS*1..2]-(b)-[r2:KNOWS]-(c) RETURN r1, r2, c.key AS c", false),
        ("MATCH (a:Person {key: $k})-[:KNOWS]-(b)-[:KNOWS*1..2]-(c) RETURN c.key AS c", false), // anonymous: uniqueness still holds
        ("MATCH (a:Person {key: $k})-[:KNOWS*1..2]-(b)-[:KNOWS]-(c) RETURN c.key AS c", false),
        ("MATCH p = (a:Person {key: $k})-[:KNOWS*1..2]->(b) RETURN p", false),
        ("MATCH (a:Person {key: $k}), (b:Person {key: 'p9'}) MATCH (a)-[r:KNOWS*..3]-(b) RETURN r", false),
        ("MATCH (a:Person {key: $k}) OPTIONAL MATCH (a)-[:KNOWS*2..2 {w: 2}]->(b) RETURN b.key AS b", false),
        ("MATCH (x)-[:KNOWS*2..2]->(p:Person {key: $k}) RETURN x.key AS x", false),
        // Seeks: id / elementId (NodeByIdSeek, NodeByElementIdSeek), ranges and prefixes (NodeIndexSeekByRange when
        // indexed): mixed types in the property, bounds of another type, null bounds, unseekable bounds.
        ("MATCH (n) WHERE id(n) = 3 RETURN n", false),
        ("MATCH (n:Person) WHERE id(n) IN [1, 2, 3.0, 'x', null, 100000] RETURN n.key AS k", false),
        ("MATCH (a:Person {key: $k}) MATCH (b) WHERE id(b) = id(a) + 1 RETURN b", false),
        ("MATCH (a:Person {key: $k}) MATCH (b) WHERE elementId(b) = elementId(a) RETURN b.key AS k", false),
        ("MATCH (a)-[:KNOWS]->(b) WHERE id(b) = 5 RETURN a.key AS a", false),
        ("MATCH (p:Person) WHERE p.age > 40 AND p.age <= 60 RETURN p.key AS k, p.age AS a", false),
        ("MATCH (p:Person) WHERE p.age >= '5' RETURN p.key AS k", false),
        ("MATCH (p:Person) WHERE 30 > p.age RETURN count(*) AS n", false),
        ("MATCH (p:Person) WHERE p.age > null RETURN count(*) AS n", false),
        ("MATCH (p:Person) WHERE p.age < true RETURN count(*) AS n", false),
        ("MATCH (p:Person) WHERE p.city STARTS WITH 'R' RETURN p.key AS k, p.city AS c", false),
        ("MATCH (p:Person) WHERE p.city STARTS WITH 3 RETURN count(*) AS n", false),
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WHERE p.age < 25.5 RETURN o.key AS o, count(*) AS n", false),
        // Expressions the evaluator runs inside an operator: pattern predicates, EXISTS / COUNT subqueries,
        // comprehensions, quantifiers, reduce; CALL of a read-only procedure.
        ("MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Org {size: 1}) RETURN p.key AS k", false),
        ("MATCH (p:Person) WHERE NOT EXISTS { (p)-[:KNOWS]->() } RETURN count(*) AS n", false),
        ("MATCH (p:Person) RETURN p.key AS k, COUNT { (p)-[:KNOWS]-() } AS degree ORDER BY degree DESC, k LIMIT 10", true),
        ("MATCH (p:Person {key: $k}) RETURN [(p)-[:KNOWS]->(q) | q.key] AS qs, [x IN range(1, 5) WHERE x % 2 = 1 | x * 10] AS odd", false),
        ("MATCH (p:Person) WHERE any(c IN ['Kyiv', 'Rome'] WHERE c = p.city) RETURN count(*) AS n", false),
        ("MATCH (p:Person {key: $k}) RETURN reduce(s = 0, q IN [(p)-[:KNOWS]-(q) | q] | s + 1) AS n", false),
        ("MATCH (p:Person) WITH p.city AS c, collect(p.age) AS ages RETURN c, [a IN ages WHERE a > 50] AS old", false),
        ("CALL db.labels() YIELD label RETURN label ORDER BY label", true),
        ("CALL db.relationshipTypes() YIELD relationshipType AS t MATCH ()-[r]->() WHERE type(r) = t RETURN t, count(r) AS n", false),
        // Shortest paths: found, none, all shortest.
        ("MATCH (a:Person {key: $k}), (b:Person {key: 'p9'}) OPTIONAL MATCH p = shortestPath((a)-[:KNOWS*..8]-(b)) RETURN length(p) AS v", false),
        ("MATCH (a:Person {key: $k}), (o:Org {key: 'o1'}) OPTIONAL MATCH p = shortestPath((a)-[:KNOWS*..8]->(o)) RETURN p", false),
        ("MATCH (a:Person {key: $k}), (b:Person) WHERE b.city = 'Rome' MATCH p = allShortestPaths((a)-[:KNOWS*]->(b)) RETURN b.key AS b, count(p) AS n", false),
        ("MATCH (a:Person {key: $k}), (b:Person) WHERE b.city = 'Paris' MATCH p = shortestPath((a)-[:KNOWS*..4]-(b)) RETURN b.key AS b, nodes(p) AS ns", false),
        // Counts over an expansion read as degrees (GetDegree), and the shapes that must keep the expansion.
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WITH o, count(p) AS c RETURN o, c", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p) RETURN o.key AS o, count(*) AS n", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-() RETURN count(*) AS n", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person:Org) RETURN o.key AS o, count(p) AS n", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p:Org|Person) RETURN o.key AS o, count(p) AS n", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) RETURN o.size AS s, count(o) AS n, count(*) AS m", false),
        ("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) WITH o, count(p) AS c WHERE c > 2 RETURN o.key AS o, c ORDER BY c DESC, o LIMIT 5", true),
        ("MATCH (a:Person)-[r:KNOWS]-(b) RETURN a.key AS a, count(r) AS n", false), // self-loops, both directions
        ("MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN a, count(b) AS n", false),
        ("MATCH (a:Person)<-[:KNOWS]-(b:Person) RETURN a.key AS a, count(b) AS n", false),
        ("MATCH (a:Person)-[:KNOWS|MEMBER_OF]->(b) RETURN a.key AS a, count(*) AS n", false),
        ("MATCH (a:Person)-[:KNOWS|MEMBER_OF]->(b:Org) RETURN a.key AS a, count(b) AS n", false),
        ("MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE k.w = 1 AND b.age > 30 RETURN a.key AS a, count(*) AS n", false),
        ("MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN a.key AS a, b.key AS b, count(c) AS n", false), // uniqueness
        ("MATCH (a:Person {key: $k})-[:KNOWS]->(b) RETURN count(b) AS n, count(*) AS m", false),
        ("MATCH (a:Person {key: 'nobody'})-[:KNOWS]->(b) RETURN count(b) AS n", false),
        ("MATCH (a:Person)-[:KNOWS]->(b) WHERE b.age > 50 RETURN a.city AS c, count(b) AS n", false),
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) RETURN o.key AS o, count(DISTINCT p) AS n", false),
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) RETURN o.key AS o, count(p.age) AS n", false),
        ("MATCH (p:Person)-[:MEMBER_OF]->(o:Org) RETURN o.key AS o, count(p) AS n, max(p.key) AS m", false),
        ("MATCH (a:Person)-[r:KNOWS]->(b) RETURN b.key AS b, count(*) AS n", false),
        ("MATCH (a:Person)-[:KNOWS {w: 1}]->(b) RETURN a.key AS a, b.key AS b", false), // an anonymous relationship read by its map
        ("MATCH (a:Person)-[:KNOWS {w: 2}]->(b) RETURN b.city AS c, count(*) AS n", false),
        ("MATCH (a:Person)-[:KNOWS {w: 2}]->(b) RETURN a.city AS c, count(*) AS n", false),
        // Rows refilled batch after batch must not leak into operators that keep rows (Sort, Top).
        ("MATCH (a:Person)-[:KNOWS]->(b) RETURN a.key AS a, b.key AS b ORDER BY a, b", true),
        ("MATCH (a:Person)-[:KNOWS]->(b) RETURN a.key AS a, b.key AS b ORDER BY b DESC, a LIMIT 40", true),
        ("MATCH (a:Person)-[:KNOWS]->(b) RETURN a.key AS a, b.key AS b", false),
        ("MATCH (a:Person), (o:Org) RETURN a.key AS a, o.key AS o ORDER BY o, a SKIP 100 LIMIT 50", true),
    ];

    private static readonly object Parameters = new { k = "p7", ks = new List<object?> { "p1", "p7", "nope", null } };

    private static Task<List<string>> Run(GraphDatabase db, string query, bool ordered) => PlanComparison.Rows(db, query, Parameters, ordered);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public async Task Corpus_Should_GiveTheInterpretersRows_When_RunAsPlannedOperators(int seed, bool indexed)
    {
        await using var db = await RandomGraph(seed, indexed);
        var nonEmpty = 0;
        foreach (var (query, ordered) in Corpus)
        {
            var plan = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
            Assert.True("PIPELINED".Equals(plan.Arguments["runtime"]), $"not planned: {query}");
            var planned = await Run(db, query, ordered);
            List<string> interpreted;
            using (PlannerSwitch.UseInterpreter())
            {
                var fallback = (await db.Q("EXPLAIN " + query, Parameters, AccessMode.Read)).Summary.Plan!;
                Assert.Equal("SLOTTED", fallback.Arguments["runtime"]);
                interpreted = await Run(db, query, ordered);
            }
            Assert.True(interpreted.SequenceEqual(planned),
                $"seed {seed}: {query}\ninterpreted ({interpreted.Count}):\n  {string.Join("\n  ", interpreted.Take(12))}\nplanned ({planned.Count}):\n  {string.Join("\n  ", planned.Take(12))}");
            if (planned.Count > 0 && !planned[0].StartsWith("error", StringComparison.Ordinal)) nonEmpty++;
        }
        Assert.True(nonEmpty > Corpus.Length - 8, $"only {nonEmpty} of {Corpus.Length} queries returned rows");
    }
}
