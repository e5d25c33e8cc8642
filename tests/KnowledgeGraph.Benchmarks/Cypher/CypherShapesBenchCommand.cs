using System.Diagnostics;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>
/// <c>cypher-shapes [--nodes N] [--seconds S]</c>: the query shapes the GraphQL layer compiles to (nested
/// <c>COLLECT { … ORDER BY … LIMIT }</c> connections, <c>COUNT { }</c> totals, filtered sorted pages), run directly on
/// the embedded engine over a model-shaped power-law graph, and split into their parts so the engine cost of each
/// part shows. Prints requests/s (one caller) and p50 per query.
/// </summary>
public sealed class CypherShapesBenchCommand : IBenchCommand
{
    public string Name => "cypher-shapes";

    public string Description => "embedded engine on GraphQL-compiled query shapes (nested COLLECT/COUNT subqueries, sorted pages) (--nodes, --seconds, --only TEXT)";

    private static readonly (string Label, string Prefix, double Share)[] Kinds =
    [
        ("Country", "country", 0.002), ("Person", "person", 0.45), ("Organization", "org", 0.1), ("Meeting", "meeting", 0.15),
        ("Document", "document", 0.2), ("Place", "place", 0.048),
    ];

    private const string Entity2 = "MATCH (n0:Person {key: $p0}) RETURN n0{id: n0.key, kind: labels(n0), .name, aliases: coalesce(n0.aliases, []), .title, "
        + "represents: {items: COLLECT { MATCH (n0)-[r1:REPRESENTS]->(n2) WITH r1, n2 ORDER BY n2.name ASC, n2.key ASC LIMIT $p1 RETURN {__c: [n2.name, n2.key], "
        + "edges: {type: type(r1), confidence: r1.confidence, sources: r1.sources, node: n2{.name, kind: labels(n2), __t: labels(n2)}}} }, size: 50, back: false}, "
        + "attended: {items: COLLECT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) WITH r3, n4 ORDER BY n4.name ASC, n4.key ASC LIMIT $p4 RETURN {__c: [n4.name, n4.key], "
        + "nodes: n4{.name, .startDate, participants: {items: COLLECT { MATCH (n4)<-[r7:ATTENDED]-(n8) WITH r7, n8 ORDER BY n8.name ASC, n8.key ASC LIMIT $p3 "
        + "RETURN {__c: [n8.name, n8.key], nodes: n8{.name, __t: labels(n8)}} }, total: COUNT { MATCH (n4)<-[r7:ATTENDED]-(n8) }, size: 10, back: false}, __t: labels(n4)}} }, "
        + "total: COUNT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) }, size: 10, back: false}, __t: labels(n0)} AS result";

    private const string Page = "RETURN {items: COLLECT { MATCH (n0:Person) WHERE (n0.name STARTS WITH $p0) WITH n0 ORDER BY n0.name DESC, n0.key DESC LIMIT $p1 "
        + "RETURN {__c: [n0.name, n0.key], nodes: n0{.key, .name, .title, __t: labels(n0)}} }, total: COUNT { MATCH (n0:Person) WHERE (n0.name STARTS WITH $p0) }, size: 20, back: false} AS result";

