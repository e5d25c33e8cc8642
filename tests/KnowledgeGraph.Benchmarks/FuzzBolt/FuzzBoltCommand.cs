using System.Diagnostics;
using System.Net;
using static KnowledgeGraph.Benchmarks.CommandOptions;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Benchmarks.FuzzBolt;

/// <summary>
/// <c>fuzz-bolt</c>: fuzzes a running Bolt server for a while (see <see cref="BoltFuzzer"/>), then checks it is still
/// healthy: <c>/health</c> answers 200 (when <c>--health</c> is given) and a query through our client works.
/// Options: <c>--seconds N</c> (default 60), <c>--seed S</c> (default 1), <c>--parallel P</c> (connections at once, default 8), <c>--bolt host:port</c> (default
/// 127.0.0.1:7687), <c>--user</c>/<c>--password</c> (default neo4j / knowledgegraph, the Development defaults),
/// <c>--health URL</c> (e.g. http://127.0.0.1:5000/health). Exit code 0 when the server survived, 1 otherwise.
/// </summary>
public sealed class FuzzBoltCommand : IBenchCommand
{
    public string Name => "fuzz-bolt";

    public string Description => "malformed Bolt against a running server for N seconds, then check it is healthy";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = IntOption(args, "--seconds", 60);
        var seed = IntOption(args, "--seed", 1);
        var bolt = IPEndPoint.Parse(Option(args, "--bolt") ?? "127.0.0.1:7687");
        var user = Option(args, "--user") ?? "neo4j";
        var password = Option(args, "--password") ?? "knowledgegraph";
        var health = Option(args, "--health");

        var workers = IntOption(args, "--parallel", 8);

        var fuzzer = new BoltFuzzer(bolt, user, password);
        var watch = Stopwatch.StartNew();
        var stats = await fuzzer.RunAsync(seed, workers, int.MaxValue, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"seed {seed}, {workers} workers, {watch.Elapsed.TotalSeconds:F0} s: {stats}");

        var healthy = true;
        if (health is not null)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(new Uri(health), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{health}: {(int)response.StatusCode}");
            healthy &= response.IsSuccessStatusCode;
        }
        try
        {
            await using var driver = new BoltDriver($"bolt://{bolt}", user, password);
            var result = await driver.ExecuteQueryAsync("RETURN 42 AS answer", cancellationToken: cancellationToken).ConfigureAwait(false);
            var answer = (long)result.Records.Single()["answer"]!;
            Console.WriteLine($"RETURN 42 after the fuzz: {answer}");
            healthy &= answer == 42;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.WriteLine($"a normal query failed after the fuzz: {e.Message}");
            healthy = false;
        }
        return healthy ? 0 : 1;
    }

}
