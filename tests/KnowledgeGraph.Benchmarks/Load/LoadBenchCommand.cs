using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Cypher.Import;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Benchmarks.Load;

/// <summary>
/// <c>load</c>: loads the peer bench's synthetic graph (<c>../shared/bench/peer/gen.js</c>: 130k nodes, ~800k
/// relationships at scale 1) into a durable store three times, through <c>admin import</c>'s importer and through
/// <c>LOAD CSV</c> (the statements of the peer's <c>ours-run.js</c> with <c>PEER_LOAD=csv</c>), through <c>UNWIND</c>
/// batches of 10,000 rows passed as parameters (the peer's default load, here embedded: no Bolt), and, when the peer's
/// npm packages are installed, times Kuzu's <c>COPY FROM</c> of the same files (<c>kuzu-run.js</c> with no queries).
/// Prints the times and our / Kuzu ratios (issue 13's target: at most 2x). Options: <c>--data DIR</c> (default
/// <c>$PEER_WORK/data-1</c>, generated with node when missing), <c>--scale N</c> (default 1; 0.1 is a tenth of the graph),
/// <c>--loaders import,csv,unwind</c> (default all three; Kuzu always runs when installed).
/// </summary>
public sealed class LoadBenchCommand : IBenchCommand
{
    public string Name => "load";

