using System.Diagnostics;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>
/// <c>bound-end</c>: a variable-length match between two hubs with the far end bound before the match (the walk is
/// pruned towards it) against the same pattern with the far end filtered after it (every trail is walked), in one
/// process. Options: <c>--nodes N</c> (default 30000), <c>--hub D</c> (hub degree, default 3000), <c>--max-length K</c>
/// (default 4).
/// </summary>
public sealed class BoundEndBenchCommand : IBenchCommand
{
    public string Name => "bound-end";

    public string Description => "var-length match towards a bound far node: pruned vs filtered after the walk (two hubs)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var n = CommandOptions.IntOption(args, "--nodes", 30_000);
        var hub = CommandOptions.IntOption(args, "--hub", 3_000);
        var maxLength = CommandOptions.IntOption(args, "--max-length", 4);
        await using var db = GraphDatabase.CreateInMemory();
        await db.ExecuteQueryAsync("UNWIND range(0, $n - 1) AS i CREATE (:N {key: i})", new Dictionary<string, object?> { ["n"] = (long)n }, cancellationToken: cancellationToken);
        await db.ExecuteQueryAsync("CREATE INDEX n_key FOR (x:N) ON (x.key)", null, cancellationToken: cancellationToken);
        // Two hubs (keys 0 and 1) of degree `hub`, and one random relationship per node among the others.
        var rnd = new Random(1);
        var rels = new List<object?>();
        for (var i = 0; i < hub; i++)
        {
            rels.Add(new List<object?> { 0L, (long)(2 + rnd.Next(n - 2)) });
            rels.Add(new List<object?> { 1L, (long)(2 + rnd.Next(n - 2)) });
        }
        for (var i = 0; i < n; i++) rels.Add(new List<object?> { (long)(2 + rnd.Next(n - 2)), (long)(2 + rnd.Next(n - 2)) });
        await db.ExecuteQueryAsync("UNWIND $rels AS r MATCH (a:N {key: r[0]}), (b:N {key: r[1]}) CREATE (a)-[:T]->(b)",
            new Dictionary<string, object?> { ["rels"] = rels }, cancellationToken: cancellationToken);
        Console.WriteLine($"{n} nodes, two hubs of degree {hub}, {rels.Count} relationships");
        Console.WriteLine("| length | paths (bound / filtered) | far end bound (pruned) ms | far end filtered after the walk ms | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var k = 2; k <= maxLength; k++)
        {
            var (bound, c1) = await TimeAsync(db, $"MATCH (a:N {{key: 0}}) MATCH (b:N {{key: 1}}) MATCH p = (a)-[:T*{k}..{k}]-(b) RETURN count(p) AS c", cancellationToken);
            var (open, c2) = await TimeAsync(db, $"MATCH (a:N {{key: 0}}) MATCH p = (a)-[:T*{k}..{k}]-(b) WHERE b.key = 1 RETURN count(p) AS c", cancellationToken);
            Console.WriteLine($"| {k} | {c1} / {c2} | {bound:0.0} | {open:0.0} | {open / bound:0.0} x |");
        }
        return 0;
    }

    /// <summary>Mean of up to 3 runs, fewer when one run takes over 10 s.</summary>
    private static async Task<(double Ms, object? Count)> TimeAsync(GraphDatabase db, string query, CancellationToken ct)
    {
        object? count = null;
        var runs = 0;
        var sw = Stopwatch.StartNew();
        while (runs < 3 && (runs == 0 || sw.Elapsed < TimeSpan.FromSeconds(10)))
        {
            count = (await db.ExecuteQueryAsync(query, null, AccessMode.Read, cancellationToken: ct)).Records[0]["c"];
            runs++;
        }
        return (sw.Elapsed.TotalMilliseconds / runs, count);
    }
}
