using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Cypher.Syntax;

namespace KnowledgeGraph.Benchmarks.CypherSyntax;

/// <summary>
/// <c>cypher-syntax [--seconds S]</c>: parses per second and bytes allocated per parse of the Cypher front end
/// (lexer + parser, then semantic analysis) for representative queries, on one thread. Prints a markdown table.
/// </summary>
public sealed class CypherSyntaxBenchCommand : IBenchCommand
{
    private static readonly (string Name, string Query)[] Cases =
    [
        ("RETURN 1", "RETURN 1"),
        ("indexed lookup", "MATCH (n:Person {key: $key}) RETURN n.name, n.aliases"),
        ("2-hop with filter", "MATCH (a:Person {key: $key})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person) WHERE b.key <> a.key AND m.startDate >= $from RETURN DISTINCT b.name AS name ORDER BY name LIMIT 20"),
        ("aggregation", "MATCH (c:Claim)-[:REPORTED_BY]->(s:Source) WITH s, count(*) AS claims, collect(c.text)[..3] AS sample WHERE claims > 1 RETURN s.name, claims, sample ORDER BY claims DESC"),
        ("shortest path", "MATCH p = shortestPath((a:Entity {key: $from})-[*..6]-(b:Entity {key: $to})) RETURN [n IN nodes(p) | n.key] AS keys, length(p) AS hops"),
        ("seed upsert", "UNWIND $rows AS row MERGE (n:Person {key: row.key}) ON CREATE SET n += row.props ON MATCH SET n.name = row.props.name WITH n, row UNWIND row.aliases AS alias SET n.aliases = coalesce(n.aliases, []) + alias"),
    ];

    public string Name => "cypher-syntax";

    public string Description => "Cypher front end: parses/s and bytes per parse, with and without semantic analysis (--seconds)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        double seconds = 1;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--seconds")
            {
                seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        Console.WriteLine($"cypher-syntax bench: {seconds}s per case, 1 thread, {Environment.ProcessorCount} cores, {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| Query | parse/s | µs/parse | bytes/parse | parse+check/s | µs/parse+check |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, query) in Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parseOnly = Measure(() => CypherParser.Parse(query), seconds);
            var before = GC.GetAllocatedBytesForCurrentThread();
            CypherParser.Parse(query);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            var both = Measure(() => CypherParser.ParseAndCheck(query), seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {parseOnly:N0} | {1e6 / parseOnly:F1} | {bytes:N0} | {both:N0} | {1e6 / both:F1} |"));
        }

        return Task.FromResult(0);
    }

    private static double Measure(Action run, double seconds)
    {
        for (var i = 0; i < 2000; i++)
        {
            run();
        }

        var sw = Stopwatch.StartNew();
        long count = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++)
            {
                run();
            }

            count += 100;
        }

        return count / sw.Elapsed.TotalSeconds;
    }
}
