using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Tests.Shared;

namespace KnowledgeGraph.Benchmarks.Bolt;

/// <summary>
/// <c>driver-floor</c>: how much of a short query's time over Bolt is ours. The official JavaScript driver (from
/// <c>tests/bolt-conformance</c>'s lockfile) times <c>executeQuery</c> — the call the peer bench makes, a BEGIN + RUN +
/// PULL round trip and a COMMIT one — against our Bolt server on an embedded store (20,000 <c>:Person</c> nodes with
/// a unique <c>key</c>) and, alternately, against <see cref="ReplayBoltServer"/> answering with the bytes our server
/// sent for the same requests and doing nothing else: the driver's floor. Prints both medians, our share of the time
/// (ours − floor) and ours / floor. The peer bench's key lookup and label count take about this long against Kuzu's
/// in-process calls, so their ratio is bounded by the floor, not by the engine.
/// Options: <c>--reps N</c> (timed calls per query and side, default 400), <c>--warmup N</c> (untimed calls per query
/// and side first, default 200), <c>--target HOST:PORT</c> with <c>--user</c> / <c>--password</c> (time a running
/// server instead, e.g. the API after the peer bench's load; it must hold <c>:Person {key: 'p12345'}</c>), <c>--direct N</c>
/// (the in-process server's Bolt:DirectConnections; 0 = the async path).
/// </summary>
public sealed class DriverFloorBenchCommand : IBenchCommand
{
    private const string User = "bench";
    private const string Password = "bench-password";

    public string Name => "driver-floor";

    public string Description => "the official JS driver's executeQuery: our Bolt server vs a replay of its replies (the driver's floor)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var reps = CommandOptions.Option(args, "--reps") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 400;
        var warmup = CommandOptions.Option(args, "--warmup") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 200;
        var target = CommandOptions.Option(args, "--target");
        var judges = RepositoryRoot.Combine("tests", "bolt-conformance");
        if (!Directory.Exists(Path.Combine(judges, "node_modules", "neo4j-driver"))
            && await NodeToolAsync("npm", judges, null, "ci", "--no-audit", "--no-fund", "--loglevel=error") is null)
        {
            Console.Error.WriteLine($"npm ci failed in {judges} (needs Node.js and npm)");
            return 1;
        }

        if (target is not null)
        {
            var upstream = IPEndPoint.Parse(target);
            return await TimeAsync(judges, upstream, CommandOptions.Option(args, "--user") ?? "neo4j", CommandOptions.Option(args, "--password") ?? "", reps, warmup);
        }
        await using var database = GraphDatabase.CreateInMemory();
        await database.ExecuteQueryAsync("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE", cancellationToken: cancellationToken);
        await database.ExecuteQueryAsync("UNWIND range(0, 19999) AS i CREATE (:Person {key: 'p' + i, name: 'Person ' + i, age: i % 90})", cancellationToken: cancellationToken);
        var server = new BoltServer(database, new BoltServerOptions { Port = 0, Username = User, Password = Password, DirectConnections = CommandOptions.IntOption(args, "--direct", new BoltServerOptions().DirectConnections) });
        await server.StartAsync(cancellationToken);
        try
        {
            return await TimeAsync(judges, new IPEndPoint(IPAddress.Loopback, server.BoundEndpoint!.Port), User, Password, reps, warmup);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Runs the JavaScript client against <paramref name="upstream"/> and its replay; prints the table.</summary>
    private static async Task<int> TimeAsync(string judges, IPEndPoint upstream, string user, string password, int reps, int warmup)
    {
        {
            await using var replay = new ReplayBoltServer(upstream);
            var settings = JsonSerializer.Serialize(new
            {
                ours = upstream.Port,
                record = replay.RecordingPort,
                replay = replay.ReplayingPort,
                user,
                password,
                reps,
                warmup,
                queries = new object[]
                {
                    new { name = "RETURN 1", text = "RETURN 1 AS v", @params = new { } },
                    new { name = "key lookup (peer: lookup)", text = "MATCH (p:Person {key: $k}) RETURN p.name AS v", @params = new { k = "p12345" } },
                    new { name = "label count (peer: count)", text = "MATCH (p:Person) RETURN count(p) AS v", @params = new { } },
                },
            });
            var script = Path.Combine(RepositoryRoot.Path, "tests", "KnowledgeGraph.Benchmarks", "Bolt", "driver-floor.js");
            var output = await NodeToolAsync("node", judges, new() { ["NODE_PATH"] = Path.Combine(judges, "node_modules") }, script, settings);
            if (output is null) return 1;
            if (replay.Misses > 0) Console.Error.WriteLine($"warning: the replay met {replay.Misses} request(s) it had not recorded");
            Console.WriteLine("| query (official JS driver, executeQuery) | ours ms | driver floor ms | ours − floor ms | ours / floor | same answer |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var query in JsonDocument.Parse(output).RootElement.EnumerateObject())
            {
                var ours = query.Value.GetProperty("ours_ms").GetDouble();
                var floor = query.Value.GetProperty("floor_ms").GetDouble();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {query.Name} | {ours:0.000} | {floor:0.000} | {ours - floor:0.000} | {ours / floor:0.00}x | {query.Value.GetProperty("same").GetBoolean()} |"));
            }
            Console.WriteLine($"medians of {reps} calls per side after {warmup} untimed, alternating; load average {BenchMachine.LoadAverage()}");
            return 0;
        }
    }

    /// <summary>Runs node or npm to completion and returns its standard output, or null (after printing why) when it failed.</summary>
    private static async Task<string?> NodeToolAsync(string tool, string workingDirectory, Dictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0) return await stdout;
            Console.Error.WriteLine($"{tool} failed ({process.ExitCode}): {await stderr}");
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"{tool} could not start: {e.Message}");
            return null;
        }
    }
}
