using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

/// <summary>The <c>system</c> database over Bolt (sessions, transactions, routing), summaries naming the database,
/// and query-option notifications, as Neo4j's tools meet them at connect time.</summary>
public sealed class SystemDatabaseTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<(List<IReadOnlyList<object?>> Records, SuccessMessage Summary)> RunAndPullAsync(
        RawBoltClient client, string query, string? db = null)
    {
        var extra = db is null ? Maps.Empty : Maps.Of(("db", db));
        await client.SendAsync(new RunMessage(query, Maps.Empty, extra), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        var (records, summary) = await client.ReceiveStreamAsync();
        return (records, Assert.IsType<SuccessMessage>(summary));
    }

    [Fact]
    public async Task Run_Should_ServeAdministrationCommands_When_TheDatabaseIsSystem()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var (records, summary) = await RunAndPullAsync(client, "SHOW DATABASES YIELD name RETURN name", "system");
        Assert.Equal(["neo4j", "system"], records.Select(r => r[0]));
        Assert.Equal("system", summary.Metadata["db"]);
        var (user, _) = await RunAndPullAsync(client, "CALL dbms.showCurrentUser() YIELD username RETURN username", "SYSTEM");
        Assert.Equal(BoltTestServer.User, user.Single()[0]);
    }

    [Fact]
    public async Task Begin_Should_OpenATransactionOnSystem_When_Asked()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new BeginMessage(Maps.Of(("db", "system")))));
        var (records, _) = await RunAndPullAsync(client, "SHOW DEFAULT DATABASE YIELD name RETURN name");
        Assert.Equal("neo4j", records.Single()[0]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(CommitMessage.Instance));
    }

    [Fact]
    public async Task Run_Should_FailWithNotSystemDatabaseError_When_AGraphQueryRunsOnSystem()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await client.SendAsync(new RunMessage("MATCH (n) RETURN n", Maps.Empty, Maps.Of(("db", "system"))), new PullMessage(-1));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Statement.NotSystemDatabaseError", failure.Metadata["neo4j_code"]);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("neo4j")]
    public async Task Route_Should_AnswerForTheNamedDatabase_When_ItExists(string db)
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var success = Assert.IsType<SuccessMessage>(await client.RequestAsync(
            new RouteMessage(Maps.Of(("address", $"localhost:{_server.Port}")), [], Maps.Of(("db", db)))));
        var rt = (IReadOnlyDictionary<string, object?>)success.Metadata["rt"]!;
        Assert.Equal(db, rt["db"]);
    }

    [Fact]
    public async Task Pull_Should_CarryANotificationWithCategoryAndPosition_When_Bolt54AsksAnIgnoredRuntime()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint, maxMinor: 4);
        var (records, summary) = await RunAndPullAsync(client, "CYPHER 5 runtime=pipelined RETURN 1 AS x");
        Assert.Equal(1L, records.Single()[0]);
        Assert.False(summary.Metadata.ContainsKey("statuses"));
        var note = (IReadOnlyDictionary<string, object?>)Assert.Single((IReadOnlyList<object?>)summary.Metadata["notifications"]!)!;
        Assert.Equal("Neo.ClientNotification.Statement.RuntimeUnsupported", note["code"]);
        Assert.Equal("WARNING", note["severity"]);
        Assert.Equal("UNSUPPORTED", note["category"]);
        var position = (IReadOnlyDictionary<string, object?>)note["position"]!;
        Assert.Equal((9L, 1L, 10L), ((long)position["offset"]!, (long)position["line"]!, (long)position["column"]!));
    }

    [Fact]
    public async Task Pull_Should_CarryGqlStatuses_When_Bolt55OrLaterAsksAnIgnoredRuntime()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var (records, summary) = await RunAndPullAsync(client, "CYPHER 5 runtime=pipelined RETURN 1 AS x");
        Assert.Equal(1L, records.Single()[0]);
        Assert.False(summary.Metadata.ContainsKey("notifications"));
        var statuses = ((IReadOnlyList<object?>)summary.Metadata["statuses"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(["01N40", "00000"], statuses.Select(s => (string)s["gql_status"]!));
        var warning = statuses[0];
        Assert.Equal("Neo.ClientNotification.Statement.RuntimeUnsupported", warning["neo4j_code"]);
        Assert.StartsWith("warn: unsupported runtime.", (string)warning["status_description"]!, StringComparison.Ordinal);
        Assert.StartsWith("Selected runtime is unsupported", (string)warning["description"]!, StringComparison.Ordinal); // 5.6+
        var record = (IReadOnlyDictionary<string, object?>)warning["diagnostic_record"]!;
        Assert.Equal(("WARNING", "UNSUPPORTED", "0", "/"), ((string)record["_severity"]!, (string)record["_classification"]!, (string)record["OPERATION_CODE"]!, (string)record["CURRENT_SCHEMA"]!));
        Assert.Equal(9L, ((IReadOnlyDictionary<string, object?>)record["_position"]!)["offset"]);
        Assert.Equal("note: successful completion", statuses[1]["status_description"]);
        Assert.False(statuses[1].ContainsKey("neo4j_code"));
    }
}
