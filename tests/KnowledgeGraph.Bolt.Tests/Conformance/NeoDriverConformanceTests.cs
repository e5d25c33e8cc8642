using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>
/// The judge: the official JavaScript driver (npm neo4j-driver 6.3.0) against our server serving the embedded
/// engine. That driver proposes manifest v1, 5.8..5.0, 4.4..4.2 and 3.0; our server answers with the manifest
/// (5.8..5.0) and the driver picks 5.8.
/// </summary>
[Collection("conformance")]
public sealed class NeoDriverConformanceTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private BoltTestServer _server = null!;

    public NeoDriverConformanceTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Dictionary<string, string> Env(IDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>
        {
            ["BOLT_URI"] = _server.BoltUri,
            ["BOLT_USER"] = BoltTestServer.User,
            ["BOLT_PASSWORD"] = BoltTestServer.Password,
            ["BOLT_READER_USER"] = BoltTestServer.ReaderUser,
            ["BOLT_READER_PASSWORD"] = BoltTestServer.ReaderPassword,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        return env;
    }

    private async Task<JsonElement> RunAsync(string script, IDictionary<string, string>? extra = null)
    {
        var json = await NodeConformance.RunScriptAsync(script, Env(extra));
        _output.WriteLine(json.ToString());
        return json;
    }

    [NodeFact]
    public async Task Driver_Should_ConnectWithBolt58_When_UsingBoltAndNeo4jSchemes()
    {
        var json = await RunAsync("connect");
        foreach (var scheme in new[] { "bolt", "neo4j" })
        {
            var s = json.GetProperty(scheme);
            Assert.Equal("5.8", s.GetProperty("protocolVersion").GetString());
            Assert.StartsWith("Neo4j/5", s.GetProperty("agent").GetString());
            Assert.Equal("42", s.GetProperty("y").GetString());
        }
    }

    [NodeFact]
    public async Task Driver_Should_ReportUnauthorized_When_PasswordWrong_And_ForbidWritesOfReadOnlyUser()
    {
        var json = await RunAsync("auth");
        Assert.True(json.GetProperty("good").GetProperty("ok").GetBoolean());
        var bad = json.GetProperty("bad");
        Assert.False(bad.GetProperty("ok").GetBoolean());
        Assert.Equal("Neo.ClientError.Security.Unauthorized", bad.GetProperty("code").GetString());
        Assert.Contains("unauthorized due to authentication failure", bad.GetProperty("message").GetString());
        Assert.Equal("7", json.GetProperty("readerRead").GetString());
        Assert.Equal("Neo.ClientError.Security.Forbidden", json.GetProperty("readerWrite").GetProperty("code").GetString());
    }

    [NodeFact]
    public async Task Driver_Should_ReadThePlannedOperatorTree_When_ExplainingAndProfilingOverBolt()
    {
        var json = await RunAsync("plan");
        Assert.Equal(0, json.GetProperty("explainRecords").GetInt32());
        Assert.True(json.GetProperty("hasPlan").GetBoolean());
        Assert.True(json.GetProperty("hasProfile").GetBoolean());
        Assert.Equal(39, json.GetProperty("total").GetInt32());
        string[] expected = ["ProduceResults", "EagerAggregation", "Filter", "NodeByLabelScan"];
        foreach (var tree in new[] { "plan", "profile" })
        {
            var ops = json.GetProperty(tree).EnumerateArray().ToList();
            Assert.Equal(expected, ops.Select(o => o.GetProperty("operatorType").GetString()));
            Assert.All(ops, o => Assert.Equal("PIPELINED", o.GetProperty("runtime").GetString()));
            Assert.Equal("p:PlanPerson", ops[3].GetProperty("details").GetString());
            Assert.Equal(60, ops[3].GetProperty("estimatedRows").GetDouble());
            Assert.Contains("city", ops[0].GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        }
        var profile = json.GetProperty("profile").EnumerateArray().ToList();
        Assert.Equal([3, 3, 39, 60], profile.Select(o => o.GetProperty("rows").GetInt32()));
        Assert.Equal(60, profile[3].GetProperty("dbHits").GetInt32());
        Assert.Equal(60, profile[2].GetProperty("dbHits").GetInt32());
    }

    [NodeFact]
    public async Task Driver_Should_RoundTripEveryPackStreamType_When_SentAsParameterAndReturned()
    {
        var json = await RunAsync("types");
        Assert.True(json.GetProperty("ok").GetBoolean(), json.GetProperty("failures").ToString());
        Assert.True(json.GetProperty("cases").GetInt32() > 50);
    }

    [NodeFact]
    public async Task Driver_Should_SeeElementIds_When_ReturningNodesRelationshipsAndPaths()
    {
        var json = await RunAsync("graph");
        Assert.True(json.GetProperty("ok").GetBoolean(), json.GetProperty("problems").ToString());
    }

    [NodeFact]
    public async Task Driver_Should_StreamLargeResult_When_FetchSizeIsSmall()
    {
        var json = await RunAsync("stream", new Dictionary<string, string> { ["ROWS"] = "100000" });
        Assert.Equal(100000, json.GetProperty("count").GetInt32());
        Assert.Equal(1, json.GetProperty("after").GetInt32());
        Assert.True(json.GetProperty("ok").GetBoolean());
    }

    [NodeFact]
    public async Task Driver_Should_SeeCommitsAndNotRollbacks_When_UsingExplicitAndManagedTransactions()
    {
        var json = await RunAsync("transactions");
        Assert.Equal(1, json.GetProperty("insideTx").GetInt32());
        Assert.Equal(1, json.GetProperty("afterCommit").GetInt32());
        Assert.Equal(0, json.GetProperty("afterRollback").GetInt32());
        Assert.Equal(1, json.GetProperty("afterManagedCommit").GetInt32());
        Assert.Equal(0, json.GetProperty("afterManagedRollback").GetInt32());
        Assert.Equal("abort on purpose", json.GetProperty("managedError").GetString());
        Assert.Equal("Neo.ClientError.Statement.ArithmeticError", json.GetProperty("failedTxError").GetString());
        Assert.Equal(0, json.GetProperty("afterFailedTx").GetInt32());
        Assert.True(json.GetProperty("bookmarks").GetInt32() >= 1);
        Assert.Equal(1, json.GetProperty("bookmarkRead").GetInt32());
        var counters = json.GetProperty("counters");
        Assert.Equal(2, counters.GetProperty("nodesCreated").GetInt32());
        Assert.Equal(1, counters.GetProperty("relationshipsCreated").GetInt32());
        Assert.Equal(2, counters.GetProperty("labelsAdded").GetInt32());
        Assert.True(counters.GetProperty("containsUpdates").GetBoolean());
        Assert.True(json.GetProperty("ok").GetBoolean());
    }

    [NodeFact]
    public async Task Driver_Should_ReceiveCodesAndGqlStatus_When_QueriesFail()
    {
        var json = await RunAsync("errors");
        var syntax = json.GetProperty("syntax");
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.GetProperty("code").GetString());
        Assert.Equal("42001", syntax.GetProperty("gqlStatus").GetString());
        Assert.Equal("Neo.ClientError.Statement.ParameterMissing", json.GetProperty("missingParameter").GetProperty("code").GetString());
        Assert.Equal("Neo.ClientError.Statement.ArithmeticError", json.GetProperty("arithmetic").GetProperty("code").GetString());
        Assert.Equal("22003", json.GetProperty("arithmetic").GetProperty("gqlStatus").GetString());
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", json.GetProperty("unknownDatabase").GetProperty("code").GetString());
        Assert.Equal(3, json.GetProperty("afterErrors").GetInt32());
    }

    [NodeFact]
    public async Task Driver_Should_ServeFiftySessions_When_RunConcurrently()
    {
        var json = await RunAsync("concurrency", new Dictionary<string, string> { ["SESSIONS"] = "50" });
        Assert.Equal(50, json.GetProperty("correct").GetInt32());
        Assert.Equal(50, json.GetProperty("written").GetInt32());
    }

    [NodeFact]
    public async Task Driver_Should_Recover_When_ServerRestarts()
    {
        await NodeConformance.EnsureInstalledAsync();
        using var process = Process.Start(NodeConformance.StartInfo("node", Path.Combine("scripts", "restart.js"), Env()))!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("ready", ready ?? "(no output) " + await stderr);
            await _server.RestartAsync();
            await process.StandardInput.WriteLineAsync("go");
            await process.StandardInput.FlushAsync();
            var final = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            _output.WriteLine(final);
            var json = JsonDocument.Parse(final.Trim().Split('\n')[^1]).RootElement;
            Assert.True(json.GetProperty("ok").GetBoolean(), final + await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