    public string Description => "bulk loading: admin import and LOAD CSV vs Kuzu COPY on the peer bench's graph";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var peer = FindPeer();
        var work = Environment.GetEnvironmentVariable("PEER_WORK") is { Length: > 0 } w ? w : Path.Combine(Path.GetTempPath(), "kg-peer");
        var scale = CommandOptions.Option(args, "--scale") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 1;
        var data = Path.GetFullPath(CommandOptions.Option(args, "--data") ?? Path.Combine(work, "data-" + scale.ToString(CultureInfo.InvariantCulture)));
        if (!File.Exists(Path.Combine(data, "person.csv")))
        {
            if (await NodeAsync(null, Path.Combine(peer, "gen.js"), data, scale.ToString(CultureInfo.InvariantCulture)) is null)
            {
                Console.Error.WriteLine("could not generate the graph (needs node)");
                return 1;
            }
        }
        var loaders = (CommandOptions.Option(args, "--loaders") ?? "import,csv,unwind").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var scratch = Directory.CreateTempSubdirectory("kg-load-bench-").FullName;
        try
        {
            double? import = null, loadCsv = null, unwind = null;
            if (loaders.Contains("import")) import = await WithGcReport("admin import", () => ImportAsync(data, Path.Combine(scratch, "import"), cancellationToken));
            if (loaders.Contains("csv")) loadCsv = await WithGcReport("LOAD CSV", () => LoadCsvAsync(data, Path.Combine(scratch, "loadcsv"), cancellationToken));
            if (loaders.Contains("unwind")) unwind = await WithGcReport("UNWIND", () => UnwindAsync(data, Path.Combine(scratch, "unwind"), cancellationToken));
            var modules = Path.Combine(work, "node", "node_modules");
            double? kuzu = null;
            if (Directory.Exists(Path.Combine(modules, "kuzu")))
            {
                var empty = Path.Combine(scratch, "no-queries.json");
                await File.WriteAllTextAsync(empty, "{}", cancellationToken);
                var output = await NodeAsync(new() { ["NODE_PATH"] = modules, ["PEER_QUERIES"] = empty }, Path.Combine(peer, "kuzu-run.js"), data, "1");
                if (output is not null) kuzu = JsonDocument.Parse(output).RootElement.GetProperty("load_ms").GetDouble() / 1000;
            }
            Console.WriteLine($"graph: {data}");
            Console.WriteLine("| loader | seconds | ours / Kuzu COPY |");
            Console.WriteLine("|---|---|---|");
            string Ratio(double s) => kuzu is { } k ? (s / k).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "(Kuzu not installed: npm ci in " + Path.Combine(work, "node") + ")";
            if (import is { } i) Console.WriteLine($"| admin import (CsvImporter, durable store) | {i:0.00} | {Ratio(i)} |");
            if (loadCsv is { } c) Console.WriteLine($"| LOAD CSV (6 statements, durable store) | {c:0.00} | {Ratio(c)} |");
            if (unwind is { } u) Console.WriteLine($"| UNWIND batches of 10,000 rows (embedded, durable store) | {u:0.00} | {Ratio(u)} |");
            if (kuzu is { } kz) Console.WriteLine($"| Kuzu 0.11.3 COPY FROM (in memory) | {kz:0.00} | 1.00x |");
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Runs one loader and prints what the collector did meanwhile (the cost of a large transaction's live
    /// write state shows as gen2 collections and pause time) and the process CPU time it took.</summary>
    private static async Task<double> WithGcReport(string name, Func<Task<double>> load)
    {
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = await load();
        Console.Error.WriteLine(
            $"{name}: GC gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, " +
            $"pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e9:0.00} GB, " +
            $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s");
        return seconds;
    }

    private static async Task<double> ImportAsync(string data, string store, CancellationToken ct)
    {
        // The peer's files have no header: Neo4j's import takes header files in front of the data files.
        var headers = Path.Combine(store + "-headers");
        Directory.CreateDirectory(headers);
        string Header(string name, string text)
        {
            var path = Path.Combine(headers, name);
            File.WriteAllText(path, text + "\n");
            return path;
        }
        var options = new CsvImportOptions
        {
            Nodes =
            [
                new([Header("person.csv", "key:ID(Person),name,age:int"), Path.Combine(data, "person.csv")], ["Person"]),
                new([Header("org.csv", "key:ID(Org),name"), Path.Combine(data, "org.csv")], ["Org"]),
                new([Header("meeting.csv", "key:ID(Meeting),name,year:int"), Path.Combine(data, "meeting.csv")], ["Meeting"]),
            ],
            Relationships =
            [
                new([Header("knows.csv", ":START_ID(Person),:END_ID(Person)"), Path.Combine(data, "knows.csv")], ["KNOWS"]),
                new([Header("member.csv", ":START_ID(Person),:END_ID(Org)"), Path.Combine(data, "member.csv")], ["MEMBER_OF"]),
                new([Header("attended.csv", ":START_ID(Person),:END_ID(Meeting)"), Path.Combine(data, "attended.csv")], ["ATTENDED"]),
            ],
            ReportFile = Path.Combine(headers, "import.report"),
            ProgressEvery = long.MaxValue,
        };
        var clock = Stopwatch.StartNew();
        await using (var graph = GraphStore.Open(store))
        {
            await CsvImporter.RunAsync(graph, options, Console.Error, ct);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> LoadCsvAsync(string data, string store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = GraphDatabase.Open(store, new GraphDatabaseOptions { ImportDirectory = data, DefaultTransactionTimeout = null });
        foreach (var label in new[] { "Person", "Org", "Meeting" })
            await db.ExecuteQueryAsync($"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE", cancellationToken: ct);
        string[] statements =
        [
            "LOAD CSV FROM 'file:///person.csv' AS r CREATE (:Person {key: r[0], name: r[1], age: toInteger(r[2])})",
            "LOAD CSV FROM 'file:///org.csv' AS r CREATE (:Org {key: r[0], name: r[1]})",
            "LOAD CSV FROM 'file:///meeting.csv' AS r CREATE (:Meeting {key: r[0], name: r[1], year: toInteger(r[2])})",
            "LOAD CSV FROM 'file:///knows.csv' AS r MATCH (a:Person {key: r[0]}), (b:Person {key: r[1]}) CREATE (a)-[:KNOWS]->(b)",
            "LOAD CSV FROM 'file:///member.csv' AS r MATCH (a:Person {key: r[0]}), (b:Org {key: r[1]}) CREATE (a)-[:MEMBER_OF]->(b)",
            "LOAD CSV FROM 'file:///attended.csv' AS r MATCH (a:Person {key: r[0]}), (b:Meeting {key: r[1]}) CREATE (a)-[:ATTENDED]->(b)",
        ];
        foreach (var statement in statements)
        {
            var step = Stopwatch.StartNew();
            await db.ExecuteQueryAsync(statement, cancellationToken: ct);
            Console.Error.WriteLine($"LOAD CSV: {statement[..statement.IndexOf(" AS ", StringComparison.Ordinal)]} {step.Elapsed.TotalSeconds:0.0} s");
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The peer's default load (<c>ours-run.js</c> without <c>PEER_LOAD</c>): the same statements with the rows
    /// as a parameter, 10,000 rows per statement and transaction, run in process rather than over Bolt.</summary>
    private static async Task<double> UnwindAsync(string data, string store, CancellationToken ct)
    {
        List<string[]> Rows(string file) =>
            File.ReadLines(Path.Combine(data, file + ".csv")).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var clock = Stopwatch.StartNew();
        await using var db = GraphDatabase.Open(store, new GraphDatabaseOptions { DefaultTransactionTimeout = null });
        foreach (var label in new[] { "Person", "Org", "Meeting" })
            await db.ExecuteQueryAsync($"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE", cancellationToken: ct);
        async Task Batched(string statement, List<string[]> rows, Func<string[], object?> convert)
        {
            var step = Stopwatch.StartNew();
            for (var i = 0; i < rows.Count; i += 10_000)
            {
                var batch = rows.GetRange(i, Math.Min(10_000, rows.Count - i)).Select(convert).ToList();
                await db.ExecuteQueryAsync(statement, new Dictionary<string, object?> { ["rows"] = batch }, cancellationToken: ct);
            }
            Console.Error.WriteLine($"UNWIND: {statement[..statement.IndexOf(" AS ", StringComparison.Ordinal)]} … {statement[(statement.IndexOf("CREATE", StringComparison.Ordinal))..]} {step.Elapsed.TotalSeconds:0.0} s");
        }
        static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);
        await Batched("UNWIND $rows AS r CREATE (:Person {key: r.k, name: r.n, age: r.a})", Rows("person"),
            r => Map(("k", r[0]), ("n", r[1]), ("a", long.Parse(r[2], CultureInfo.InvariantCulture))));
        await Batched("UNWIND $rows AS r CREATE (:Org {key: r.k, name: r.n})", Rows("org"), r => Map(("k", r[0]), ("n", r[1])));
        await Batched("UNWIND $rows AS r CREATE (:Meeting {key: r.k, name: r.n, year: r.y})", Rows("meeting"),
            r => Map(("k", r[0]), ("n", r[1]), ("y", long.Parse(r[2], CultureInfo.InvariantCulture))));
        foreach (var (type, file, label) in new[] { ("KNOWS", "knows", "Person"), ("MEMBER_OF", "member", "Org"), ("ATTENDED", "attended", "Meeting") })
            await Batched($"UNWIND $rows AS r MATCH (a:Person {{key: r[0]}}), (b:{label} {{key: r[1]}}) CREATE (a)-[:{type}]->(b)", Rows(file),
                r => r.Cast<object?>().ToList());
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<string?> NodeAsync(Dictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? []) start.Environment[k] = v;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"node {string.Join(' ', args)}: {await error}");
                return null;
            }
            return (await output).Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindPeer()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "peer"));
        }
        throw new InvalidOperationException("Run from inside the repository (KnowledgeGraph.sln not found).");
    }
}
