using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>The real process with Bolt on, a curator key, and a slow-query threshold so small that every statement is "slow".</summary>
public sealed class TelemetryProcessFixture() : ApiProcessFixture(TimeSpan.FromSeconds(90),
    $"--Bolt:Username={BoltUser}", $"--Bolt:Password={BoltPassword}", "--Graph:SlowQueryThreshold=00:00:00.0000001")
{
    internal const string BoltUser = "telemetry";
    internal const string BoltPassword = "telemetry-password-1";
}

/// <summary>Metrics at /metrics and the slow-query log, from the real process after GraphQL and Bolt traffic.</summary>
public sealed class TelemetryTests(TelemetryProcessFixture fixture) : IClassFixture<TelemetryProcessFixture>
{
    private ApiProcess Api => fixture.Api;

    private async Task RunTrafficAsync()
    {
        var (status, _) = await GraphQLFaults.PostQueryAsync(fixture.Http, Api, "{ entity(key: \"country:ua\") { key name } }");
        Assert.Equal(HttpStatusCode.OK, status);
        await GraphQLFaults.PostQueryAsync(fixture.Http, Api, "{ noSuchField }");
        await using var driver = new BoltDriver($"bolt://127.0.0.1:{Api.BoltPort}", TelemetryProcessFixture.BoltUser, TelemetryProcessFixture.BoltPassword);
        await driver.ExecuteQueryAsync("CREATE (:TelemetryProbe {n: $n})", new Dictionary<string, object?> { ["n"] = 1L });
        var read = await driver.ExecuteQueryAsync("MATCH (p:TelemetryProbe) RETURN count(p) AS c", accessMode: AccessMode.Read);
        Assert.True((long)read.Records[0]["c"]! >= 1);
    }

    [Fact]
    public async Task Metrics_Should_ExposeEveryLayersInstruments_When_GraphQLAndBoltQueriesRan()
    {
        await RunTrafficAsync();

        var text = await fixture.Http.GetStringAsync(new Uri(Api.BaseAddress, "/metrics"));

        var names = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet();
        string[] expected =
        [
            "http_server_request_duration_seconds_bucket",
            "kg_graphql_requests_total", "kg_graphql_errors_total", "kg_graphql_request_duration_seconds_bucket",
            "kg_cypher_statements_total", "kg_cypher_statement_duration_seconds_bucket", "kg_cypher_transactions_open",
            "kg_cypher_memory_used_bytes",
            "kg_storage_commits_total", "kg_storage_commit_duration_seconds_bucket", "kg_storage_fsync_duration_seconds_bucket",
            "kg_storage_wal_size_bytes",
            "kg_bolt_connections_accepted_total", "kg_bolt_connections_open",
            "dotnet_gc_collections_total",
        ];
        var missing = expected.Where(n => !names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "missing from /metrics: " + string.Join(", ", missing));
        Assert.Contains("code=\"FIELDS_ON_CORRECT_TYPE\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowQueryLog_Should_LogTextAndParameterNamesButNoValues_When_StatementsPassTheThreshold()
    {
        await RunTrafficAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<string> lines;
        do
        {
            // a log entry is two lines: the category line, then the message
            var output = Api.Output.Split('\n');
            lines = output.Where(l => l.Contains("Slow Cypher statement", StringComparison.Ordinal)).ToList();
            if (lines.Any(l => l.Contains("TelemetryProbe", StringComparison.Ordinal))) break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var probe = Assert.Single(lines, l => l.Contains("CREATE (:TelemetryProbe", StringComparison.Ordinal));
        Assert.Contains("parameters n (values redacted)", probe, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("(values redacted)", StringComparison.Ordinal) && l.Contains("MATCH", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("country:ua", StringComparison.Ordinal));
    }
}

/// <summary>OTLP export to a receiver on loopback, enabled only by the standard OTEL_* settings.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Otlp_Should_ExportTracesAndMetrics_When_OtelEndpointIsSet()
    {
        using var receiver = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var port = ((IPEndPoint)receiver.LocalEndpoint).Port;
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path, "--Bolt:Enabled=false",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{port}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_BSP_SCHEDULE_DELAY=200", "--OTEL_METRIC_EXPORT_INTERVAL=500");
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == HttpStatusCode.OK, body + api.Output);
        using var http = new HttpClient();
        await GraphQLFaults.PostQueryAsync(http, api, "{ entity(key: \"country:us\") { key } }");

        var paths = new HashSet<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(paths.Contains("/v1/traces") && paths.Contains("/v1/metrics")))
        {
            using var client = await receiver.AcceptTcpClientAsync(timeout.Token);
            var stream = client.GetStream();
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var requestLine = System.Text.Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
            paths.Add(requestLine.Split(' ')[1]);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), timeout.Token);
        }

        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/metrics", paths);
    }
}

