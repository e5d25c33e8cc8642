using System.Globalization;
using System.Text;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// The planner may start a chain anywhere, order the parts of a MATCH and join them through indexes or tables; none
/// of that may change the rows. Random patterns over a random graph (fixed seeds) are compared with the same pattern
/// forced to start at its first node, run in a transaction that has written (where value-join tables are off).
/// </summary>
public sealed class PlannerDifferentialTests
{
    private static async Task<GraphDatabase> RandomGraph(int seed)
    {
        var random = new Random(seed);
        var db = GraphDatabase.CreateInMemory();
        var labels = new[] { "A", "B", "C" };
        // One node per i, with a random label and a random k (null one time in five).
        var nodeLabels = Enumerable.Range(0, 40).Select(_ => (object?)labels[random.Next(3)]).ToList();
        var keys = Enumerable.Range(0, 40).Select(_ => random.Next(5) is var k && k == 4 ? null : (object?)(long)k).ToList();
        foreach (var label in labels)
            await db.Q($"UNWIND range(0, 39) AS i WITH i WHERE $labels[i] = '{label}' CREATE (:{label} {{i: i, k: $keys[i]}})", new { labels = nodeLabels, keys });
        var rels = Enumerable.Range(0, 120).Select(_ => (object?)new Dictionary<string, object?>
        {
            ["a"] = (long)random.Next(40), ["b"] = (long)random.Next(40), ["t"] = new[] { "R", "S", "T" }[random.Next(3)], ["w"] = (long)random.Next(3),
        }).ToList();
        foreach (var type in new[] { "R", "S", "T" })
            await db.Q($"UNWIND $rels AS r WITH r WHERE r.t = '{type}' MATCH (a {{i: r.a}}), (b {{i: r.b}}) CREATE (a)-[:{type} {{w: r.w}}]->(b)", new { rels });
        await db.Q("CREATE INDEX FOR (n:A) ON (n.k)");
        await db.Q("CREATE INDEX FOR (n:B) ON (n.i)");
        return db;
    }

    private static string Node(Random random, int index, bool allowProps)
    {
        var label = random.Next(4) switch { 0 => ":A", 1 => ":B", 2 => ":C", _ => "" };
        var props = allowProps && random.Next(3) == 0 ? (random.Next(2) == 0 ? $" {{k: {random.Next(4)}}}" : $" {{i: {random.Next(40)}}}") : "";
        return $"(n{index}{label}{props})";
    }

    private static string Rel(Random random, int index)
    {
        var type = random.Next(3) switch { 0 => ":R", 1 => ":S", _ => ":R|S" };
        var length = random.Next(5) == 0 ? "*1..2" : "";
        var body = $"[r{index}{type}{length}]";
        return random.Next(3) switch { 0 => $"-{body}->", 1 => $"<-{body}-", _ => $"-{body}-" };
    }

    /// <summary>A chain of 1-3 relationships (R or S), and sometimes a second part joined on a property
    /// (its relationships are of type T, so relationship uniqueness across the parts cannot differ).</summary>
    private static (string Pattern, string? SecondPart, string? Where, List<string> Returns) RandomQuery(Random random)
    {
        var hops = 1 + random.Next(3);
        var sb = new StringBuilder(Node(random, 0, true));
        var returns = new List<string> { "id(n0)" };
        for (var h = 0; h < hops; h++)
        {
            var rel = Rel(random, h);
            sb.Append(rel).Append(Node(random, h + 1, true));
            returns.Add($"id(n{h + 1})");
            returns.Add(rel.Contains('*', StringComparison.Ordinal) ? $"[x IN r{h} | id(x)]" : $"id(r{h})");
        }
        string? second = null, where = null;
        if (random.Next(2) == 0)
        {
            second = random.Next(2) == 0 ? "(m:B)" : "(m:A)-[t:T]->(o)";
            where = random.Next(2) == 0 ? $"m.k = n{random.Next(hops + 1)}.k" : $"m.i = n{random.Next(hops + 1)}.i";
            returns.Add("id(m)");
            if (second.Contains("(o)", StringComparison.Ordinal)) returns.Add("id(o)");
        }
        return (sb.ToString(), second, where, returns);
    }

