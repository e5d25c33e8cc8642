using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Synthetic;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>
/// <c>cypher [--nodes N] [--rels R] [--queries Q] [--pairs P] [--seed X]</c>: loads the synthetic graph into an
/// in-memory <see cref="GraphDatabase"/> and times Cypher queries end to end (parse, plan, execute, read every
/// record): indexed lookup, 2-hop expansion with a filter, aggregation over a label, count(*) per label,
/// <c>*1..3</c> count from a node, shortestPath between random pairs. Prints a markdown table with p50 / p99.
/// </summary>
public sealed class CypherBenchCommand : IBenchCommand
{
    public string Name => "cypher";

    public string Description => "embedded Cypher engine over the synthetic graph: lookups, expansions, aggregation, shortestPath p50/p99 (--nodes, --rels, --queries, --pairs)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        long nodes = Arg(args, "--nodes", 1_000_000), rels = Arg(args, "--rels", 5_000_000);
        var queries = (int)Arg(args, "--queries", 1_000);
        var pairs = (int)Arg(args, "--pairs", 1_000);
        var seed = (int)Arg(args, "--seed", 42);
        var graph = new SyntheticGraph(new SyntheticGraphOptions(nodes, rels, seed));
        Console.WriteLine($"cypher bench: {nodes:N0} nodes, {rels:N0} relationships, {Environment.ProcessorCount} cores");

        await using var db = GraphDatabase.CreateInMemory();
        var load = Stopwatch.StartNew();
        await graph.LoadAsync(db.Store, withProperties: true, cancellationToken);
        await db.ExecuteQueryAsync("CREATE INDEX person_key FOR (p:Person) ON (p.key)", cancellationToken: cancellationToken);
        Console.WriteLine($"loaded + indexed in {load.Elapsed.TotalSeconds:F1} s");
        var fulltextBuild = Stopwatch.StartNew();
        await db.ExecuteQueryAsync("CREATE FULLTEXT INDEX person_name_text FOR (p:Person) ON EACH [p.name]", cancellationToken: cancellationToken);
        Console.WriteLine($"fulltext index on :Person(name) built in {fulltextBuild.Elapsed.TotalSeconds:F1} s");

        var random = new Random(seed);
        string RandomPerson() => SyntheticGraph.Key("Person", random.NextInt64(graph.People));
        var rows = new List<(string Name, string Query, Stats Stats)>();

        async Task Measure(string name, string query, int runs, Func<Dictionary<string, object?>> parameters)
        {
            var times = new List<double>(runs);
            long records = 0;
            await db.ExecuteQueryAsync(query, parameters(), AccessMode.Read, cancellationToken: cancellationToken); // warm-up
            for (var i = 0; i < runs; i++)
            {
                var p = parameters();
                var w = Stopwatch.StartNew();
                var r = await db.ExecuteQueryAsync(query, p, AccessMode.Read, cancellationToken: cancellationToken);
                w.Stop();
                records += r.Records.Count;
                times.Add(w.Elapsed.TotalMilliseconds);
            }
            var stats = Stats.Of(times, records);
            rows.Add((name, query, stats));
            Console.WriteLine($"{name}: p50 {stats.P50:F3} ms, p99 {stats.P99:F3} ms ({runs} runs, {records} records)");
        }