/// <summary>
/// Traces in process (WebApplicationFactory over the real Program, the seeded embedded engine): an ActivityListener
/// sees one trace run HTTP → GraphQL → Cypher → storage for a mutation.
/// </summary>
public sealed class TraceTests : IClassFixture<TraceTests.ServiceFactory>
{
    private const string ApiKey = "trace-test-curator-key";
    private readonly ServiceFactory _factory;

    public TraceTests(ServiceFactory factory) => _factory = factory;

    public sealed class ServiceFactory : InMemoryServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GraphQL:ApiKey", ApiKey);
        }
    }

    [Fact]
    public async Task Trace_Should_ChainHttpGraphQLCypherAndStorage_When_AMutationCommits()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = Listen(stopped, ActivitySamplingResult.AllDataAndRecorded);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "mutation { upsertEntity(input: { kind: \"Person\", key: \"person:trace-probe\", name: \"Trace Probe\" }) { key } }",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\"", StringComparison.Ordinal), body);

        // Spans stop as the server finishes the request, which may be just after the client has read the response:
        // wait (boundedly) for them rather than race them.
        var graphql = await StoppedAsync(stopped, a => a.Source.Name == "KnowledgeGraph.GraphQL" && a.GetTagItem("graphql.operation.type") as string == "mutation"
            && stopped.Any(c => c.Source.Name == "KnowledgeGraph.Cypher" && c.TraceId == a.TraceId && (c.GetTagItem("db.query.text") as string ?? "").Contains("MERGE", StringComparison.Ordinal)));
        var http = await StoppedAsync(stopped, a => a.SpanId == graphql.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", http.OperationName);
        var cypher = stopped.Where(a => a.Source.Name == "KnowledgeGraph.Cypher" && a.TraceId == http.TraceId).ToList();
        Assert.NotEmpty(cypher);
        Assert.All(cypher, c => Assert.True(IsUnder(c, graphql.SpanId, stopped), $"{c.DisplayName} is not under the GraphQL span"));
        var commit = stopped.Where(a => a.OperationName == "storage.commit" && a.TraceId == http.TraceId).ToList();
        Assert.Contains(commit, s => cypher.Any(c => c.SpanId == s.ParentSpanId));
        Assert.All(cypher, c => Assert.DoesNotContain("trace-probe", c.GetTagItem("db.query.text") as string ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spans_Should_NotBeRecorded_When_NoOtlpTracesEndpointIsSet()
    {
        // A listener that only propagates: spans exist (the slow-query log listens this way), and they are recorded
        // only if something else in the process asks for it. Without an OTLP endpoint the service has no tracer
        // provider, so nothing records the spans of a request that nobody exports. (This class's other test records
        // everything; xunit runs the tests of one class one after another.)
        var stopped = new ConcurrentBag<Activity>();
        using var listener = Listen(stopped, ActivitySamplingResult.PropagationData);
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "query UnrecordedProbe { entity(key: \"person:steve-witkoff\") { name } }",
            operationName = "UnrecordedProbe",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains("Steve Witkoff", StringComparison.Ordinal), body);

        var graphql = await StoppedAsync(stopped, a => a.Source.Name == "KnowledgeGraph.GraphQL" && a.GetTagItem("graphql.operation.name") as string == "UnrecordedProbe"
            && stopped.Any(c => c.Source.Name == "KnowledgeGraph.Cypher" && c.TraceId == a.TraceId));
        var trace = stopped.Where(a => a.TraceId == graphql.TraceId).ToList();
        Assert.Contains(trace, a => a.Source.Name == "KnowledgeGraph.Cypher");
        Assert.All(trace, a => Assert.False(a.Recorded, $"{a.Source.Name} {a.OperationName} was recorded"));
    }

    /// <summary>Listens to the service's spans (ASP.NET Core's and ours), sampling them as <paramref name="sampling"/>
    /// says, and collects each one as it stops.</summary>
    private static ActivityListener Listen(ConcurrentBag<Activity> stopped, ActivitySamplingResult sampling)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" || s.Name.StartsWith("KnowledgeGraph.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => sampling,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task<Activity> StoppedAsync(ConcurrentBag<Activity> stopped, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = stopped.Where(match).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline) return Assert.Single(found);
            await Task.Delay(20);
        }
    }

    private static bool IsUnder(Activity activity, ActivitySpanId ancestor, IEnumerable<Activity> all)
    {
        var byId = all.GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        var current = activity;
        for (var i = 0; i < 32 && current is not null; i++)
        {
            if (current.ParentSpanId == ancestor) return true;
            current = byId.GetValueOrDefault(current.ParentSpanId);
        }
        return false;
    }
}
