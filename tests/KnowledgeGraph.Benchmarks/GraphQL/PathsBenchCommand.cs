using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL;
using KnowledgeGraph.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Benchmarks.GraphQL;

/// <summary>
/// <c>paths</c>: the Cypher that a <c>paths</c> request compiles to, run on the engine directly (no HTTP), one at a
/// time: US → Russia (maxHops 4, first 10) on the seed graph, then two hub countries of the synthetic graph.
/// Options: <c>--rounds R</c> (seed-graph runs, default 200), <c>--nodes N</c> (synthetic size, default 100000; 0
/// skips it), <c>--hub-rounds R</c> (default 3). The statement is taken from the response's <c>extensions.cypher</c>
/// (<c>X-KG-Explain</c>), so it is exactly what the service runs. <c>--print</c> prints it, <c>--profile</c> its PROFILE; <c>--cypher FILE[,FILE…]</c>
/// runs the text in each FILE beside it on both graphs, with the same parameters (to compare a rewritten statement, or a piece of it,
/// with the compiled one). <c>--interpreted</c> runs the compiled statement also with the interpreter forced, interleaved. <c>--allocations</c> prints the compiled statement's sampled allocations by type (<c>--sample NAME</c>: those of the <c>--cypher</c> file NAME instead). Each statement reports its wall time and, steadier on a shared machine, the process CPU
/// time and the bytes allocated per run (both include the GC's work).
/// </summary>
public sealed class PathsBenchCommand : IBenchCommand
{
    public string Name => "paths";

    public string Description => "the compiled `paths` Cypher on the engine alone: seed US->Russia and two synthetic hub countries";

    private const string SeedQuery = """{ paths(from: "country:us", to: "country:russia", maxHops: 4, first: 10) { nodes { length nodes { key } } } }""";