        await Measure("Indexed lookup", "MATCH (p:Person {key: $key}) RETURN p.name AS name", queries, () => new() { ["key"] = RandomPerson() });
        // Same run, same random people: the fulltext term query against the indexed key lookup above (names are
        // "Person <n>", so the number is a term held by one person).
        await Measure("Fulltext term query (one hit)", "CALL db.index.fulltext.queryNodes('person_name_text', $q) YIELD node, score RETURN node.name AS name, score",
            queries, () => new() { ["q"] = random.NextInt64(graph.People).ToString(CultureInfo.InvariantCulture) });
        await Measure("2-hop expansion with filter",
            "MATCH (p:Person {key: $key})-[:KNOWS]->(f:Person)-[:WORKS_FOR]->(o:Organization) WHERE f.born >= 1970 RETURN count(o) AS n",
            queries, () => new() { ["key"] = RandomPerson() });
        // The same rows, written two ways: from the keyed node (the baseline), and with the keyed node in the middle of
        // the chain, where the engine has to find it as the anchor (a scan of every :Person if it did not).
        await Measure("Keyed node at the start (baseline)",
            "MATCH (p:Person {key: $key})<-[:KNOWS]-(a:Person) MATCH (p)-[:WORKS_FOR]->(o:Organization) RETURN count(*) AS n",
            queries, () => new() { ["key"] = RandomPerson() });
        await Measure("Keyed node in the middle of the chain",
            "MATCH (a:Person)-[:KNOWS]->(p:Person {key: $key})-[:WORKS_FOR]->(o:Organization) RETURN count(*) AS n",
            queries, () => new() { ["key"] = RandomPerson() });
        await Measure("Aggregation over a label (all :Document)", "MATCH (d:Document) RETURN d.year AS year, count(*) AS n ORDER BY year",
            Math.Max(3, queries / 100), () => []);
        // A value join with no index: without the statement's join table it would compare every pair (4.5e10).
        await Measure("Reading every :Person and :Organization name (baseline)",
            "MATCH (p:Person) WITH count(p.name) AS a MATCH (o:Organization) WITH a, count(o.name) AS b RETURN a + b AS n", 3, () => []);
        await Measure("Value join :Organization x :Person on name, no index",
            "MATCH (o:Organization), (p:Person) WHERE p.name = o.name RETURN count(*) AS n", 3, () => []);
        foreach (var label in SyntheticGraph.Labels)
            await Measure($"count(*) of :{label}", $"MATCH (n:{label}) RETURN count(*) AS n", queries, () => []);
        // Counts every path (trail) of 1 to 3 outgoing hops; hub neighbours make single runs expensive, so fewer runs.
        await Measure("*1..3 outgoing path count from a person", "MATCH (p:Person {key: $key})-[*1..3]->(x) RETURN count(x) AS n",
            Math.Max(5, queries / 20), () => new() { ["key"] = RandomPerson() });
        await Measure("shortestPath between random people (undirected, <= 10 hops)",
            "MATCH (a:Person {key: $a}), (b:Person {key: $b}) MATCH p = shortestPath((a)-[*..10]-(b)) RETURN length(p) AS len",
            pairs, () => new() { ["a"] = RandomPerson(), ["b"] = RandomPerson() });
        // Per-element predicates are tested during the search; k shortest paths are enumerated one length at a time.
        await Measure("shortestPath with per-element predicates (no MENTIONS, people born >= 1950)",
            "MATCH (a:Person {key: $a}), (b:Person {key: $b}) MATCH p = shortestPath((a)-[*..10]-(b)) " +
            "WHERE all(r IN relationships(p) WHERE type(r) <> 'MENTIONS') AND all(n IN nodes(p) WHERE n.born IS NULL OR n.born >= 1950) RETURN length(p) AS len",
            pairs, () => new() { ["a"] = RandomPerson(), ["b"] = RandomPerson() });
        await Measure("SHORTEST 3 between random people (<= 6 hops)",
            "MATCH (a:Person {key: $a}), (b:Person {key: $b}) MATCH p = SHORTEST 3 (a)-[]-{1,6}(b) RETURN length(p) AS len",
            Math.Max(5, pairs / 10), () => new() { ["a"] = RandomPerson(), ["b"] = RandomPerson() });

        var lookup = rows.First(r => r.Name == "Indexed lookup").Stats;
        var fulltext = rows.First(r => r.Name == "Fulltext term query (one hit)").Stats;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fulltext term query / indexed lookup (p50): {fulltext.P50 / lookup.P50:F1}x"));
        Console.WriteLine();
        Console.WriteLine($"| Query ({nodes:N0} nodes / {rels:N0} rels) | p50 | p99 | runs |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, _, s) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.P50:F3} ms | {s.P99:F3} ms | {s.Runs} |"));
        return 0;
    }

    private static long Arg(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Stats(double P50, double P99, int Runs, long Records)
    {
        public static Stats Of(List<double> times, long records)
        {
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            return new Stats(At(0.50), At(0.99), times.Count, records);
        }
    }
}