    private static readonly (string Name, string Query)[] Queries =
    [
        ("entity + 2 levels (full)", Entity2),
        ("  hub: COLLECT top-10 attended", "MATCH (n0:Person {key: $p0}) RETURN COLLECT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) WITH r3, n4 ORDER BY n4.name ASC, n4.key ASC LIMIT $p4 RETURN n4.name } AS x"),
        ("  hub: COUNT attended (labelled end)", "MATCH (n0:Person {key: $p0}) RETURN COUNT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) } AS x"),
        ("  hub: COUNT attended (plain)", "MATCH (n0:Person {key: $p0}) RETURN COUNT { MATCH (n0)-[r3:ATTENDED]->(n4) } AS x"),
        ("  meeting:0 participants top-10", "MATCH (m:Meeting {key: 'meeting:0'}) RETURN COLLECT { MATCH (m)<-[r7:ATTENDED]-(n8) WITH r7, n8 ORDER BY n8.name ASC, n8.key ASC LIMIT $p3 RETURN n8.name } AS x"),
        ("  meeting:0 participants COUNT", "MATCH (m:Meeting {key: 'meeting:0'}) RETURN COUNT { MATCH (m)<-[r7:ATTENDED]-(n8) } AS x"),
        ("  meeting:0 expand count(*)", "MATCH (m:Meeting {key: 'meeting:0'})<-[r7:ATTENDED]-(n8) RETURN count(*) AS x"),
        ("  meeting:0 expand max(name)", "MATCH (m:Meeting {key: 'meeting:0'})<-[r7:ATTENDED]-(n8) RETURN max(n8.name) AS x"),
        ("  meeting:0 expand top-10 by name", "MATCH (m:Meeting {key: 'meeting:0'})<-[r7:ATTENDED]-(n8) WITH r7, n8 ORDER BY n8.name ASC, n8.key ASC LIMIT 10 RETURN n8.name AS x"),
        ("  parse only (EXPLAIN full)", "EXPLAIN " + Entity2),
        ("filtered sorted page (full)", Page),
        ("  page: COUNT only", "RETURN COUNT { MATCH (n0:Person) WHERE (n0.name STARTS WITH $p0) } AS x"),
        ("  page: label scan + filter count(*)", "MATCH (n0:Person) WHERE n0.name STARTS WITH $p0 RETURN count(*) AS x"),
        ("filtered sorted page, indexed name (full)", Page.Replace("Person", "Indexed")),
    ];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var nodes = (int)Arg(args, "--nodes", 100_000);
        var seconds = Arg(args, "--seconds", 3);
        await using var db = GraphDatabase.CreateInMemory();
        var load = Stopwatch.StartNew();
        await LoadAsync(db, nodes, cancellationToken);
        Console.WriteLine($"cypher-shapes: {nodes:N0} nodes, {nodes * 5L:N0} relationships, loaded in {load.Elapsed.TotalSeconds:F1} s, {Environment.ProcessorCount} cores");
        var prms = new Dictionary<string, object?> { ["p0"] = "person:1", ["p1"] = 20L, ["p3"] = 10L, ["p4"] = 10L };
        var pagePrms = new Dictionary<string, object?> { ["p0"] = "Person 12", ["p1"] = 20L };
        Console.WriteLine("| query | requests/s | p50 ms |");
        Console.WriteLine("|---|---|---|");
        var only = Array.IndexOf(args, "--only") is var oi && oi >= 0 && oi + 1 < args.Length ? args[oi + 1] : null;
        foreach (var (name, query) in Queries)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var p = query.Contains("STARTS WITH", StringComparison.Ordinal) ? new Dictionary<string, object?>(pagePrms) : prms;
            if (query.Contains(":Indexed", StringComparison.Ordinal)) p["p0"] = "Indexed 12";
            await db.ExecuteQueryAsync(query, p, AccessMode.Read, cancellationToken: cancellationToken);
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds)
            {
                var w = Stopwatch.StartNew();
                await db.ExecuteQueryAsync(query, p, AccessMode.Read, cancellationToken: cancellationToken);
                times.Add(w.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"| {name} | {times.Count / total.Elapsed.TotalSeconds:F1} | {times[times.Count / 2]:F3} |");
        }
        return 0;
    }

    /// <summary>Model-shaped graph: 5 relationships per node, power-law endpoints (hubs at low indexes); an extra
    /// <c>:Indexed</c> copy of 10% of the people carries an index on <c>name</c>.</summary>
    private static async Task LoadAsync(GraphDatabase db, int nodes, CancellationToken ct)
    {
        var random = new Random(42);
        var ids = new Dictionary<string, long[]>();
        await using (var bulk = await db.Store.BeginBulkLoadAsync(ct))
        {
            foreach (var (label, prefix, share) in Kinds.Append(("Indexed", "indexed", 0.045)))
            {
                var list = ids[label] = new long[Math.Max(2, (int)(nodes * share))];
                for (var i = 0; i < list.Length; i++)
                    list[i] = bulk.CreateNode([label], new Dictionary<string, object?>
                    {
                        ["key"] = prefix + ":" + i, ["name"] = label + " " + i, ["aliases"] = new List<object?> { prefix + i },
                        ["title"] = "envoy " + (i % 50), ["startDate"] = $"2025-{1 + i % 12:00}-{1 + i % 28:00}",
                    });
            }
            long Pick(string label)
            {
                var list = ids[label];
                var u = random.NextDouble();
                return list[Math.Min(list.Length - 1, (long)(list.Length * u * u * u))];
            }
            for (long r = 0; r < nodes * 5L; r++)
            {
                var (from, to, type) = random.Next(100) switch
                {
                    < 10 => (Pick("Person"), Pick(random.Next(2) == 0 ? "Country" : "Organization"), "REPRESENTS"),
                    < 40 => (Pick("Person"), Pick("Meeting"), "ATTENDED"),
                    < 50 => (Pick("Meeting"), Pick("Place"), "HELD_IN"),
                    < 80 => (Pick("Document"), Pick("Person"), "MENTIONS"),
                    _ => (Pick("Person"), Pick("Person"), "NEGOTIATES_WITH"),
                };
                bulk.CreateRelationship(from, to, type, new Dictionary<string, object?>
                {
                    ["sources"] = new List<object?> { "source:" + random.Next(20) }, ["confidence"] = "reported",
                });
            }
            await bulk.CompleteAsync(ct);
        }
        foreach (var (label, _, _) in Kinds)
            await db.ExecuteQueryAsync($"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE", cancellationToken: ct);
        await db.ExecuteQueryAsync("CREATE INDEX indexed_name IF NOT EXISTS FOR (n:Indexed) ON (n.name)", cancellationToken: ct);
    }

    private static long Arg(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
