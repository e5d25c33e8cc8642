using System.Net;
using KnowledgeGraph.Benchmarks.FuzzBolt;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>
/// Malformed Bolt against the real service, bounded for CI: a fixed seed, a fixed number of cases per worker and a
/// 12-second cap on the fuzzing itself. Every case must end in a reply (FAILURE, IGNORED, SUCCESS) or a clean close, and afterwards the
/// process must be alive, healthy and serving queries, with no connection crash in its log. The same fuzzer runs
/// longer as <c>fuzz-bolt --seconds N --seed S</c> in tests/KnowledgeGraph.Benchmarks.
/// </summary>
public sealed class BoltFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzz_Should_LeaveServiceHealthy_When_MalformedBoltArrives()
    {
        const int seed = 11;
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path);
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"/health answered {status}: {body}\n{api.Output}");

        var fuzzer = new BoltFuzzer(new IPEndPoint(IPAddress.Loopback, api.BoltPort), "neo4j", "knowledgegraph");
        var stats = await fuzzer.RunAsync(seed, workers: 6, casesPerWorker: 30, duration: TimeSpan.FromSeconds(12), CancellationToken.None);
        output.WriteLine($"seed {seed}: {stats}");

        Assert.False(api.HasExited, api.Output);
        Assert.True(stats.Cases >= 60, $"only {stats.Cases} cases ran");
        Assert.True(stats.Failures > 0, "the fuzz never provoked a FAILURE: it is not exercising the decoder");
        (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(10));
        Assert.True(status == HttpStatusCode.OK, $"/health answered {status} after the fuzz: {body}");
        await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", "neo4j", "knowledgegraph");
        var result = await driver.ExecuteQueryAsync("RETURN 42 AS answer");
        Assert.Equal(42L, result.Records.Single()["answer"]);
        var log = api.Output;
        Assert.DoesNotContain("crashed", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unexpected error while serving a request", log, StringComparison.Ordinal);
    }
}