    private const string HubQuery = """{ paths(from: "country:0", to: "country:1", maxHops: 4) { totalCount nodes { length score nodes { key } } } }""";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rounds = CommandOptions.IntOption(args, "--rounds", 200);
        var nodes = CommandOptions.IntOption(args, "--nodes", 100_000);
        var hubRounds = CommandOptions.IntOption(args, "--hub-rounds", 3);
        var print = args.Contains("--print");
        var profile = args.Contains("--profile");
        var allocations = args.Contains("--allocations");
        var interpreted = args.Contains("--interpreted");
        var sampled = CommandOptions.Option(args, "--sample") ?? "compiled";
        var replacements = new List<(string, string)>();
        foreach (var file in CommandOptions.Option(args, "--cypher")?.Split(',') ?? [])
            replacements.Add((Path.GetFileNameWithoutExtension(file), await File.ReadAllTextAsync(file, cancellationToken)));
        await using (var seed = GraphDatabase.CreateInMemory())
        {
            await new SeedLoader().LoadAsync(seed, GraphQLBenchCommand.FindSeeds(), cancellationToken);
            await MeasureAsync("seed US->Russia maxHops 4 first 10", seed, SeedQuery, rounds, print, profile, replacements, cancellationToken, allocations, interpreted, sampled);
        }
        if (nodes > 0)
        {
            await using var synthetic = GraphDatabase.CreateInMemory();
            await GraphQLBenchCommand.LoadSyntheticAsync(synthetic, nodes, cancellationToken);
            await MeasureAsync($"synthetic {nodes / 1000}k country:0->country:1 maxHops 4", synthetic, HubQuery, hubRounds, print, profile, replacements, cancellationToken);
        }
        return 0;
    }

    private static async Task MeasureAsync(string label, GraphDatabase db, string query, int rounds, bool print, bool profile,
        List<(string Name, string Text)> replacements, CancellationToken ct, bool allocations = false, bool interpreted = false, string sampled = "compiled")
    {
        using var sampler = allocations ? new AllocationSampler() : null;
        var (text, parameters, answer) = await CompileAsync(db, query, ct);
        Console.WriteLine($"{label}: answer {answer}");
        if (print) Console.WriteLine($"{label}: {text}\n{label}: parameters {JsonSerializer.Serialize(parameters)}");
        var statements = new List<(string Name, string Text)> { ("compiled", text) };
        // The same text again under the interpreter (PlannerSwitch), by its name.
        const string Interpreted = "compiled, interpreted,";
        if (interpreted) statements.Add((Interpreted, text));
        foreach (var (name, replacement) in replacements)
        {
            var check = await db.ExecuteQueryAsync(replacement, parameters, AccessMode.Read, cancellationToken: ct);
            Console.WriteLine($"{label}: {name} returned {check.Records.Count} rows: {JsonSerializer.Serialize(check.Records.Select(r => r.Values.Select(v => v?.ToString())).Take(3))}");
            statements.Add((name, replacement));
        }
        if (profile)
        {
            foreach (var (name, statement) in statements)
            {
                var profiled = await db.ExecuteQueryAsync("PROFILE " + statement, parameters, AccessMode.Read, cancellationToken: ct);
                Console.WriteLine($"{label}: PROFILE of the {name} statement:");
                PrintPlan(profiled.Summary.Plan, 1);
            }
        }
        // Interleaved, so a change in machine load falls on both statements alike.
        var times = statements.Select(_ => new List<double>()).ToArray();
        var cpu = new double[statements.Count];
        var allocated = new long[statements.Count];
        using var process = Process.GetCurrentProcess();
        long rows = 0;
        // The collections and pauses of the whole loop (every statement together): what the allocations cost.
        var gcBefore = (G0: GC.CollectionCount(0), G1: GC.CollectionCount(1), G2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
        var total = Stopwatch.StartNew();
        for (var i = 0; i < rounds && (i < 3 || total.Elapsed < TimeSpan.FromSeconds(60)); i++)
        {
            for (var k = 0; k < statements.Count; k++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var bytesBefore = GC.GetTotalAllocatedBytes();
                if (statements[k].Name == sampled && i >= 3) sampler?.Start();
                var sw = Stopwatch.StartNew();
                EagerResult result;
                using (statements[k].Name == Interpreted ? KnowledgeGraph.Cypher.Planning.PlannerSwitch.UseInterpreter() : null)
                    result = await db.ExecuteQueryAsync(statements[k].Text, parameters, AccessMode.Read, cancellationToken: ct);
                times[k].Add(sw.Elapsed.TotalMilliseconds);
                sampler?.Stop();
                allocated[k] += GC.GetTotalAllocatedBytes() - bytesBefore;
                process.Refresh();
                cpu[k] += (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                rows = result.Records.Count;
            }
        }
        var runs = times.Sum(t => t.Count);
        Console.WriteLine($"{label}: garbage collections over {runs} runs: gen0 {GC.CollectionCount(0) - gcBefore.G0}, gen1 {GC.CollectionCount(1) - gcBefore.G1}, "
            + $"gen2 {GC.CollectionCount(2) - gcBefore.G2}, paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds / runs:0.0000} ms per run "
            + $"({(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:0} ms in {total.Elapsed.TotalMilliseconds:0} ms)");
        var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"{label}: the last ephemeral collection (gen{last.Generation}): paused {last.PauseDurations[0].TotalMilliseconds:0.000} ms, promoted {last.PromotedBytes / 1024.0:0} KiB, "
            + $"heap {last.HeapSizeBytes / 1048576.0:0.0} MiB, pinned objects {last.PinnedObjectsCount}, {last.PauseTimePercentage:0.0} % of the time paused");
        PrintAllocations(label, sampler, sampled);
        for (var k = 0; k < statements.Count; k++)
        {
            var t = times[k];
            t.Sort();
            Console.WriteLine($"{label}: {statements[k].Name} Cypher on the engine: mean {t.Average():0.000} ms, median {t[t.Count / 2]:0.000} ms, "
                + $"CPU {cpu[k] / t.Count:0.000} ms, {allocated[k] / t.Count / 1024.0:0.0} KiB allocated per run over {t.Count} runs ({rows} row); load average {BenchMachine.LoadAverage()}");
        }
    }

    private static void PrintAllocations(string label, AllocationSampler? sampler, string sampled)
    {
        if (sampler is null) return;
        Console.WriteLine($"{label}: sampled allocations of the {sampled} statement by type:");
        foreach (var (type, share) in sampler.Top(25)) Console.WriteLine($"  {share,6:P1} {type}");
    }

    private static void PrintPlan(PlanNode? node, int depth)
    {
        if (node is null) return;
        Console.WriteLine($"{new string(' ', 2 * depth)}{node.OperatorType} rows {node.Rows} db hits {node.DbHits}");
        foreach (var child in node.Children) PrintPlan(child, depth + 1);
    }

    /// <summary>Runs the GraphQL request once through the real endpoint and returns the statement it ran and the answer.</summary>
    private static async Task<(string Text, Dictionary<string, object?> Parameters, string Answer)> CompileAsync(GraphDatabase db, string query, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:QueryTimeout"] = "00:02:00" });
        builder.Services.AddSingleton<IGraphDriver>(db);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        await using var app = builder.Build();
        app.MapKnowledgeGraphGraphQL();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-KG-Explain", "true");
        var sw = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var elapsed = sw.Elapsed.TotalMilliseconds;
        using var json = JsonDocument.Parse(body);
        await app.StopAsync(ct);
        var s = json.RootElement.GetProperty("extensions").GetProperty("cypher")[0];
        var parameters = s.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
        var data = json.RootElement.TryGetProperty("errors", out var errors) ? "errors " + errors.GetRawText() : json.RootElement.GetProperty("data").GetRawText();
        var summary = data.Length > 300 ? data[..300] + "…" : data;
        return (s.GetProperty("query").GetString()!, parameters, $"{summary} ({data.Length} chars, first request {elapsed:0} ms over HTTP)");
    }

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        _ => null,
    };
}
