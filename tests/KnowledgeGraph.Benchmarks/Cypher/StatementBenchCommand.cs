using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Seeding;

namespace KnowledgeGraph.Benchmarks.Cypher;

/// <summary>
/// <c>stmt [--seconds S] [--rounds K] [--only NAME] [--query TEXT]</c>: the engine's own cost per statement (process CPU and bytes
/// allocated) for the Cypher the GraphQL <c>entity</c> and <c>people</c> page queries compile to, run on the seed
/// graph through the embedded driver as the GraphQL layer runs them (a read session, records read to the end).
/// One flow, no HTTP: what the engine adds to a GraphQL request. With the statement cache on and off
/// (<c>PlanCacheSwitch</c>), interleaved round by round in one process, so the ratio holds under other load.
/// <c>--interpreted</c> compares planned (cache on) against the interpreter forced (<c>PlannerSwitch</c>) instead.
/// </summary>
public sealed class StatementBenchCommand : IBenchCommand
{
    public string Name => "stmt";

    public string Description => "engine CPU and bytes per statement for the GraphQL entity/page statements, plan cache on vs off (or planned vs interpreted: --interpreted), interleaved (--seconds, --rounds, --only, --query)";

    internal static readonly (string Name, string Query, Dictionary<string, object?> Parameters)[] Statements =
    [
        ("entity + 2 levels",
            "MATCH (n0:Person {key: $p0}) RETURN n0{.name, represents: {items: COLLECT { MATCH (n0)-[r1:REPRESENTS]->(n2) WITH r1, n2 ORDER BY n2.name ASC, n2.key ASC LIMIT $p1 RETURN {__c: [n2.name, n2.key], nodes: n2{.name, __t: labels(n2)}} }, size: 50, back: false}, attended: {items: COLLECT { MATCH (n0)-[r3:ATTENDED]->(n4:Meeting) WITH r3, n4 ORDER BY n4.name ASC, n4.key ASC LIMIT $p3 RETURN {__c: [n4.name, n4.key], nodes: n4{.name, participants: {items: COLLECT { MATCH (n4)<-[r5:ATTENDED]-(n6) WITH r5, n6 ORDER BY n6.name ASC, n6.key ASC LIMIT $p2 RETURN {__c: [n6.name, n6.key], nodes: n6{.name, __t: labels(n6)}} }, size: 50, back: false}, __t: labels(n4)}} }, size: 50, back: false}, __t: labels(n0)} AS result",
            new() { ["p0"] = "person:steve-witkoff", ["p1"] = 51L, ["p2"] = 51L, ["p3"] = 51L }),
        ("filtered sorted page",
            "RETURN {items: COLLECT { MATCH (n0:Person) WHERE n0.name CONTAINS $p0 WITH n0 ORDER BY n0.name DESC, n0.key ASC LIMIT $p1 RETURN {__c: [n0.name, n0.key], nodes: n0{.key, .name, .title, __t: labels(n0)}} }, total: COUNT { MATCH (n0:Person) WHERE n0.name CONTAINS $p0 }, size: 20, back: false} AS result",
            new() { ["p0"] = "i", ["p1"] = 21L }),
    ];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = Arg(args, "--seconds", 2);
        var rounds = (int)Arg(args, "--rounds", 6);
        var only = Text(args, "--only");
        var interpreted = Array.IndexOf(args, "--interpreted") >= 0;
        await using var db = GraphDatabase.CreateInMemory();
        await new SeedLoader().LoadAsync(db, KnowledgeGraph.Tests.Shared.RepositoryRoot.Combine("seeds"), cancellationToken);
        Console.WriteLine($"stmt bench: seed graph, {rounds} rounds of {seconds} s per mode, {Environment.ProcessorCount} cores, load average {BenchMachine.LoadAverage()}");
        Console.WriteLine(interpreted
            ? "| statement | planned CPU µs | planned KB | interpreted CPU µs | interpreted KB | interpreted / planned CPU |"
            : "| statement | cached CPU µs | cached KB | uncached CPU µs | uncached KB | uncached / cached CPU |");
        Console.WriteLine("|---|---|---|---|---|---|");
        // --query TEXT: that statement alone (with the entity statement's parameters), to take a cost apart.
        var statements = Text(args, "--query") is { } custom ? [("custom", custom, Statements[0].Parameters)] : Statements;
        foreach (var (name, query, parameters) in statements)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            string? cachedAnswer = null, uncachedAnswer = null;
            // Warm-up: both modes, long enough for tiered compilation to settle.
            for (var i = 0; i < 2; i++)
            {
                cachedAnswer = (await MeasureAsync(db, query, parameters, seconds, cached: true, interpreted, cancellationToken)).Answer;
                uncachedAnswer = (await MeasureAsync(db, query, parameters, seconds, cached: false, interpreted, cancellationToken)).Answer;
            }
            if (cachedAnswer != uncachedAnswer)
            {
                Console.Error.WriteLine($"ANSWERS DIFFER for {name}: {cachedAnswer} vs {uncachedAnswer}");
                return 1;
            }
            var cpu = new List<double>[] { [], [] };
            var bytes = new List<double>[] { [], [] };
            for (var round = 0; round < rounds; round++)
                for (var turn = 0; turn < 2; turn++)
                {
                    var cached = (turn == 0) == (round % 2 == 0);
                    var m = await MeasureAsync(db, query, parameters, seconds, cached, interpreted, cancellationToken);
                    cpu[cached ? 0 : 1].Add(m.CpuMicros);
                    bytes[cached ? 0 : 1].Add(m.Bytes);
                }
            var (c0, c1) = (BenchMachine.Median(cpu[0]), BenchMachine.Median(cpu[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {c0:F1} | {BenchMachine.Median(bytes[0]) / 1024:F1} | {c1:F1} | {BenchMachine.Median(bytes[1]) / 1024:F1} | {c1 / c0:F2}× |"));
        }
        if (Array.IndexOf(args, "--alloc") >= 0)
        {
            // --alloc: the allocation samples of the cached path, by type.
            using var types = new AllocationTypes();
            foreach (var (name, query, parameters) in statements)
            {
                await MeasureAsync(db, query, parameters, seconds * 2, cached: true, false, cancellationToken);
            }
            types.Print(40);
        }
        Console.WriteLine($"load average at the end {BenchMachine.LoadAverage()}");
        return 0;
    }

    private static async Task<(double CpuMicros, double Bytes, string Answer)> MeasureAsync(GraphDatabase db, string query,
        Dictionary<string, object?> parameters, double seconds, bool cached, bool interpreted, CancellationToken ct)
    {
        // The baseline: the plan cache bypassed, or (--interpreted) the interpreter forced.
        using var _ = cached ? null : interpreted ? KnowledgeGraph.Cypher.Planning.PlannerSwitch.UseInterpreter() : KnowledgeGraph.Cypher.Planning.PlanCacheSwitch.Bypass();
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpu0 = process.TotalProcessorTime;
        var bytes0 = GC.GetTotalAllocatedBytes(precise: false);
        var n = 0;
        string answer = "";
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            await using var session = db.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
            var result = await session.RunAsync(query, parameters, null, ct);
            var eager = await result.ToEagerAsync(ct);
            if (n == 0) answer = Describe(eager.Records[0].Values[0]);
            n++;
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / n;
        var bytes = (double)(GC.GetTotalAllocatedBytes(precise: false) - bytes0) / n;
        return (cpu, bytes, answer);
    }

    private static string Describe(object? v) => v switch
    {
        IReadOnlyDictionary<string, object?> d => "{" + string.Join(",", d.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + Describe(e.Value))) + "}",
        System.Collections.IEnumerable e and not string => "[" + string.Join(",", e.Cast<object?>().Select(Describe)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Arg(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