    private static List<string> Render(IEnumerable<KnowledgeGraph.Driver.Record> records) =>
        records.Select(r => string.Join("|", r.Values.Select(v => v switch
        {
            IEnumerable<object?> l => "[" + string.Join(",", l) + "]",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null",
        }))).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Match_Should_ReturnTheSameRows_When_ThePlannerChoosesItsOwnStartAndOrder(int seed)
    {
        await using var db = await RandomGraph(seed);
        var random = new Random(seed * 7919);
        await using var session = db.OpenSession();
        await using var reference = await session.BeginTransactionAsync();
        await reference.RunAsync("CREATE (:Marker)"); // a transaction that has written: no join tables
        var nonEmpty = 0;
        for (var q = 0; q < 150; q++)
        {
            var (pattern, second, where, returns) = RandomQuery(random);
            var ret = " RETURN " + string.Join(", ", returns.Select((r, i) => $"{r} AS c{i}"));
            var whereClause = where is null ? "" : " WHERE " + where;
            var planned = "MATCH " + pattern + (second is null ? "" : ", " + second) + whereClause + ret;
            // Forced: start at n0, and match the second part in a later clause (no relationships shared with the first).
            var forced = "MATCH (n0) WITH n0 MATCH " + pattern + (second is null ? "" : " WITH * MATCH " + second) + whereClause + ret;
            var expected = Render((await (await reference.RunAsync(forced)).ToEagerAsync()).Records);
            var actual = Render((await db.Q(planned, mode: AccessMode.Read)).Records);
            Assert.True(expected.SequenceEqual(actual), $"seed {seed}, query {q}: {planned}\nexpected {expected.Count} rows, got {actual.Count}");
            if (actual.Count > 0) nonEmpty++;
        }
        Assert.True(nonEmpty > 30, $"only {nonEmpty} of 150 random queries matched anything");
        await reference.RollbackAsync();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task ShortestSelectors_Should_EqualTheEnumeratedTrails_When_GraphAndPredicatesAreRandom(int seed)
    {
        await using var db = await RandomGraph(seed);
        var random = new Random(seed * 104729);
        string[] predicates =
        [
            "true",
            "all(r IN relationships(p) WHERE r.w > 0)",
            "none(n IN nodes(p) WHERE n.k = 0)",
            "all(r IN relationships(p) WHERE r.w > 0) AND none(n IN nodes(p) WHERE n:C)",
            "length(p) > 2",
            "size([n IN nodes(p) WHERE n.k IS NULL]) = 0",
        ];
        var compared = 0;
        for (var q = 0; q < 40; q++)
        {
            var (a, b) = (random.Next(40), random.Next(40));
            if (a == b) continue;
            var where = predicates[random.Next(predicates.Length)];
            var dir = random.Next(2) == 0 ? ("-", "->") : ("-", "-");
            var ends = $"MATCH (s {{i: {a}}}), (t {{i: {b}}}) ";
            var rel = $"{dir.Item1}[:R|S]{dir.Item2}";
            // Every trail of 1 to 4 hops that passes the predicate, grouped by length: the reference.
            var trails = (await db.Q(ends + $"MATCH p = (s){rel}{{1,4}}(t) WHERE {where} RETURN [n IN nodes(p) | n.i] AS ids", mode: AccessMode.Read)).Records
                .Select(r => string.Join(",", (IEnumerable<object?>)r["ids"]!)).ToList();
            var byLength = trails.GroupBy(x => x.Count(c => c == ',')).OrderBy(g => g.Key).ToList();
            async Task<List<string>> Selected(string selector) =>
                (await db.Q(ends + $"MATCH p = {selector} (s){rel}{{1,4}}(t) WHERE {where} RETURN [n IN nodes(p) | n.i] AS ids", mode: AccessMode.Read)).Records
                    .Select(r => string.Join(",", (IEnumerable<object?>)r["ids"]!)).Order(StringComparer.Ordinal).ToList();

            Assert.Equal(byLength.Take(2).SelectMany(g => g).Order(StringComparer.Ordinal), await Selected("SHORTEST 2 GROUPS"));
            Assert.Equal(byLength.Take(1).SelectMany(g => g).Order(StringComparer.Ordinal), await Selected("ALL SHORTEST"));
            var three = await Selected("SHORTEST 3");
            Assert.Equal(trails.Select(x => x.Count(c => c == ',')).Order().Take(3), three.Select(x => x.Count(c => c == ',')).Order());
            Assert.Subset(trails.ToHashSet(), three.ToHashSet());
            if (trails.Count > 0) compared++;
        }
        Assert.True(compared > 5, $"only {compared} random pairs were connected");
    }
}
