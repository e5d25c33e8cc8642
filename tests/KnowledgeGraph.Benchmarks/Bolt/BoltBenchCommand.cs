using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.Bolt;

/// <summary>
/// <c>bolt</c>: our Bolt client against our Bolt server (embedded in-memory engine) on loopback. Measures round
/// trips per second for <c>RETURN 1</c> (auto-commit and in an explicit transaction) and records per second
/// streaming a 100k-row result, with 1 and 16 concurrent sessions.
/// Options: <c>--seconds N</c> (per round-trip measurement, default 5), <c>--rows N</c> (default 100000),
/// <c>--repeat N</c> (streaming passes per session, default 3), <c>--out FILE</c> (write a Markdown report),
/// <c>--direct N</c> (the server's Bolt:DirectConnections; 0 = every connection on the async path).
/// </summary>
public sealed class BoltBenchCommand : IBenchCommand
{
    public string Name => "bolt";

    public string Description => "Bolt round trips/s and streamed records/s (our client vs our server, loopback)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = IntOption(args, "--seconds", 5);
        var rows = IntOption(args, "--rows", 100_000);
        var repeat = IntOption(args, "--repeat", 3);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();

        await using var database = GraphDatabase.CreateInMemory();
        var server = new BoltServer(database, new BoltServerOptions { Port = 0, Username = "bench", Password = "bench-password", MaxConnections = 1000, DirectConnections = IntOption(args, "--direct", new BoltServerOptions().DirectConnections) });
        await server.StartAsync(cancellationToken);
        try
        {
            await using var driver = new BoltDriver(new BoltDriverOptions
            {
                Uri = $"bolt://127.0.0.1:{server.BoundEndpoint!.Port}",
                Username = "bench",
                Password = "bench-password",
                FetchSize = 1000,
            });
            await driver.VerifyConnectivityAsync(cancellationToken);
            var lines = new List<string>();
            void Report(string what, int sessions, double value, string unit)
            {
                var line = $"| {what} | {sessions} | {value.ToString("N0", CultureInfo.InvariantCulture)} {unit} |";
                Console.WriteLine(line);
                lines.Add(line);
            }
            Console.WriteLine("| measurement | sessions | result |");
            Console.WriteLine("|---|---|---|");
            foreach (var sessions in new[] { 1, 16 })
            {
                Report("`RETURN 1` auto-commit", sessions,
                    await RoundTripsAsync(driver, sessions, seconds, explicitTx: false, cancellationToken), "round trips/s");
                Report("`RETURN 1` in explicit tx (BEGIN+RUN+PULL+COMMIT)", sessions,
                    await RoundTripsAsync(driver, sessions, seconds, explicitTx: true, cancellationToken), "tx/s");
                Report($"stream {rows:N0}-row result", sessions,
                    await StreamAsync(driver, sessions, rows, repeat, cancellationToken), "records/s");
            }
            if (output is not null) await WriteReportAsync(output, lines, seconds, rows, repeat);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
        return 0;
    }

    private static async Task<double> RoundTripsAsync(BoltDriver driver, int sessions, int seconds, bool explicitTx, CancellationToken cancellationToken)
    {
        // Warm-up (JIT, pool) before the clock starts.
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => OneAsync(driver, explicitTx, cancellationToken)));
        var deadline = Stopwatch.StartNew();
        var total = 0L;
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(async _ =>
        {
            var count = 0L;
            await using var session = driver.OpenSession();
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                if (explicitTx)
                {
                    await using var tx = await session.BeginTransactionAsync(cancellationToken: cancellationToken);
                    await (await tx.RunAsync("RETURN 1", cancellationToken: cancellationToken)).ToEagerAsync(cancellationToken);
                    await tx.CommitAsync(cancellationToken);
                }
                else
                {
                    await (await session.RunAsync("RETURN 1", cancellationToken: cancellationToken)).ToEagerAsync(cancellationToken);
                }
                count++;
            }
            Interlocked.Add(ref total, count);
        }));
        return total / deadline.Elapsed.TotalSeconds;
    }

    private static async Task OneAsync(BoltDriver driver, bool explicitTx, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            if (explicitTx) await driver.ExecuteInTransactionAsync([("RETURN 1", null)], cancellationToken: cancellationToken);
            else await driver.ExecuteQueryAsync("RETURN 1", cancellationToken: cancellationToken);
        }
    }

    private static async Task<double> StreamAsync(BoltDriver driver, int sessions, int rows, int repeat, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?> { ["n"] = (long)rows };
        await CountAsync(driver, parameters, cancellationToken); // warm-up
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async _ =>
        {
            var sum = 0L;
            for (var i = 0; i < repeat; i++) sum += await CountAsync(driver, parameters, cancellationToken);
            return sum;
        }));
        var total = counts.Sum();
        if (total != (long)rows * sessions * repeat) throw new InvalidOperationException($"Streamed {total} records, expected {(long)rows * sessions * repeat}.");
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> CountAsync(BoltDriver driver, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        await using var session = driver.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
        var result = await session.RunAsync("UNWIND range(1, $n) AS i RETURN i", parameters, cancellationToken: cancellationToken);
        var count = 0L;
        await foreach (var _ in result.WithCancellation(cancellationToken)) count++;
        return count;
    }

    private static async Task WriteReportAsync(string path, List<string> lines, int seconds, int rows, int repeat)
    {
        var text = new StringBuilder()
            .AppendLine("# Bolt benchmark")
            .AppendLine()
            .AppendLine("Our Bolt client (`BoltDriver`) against our Bolt server (`BoltServer`) serving the embedded in-memory engine,")
            .AppendLine("over loopback TCP in one process. Command:")
            .AppendLine()
            .AppendLine($"    dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- bolt --seconds {seconds} --rows {rows} --repeat {repeat}")
            .AppendLine()
            .AppendLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.")
            .AppendLine("Client and server share the cores, so the figures include both ends' CPU.")
            .AppendLine()
            .AppendLine("| measurement | sessions | result |")
            .AppendLine("|---|---|---|");
        foreach (var line in lines) text.AppendLine(line);
        await File.WriteAllTextAsync(path, text.ToString());
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
