using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Synthetic;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>
/// <c>plan [--nodes N] [--rels R] [--rounds K] [--seed X] [--only NAME] [--query TEXT] [--profile]</c>: the peer bench's query shapes (lookup, 2-hop with a
/// filter, top-10 group count, label count) and whole-label scan / filter / aggregate / top-k / DISTINCT shapes on
/// the synthetic graph, each run through the planned, batched operators and through the interpreted clause pipeline
/// (the engine's internal switch), interleaved in one process, alternating which goes first. Prints the median of
/// each and the ratio interpreted / planned (above 1: the planner is faster), and checks both answer the same.
/// The peer's schema is mapped onto the synthetic one: <c>age</c> is <c>born</c>, <c>MEMBER_OF</c> / <c>:Org</c>
/// are <c>WORKS_FOR</c> / <c>:Organization</c>.
/// </summary>
public sealed class PlanBenchCommand : IBenchCommand
{
    public string Name => "plan";

    public string Description => "planned batched operators vs the interpreted pipeline on peer and scan/aggregate/top-k shapes, interleaved (--nodes, --rels, --rounds)";

    private static readonly (string Name, string Query)[] Queries =
    [
        ("peer lookup", "MATCH (p:Person {key: $k}) RETURN p.name AS v"),
        ("peer twohop", "MATCH (p:Person {key: $k})-[:KNOWS]->()-[:KNOWS]->(f) WHERE f.born > 1980 RETURN count(DISTINCT f) AS v"),
        ("peer agg (top-10 groups)", "MATCH (p:Person)-[:WORKS_FOR]->(o:Organization) WITH o, count(p) AS c ORDER BY c DESC, o.key LIMIT 10 RETURN collect(c) AS v"),
        ("peer count (count store)", "MATCH (p:Person) RETURN count(p) AS v"),
        ("scan+filter count", "MATCH (p:Person) WHERE p.born > 1980 RETURN count(*) AS v"),
        ("scan group count", "MATCH (p:Person) RETURN p.born AS b, count(*) AS n"),
        ("scan+filter min/max/avg", "MATCH (p:Person) WHERE p.born >= 1960 RETURN min(p.name) AS lo, max(p.born) AS hi, avg(p.born) AS a"),
        ("top-10 over a label", "MATCH (p:Person) RETURN p.name AS n ORDER BY p.born DESC, p.key LIMIT 10"),
        ("DISTINCT over a label", "MATCH (d:Document) RETURN DISTINCT d.year AS y ORDER BY y"),
        ("expand + group count", "MATCH (p:Person)-[:KNOWS]->(q:Person) RETURN q.born AS b, count(*) AS n"),
        ("filtered count per org (top 10)", "MATCH (o:Organization)<-[:WORKS_FOR]-(p:Person) WHERE p.born > 1980 RETURN o.key AS o, count(*) AS n ORDER BY n DESC, o LIMIT 10"),
        ("LIMIT 1 over a label", "MATCH (p:Person) RETURN p.key AS k LIMIT 1"),
        ("peer varlen `*1..3` distinct", "MATCH (p:Person {key: $k})-[:KNOWS*1..3]->(x) RETURN count(DISTINCT x) AS v"),
        ("peer shortest (OPTIONAL MATCH)", "MATCH (a:Person {key: $k}), (b:Person {key: $b}) OPTIONAL MATCH p = shortestPath((a)-[:KNOWS*..8]-(b)) RETURN length(p) AS v"),
        ("OPTIONAL MATCH expand + count", "MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_FOR]->(o) RETURN count(o) AS v"),
        ("UNWIND 100 keys + unique seek", "UNWIND $keys AS key MATCH (p:Person {key: key}) RETURN count(p.name) AS v"),
        ("path variable, 1 hop", "MATCH path = (p:Person {key: $k})-[:KNOWS]->() RETURN count(nodes(path)) AS v"),
    ];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        long nodes = Arg(args, "--nodes", 150_000), rels = Arg(args, "--rels", 750_000);
        var rounds = (int)Arg(args, "--rounds", 7);
        var seed = (int)Arg(args, "--seed", 42);
        var graph = new SyntheticGraph(new SyntheticGraphOptions(nodes, rels, seed));
        await using var db = GraphDatabase.CreateInMemory();
        var load = Stopwatch.StartNew();
        await graph.LoadAsync(db.Store, withProperties: true, cancellationToken);
        await db.ExecuteQueryAsync("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE", cancellationToken: cancellationToken);
        Console.WriteLine($"plan bench: {nodes:N0} nodes, {rels:N0} relationships, loaded in {load.Elapsed.TotalSeconds:F1} s, "
            + $"{rounds} rounds, {Environment.ProcessorCount} cores, load average {BenchMachine.LoadAverage()}");
        var random = new Random(seed);
        Console.WriteLine("| query | planned p50 ms | interpreted p50 ms | interpreted / planned | planned first run ms |");
        Console.WriteLine("|---|---|---|---|---|");
        var ratios = new List<double>();
        var only = Text(args, "--only");
        var profile = Array.IndexOf(args, "--profile") >= 0;
        // --query TEXT: time that query alone (both engines), e.g. to take a plan apart.
        var queries = Text(args, "--query") is { } custom ? [("custom", custom)] : Queries;
        foreach (var (name, query) in queries)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var planned = new List<double>();
            var interpreted = new List<double>();
            string? plannedAnswer = null, interpretedAnswer = null;
            // The planner's first run (round 0 runs it first): before anything it keeps across statements (label
            // counts of hubs) exists.
            var first = 0.0;
            for (var round = 0; round <= rounds; round++)
            {
                var p = new Dictionary<string, object?>
                {
                    ["k"] = SyntheticGraph.Key("Person", random.NextInt64(Math.Min(graph.People, 1000))),
                    ["b"] = SyntheticGraph.Key("Person", random.NextInt64(Math.Min(graph.People, 1000))),
                    ["keys"] = Enumerable.Range(0, 100).Select(_ => (object?)SyntheticGraph.Key("Person", random.NextInt64(graph.People))).ToList(),
                };
                // Round 0 warms both paths up and is not counted; later rounds alternate which path goes first.
                for (var turn = 0; turn < 2; turn++)
                {
                    var usePlanner = (turn == 0) == (round % 2 == 0);
                    var w = Stopwatch.StartNew();
                    string answer;
                    if (usePlanner) answer = await RunAsync(db, query, p, cancellationToken);
                    else
                    {
                        using (PlannerSwitch.UseInterpreter()) answer = await RunAsync(db, query, p, cancellationToken);
                    }
                    w.Stop();
                    if (round == 0 && usePlanner) first = w.Elapsed.TotalMilliseconds;
                    if (round == 0) continue;
                    (usePlanner ? planned : interpreted).Add(w.Elapsed.TotalMilliseconds);
                    if (usePlanner) plannedAnswer = answer;
                    else interpretedAnswer = answer;
                }
                if (round > 0 && plannedAnswer != interpretedAnswer)
                {
                    Console.Error.WriteLine($"ANSWERS DIFFER for {name}: planned {plannedAnswer} vs interpreted {interpretedAnswer}");
                    return 1;
                }
            }
            if (profile)
            {
                var p = new Dictionary<string, object?> { ["k"] = SyntheticGraph.Key("Person", 0) };
                var r = await db.ExecuteQueryAsync("PROFILE " + query, p, AccessMode.Read, cancellationToken: cancellationToken);
                PrintPlan(r.Summary.Plan!, 0);
            }
            var (pp, ip) = (BenchMachine.Median(planned), BenchMachine.Median(interpreted));
            ratios.Add(ip / pp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {pp:F2} | {ip:F2} | {ip / pp:F2}× | {first:F2} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"geometric mean interpreted / planned: {Math.Exp(ratios.Average(Math.Log)):F2}×; load average at the end {BenchMachine.LoadAverage()}"));
        return 0;
    }

    private static async Task<string> RunAsync(GraphDatabase db, string query, Dictionary<string, object?> p, CancellationToken ct)
    {
        var r = await db.ExecuteQueryAsync(query, p, AccessMode.Read, cancellationToken: ct);
        // The answer as text (rows in order), to check that both paths agree.
        return string.Join(";", r.Records.Select(x => string.Join(",", x.Values.Select(v => v is System.Collections.IEnumerable e and not string
            ? "[" + string.Join(",", e.Cast<object?>()) + "]"
            : Convert.ToString(v, CultureInfo.InvariantCulture)))));
    }

    private static void PrintPlan(PlanNode node, int depth)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {new string(' ', depth * 2)}{node.OperatorType} {node.Arguments.GetValueOrDefault("Details")} rows={node.Rows} dbHits={node.DbHits}"));
        foreach (var child in node.Children) PrintPlan(child, depth + 1);
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static long Arg(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
