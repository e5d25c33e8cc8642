using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class StateMachineTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static RunMessage Run(string query, IReadOnlyDictionary<string, object?>? parameters = null, IReadOnlyDictionary<string, object?>? extra = null) =>
        new(query, parameters ?? Maps.Empty, extra ?? Maps.Empty);

    [Theory]
    [InlineData(new byte[] { 0, 8, 8, 5 }, 8)]
    [InlineData(new byte[] { 0, 0, 4, 5 }, 4)]
    [InlineData(new byte[] { 0, 0, 0, 5 }, 0)]
    [InlineData(new byte[] { 0, 2, 9, 5 }, 8)]
    public async Task Handshake_Should_PickHighestCommonVersion_When_ProposalsCover5x(byte[] proposal, int expectedMinor)
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        var reply = await client.HandshakeAsync([0, 2, 4, 4], proposal);
        Assert.Equal(new byte[] { 0, 0, (byte)expectedMinor, 5 }, reply);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Connection_Should_ServeQueries_When_EachBolt5MinorIsNegotiated(int minor)
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        var reply = await client.HandshakeAsync([0, 0, (byte)minor, 5]);
        Assert.Equal(new byte[] { 0, 0, (byte)minor, 5 }, reply);
        await client.DisposeAsync();
        await using var ready = await RawBoltClient.ConnectReadyAsync(_server.EndPoint, maxMinor: minor);
        Assert.Equal(minor, ready.Minor);
        var (records, summary) = await RunAndPullAsync(ready, "RETURN 'minor' AS v");
        Assert.IsType<SuccessMessage>(summary);
        Assert.Equal("minor", records.Single()[0]);
    }

    [Fact]
    public async Task Handshake_Should_OfferManifest_And_UseClientChoice_When_ManifestV1Proposed()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        // As neo4j-driver 6 proposes: manifest v1 first, then 5.8..5.0.
        var reply = await client.HandshakeAsync([0, 0, 1, 0xFF], [0, 8, 8, 5]);
        Assert.Equal(new byte[] { 0, 0, 1, 0xFF }, reply);
        // varint count 1, the range 5.8..5.0, varint capabilities 0
        Assert.Equal(new byte[] { 0x01, 0x00, 0x08, 0x08, 0x05, 0x00 }, await client.ReadRawAsync(6));
        await client.SendRawAsync([0, 0, 6, 5, 0x00]); // choose 5.6, no capabilities
        client.UseMinor(6);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(Maps.Of(("user_agent", "manifest/1")))));
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new LogonMessage(Maps.Of(("scheme", "basic"), ("principal", BoltTestServer.User), ("credentials", BoltTestServer.Password)))));
        await client.SendAsync(Run("RETURN nope("), new PullMessage(-1));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.True(failure.Metadata.ContainsKey("code")); // 5.6 semantics: legacy failure fields
    }

    [Fact]
    public async Task Handshake_Should_Close_When_ManifestChoiceIsNotOffered()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.HandshakeAsync([0, 0, 1, 0xFF]);
        await client.ReadRawAsync(6);
        await client.SendRawAsync([0, 0, 4, 4, 0x00]);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Handshake_Should_ReplyZerosAndClose_When_OnlyBolt4Proposed()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        var reply = await client.HandshakeAsync([0, 2, 4, 4], [0, 0, 0, 3]);
        Assert.Equal(new byte[4], reply);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Hello_Should_CarryAuth_When_Bolt50()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint, maxMinor: 0);
        Assert.Equal(0, client.Minor);
        var (records, summary) = await RunAndPullAsync(client, "RETURN 1 AS one");
        Assert.IsType<SuccessMessage>(summary);
        Assert.Equal(1L, records.Single()[0]);
    }

    [Fact]
    public async Task Logon_Should_FailAndClose_When_PasswordWrong()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(Maps.Of(("user_agent", "t")))));
        var failure = Assert.IsType<FailureMessage>(await client.RequestAsync(new LogonMessage(Maps.Of(("scheme", "basic"), ("principal", "neo4j"), ("credentials", "wrong")))));
        Assert.Equal("Neo.ClientError.Security.Unauthorized", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Run_Should_BeProtocolViolation_When_SentBeforeLogon()
    {
        await using var client = await RawBoltClient.ConnectAsync(_server.EndPoint);
        await client.HandshakeAsync([0, 8, 8, 5]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(Maps.Of(("user_agent", "t")))));
        var failure = Assert.IsType<FailureMessage>(await client.RequestAsync(Run("RETURN 1")));
        Assert.Equal("Neo.ClientError.Request.Invalid", failure.Metadata["neo4j_code"]);
        Assert.True(await client.IsClosedByServerAsync());
    }

    private static async Task<(List<IReadOnlyList<object?>> Records, IBoltMessage Summary)> RunAndPullAsync(RawBoltClient client, string query, long n = -1)
    {
        await client.SendAsync(Run(query), new PullMessage(n));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        return await client.ReceiveStreamAsync();
    }

    [Fact]
    public async Task Pull_Should_ReportHasMore_When_NSmallerThanResult()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var (first, more) = await RunAndPullAsync(client, "UNWIND range(1, 5) AS i RETURN i", n: 2);
        Assert.Equal([1L, 2L], first.Select(r => r[0]));
        Assert.Equal(true, Assert.IsType<SuccessMessage>(more).Metadata["has_more"]);
        await client.SendAsync(new PullMessage(2));
        var (second, _) = await client.ReceiveStreamAsync();
        Assert.Equal([3L, 4L], second.Select(r => r[0]));
        await client.SendAsync(new DiscardMessage(-1));
        var (none, done) = await client.ReceiveStreamAsync();
        Assert.Empty(none);
        var summary = Assert.IsType<SuccessMessage>(done).Metadata;
        Assert.False(summary.ContainsKey("has_more"));
        Assert.Equal("r", summary["type"]);
        // Back in READY: a new query runs.
        var (again, _) = await RunAndPullAsync(client, "RETURN 'ok' AS x");
        Assert.Equal("ok", again.Single()[0]);
    }

    [Fact]
    public async Task Failed_Should_IgnoreEverythingUntilReset_When_QueryFails()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        await client.SendAsync(Run("RETURN nope("), new PullMessage(-1), Run("RETURN 1"), new PullMessage(-1));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", failure.Metadata["neo4j_code"]);
        Assert.Equal("42001", failure.Metadata["gql_status"]);
        Assert.IsType<IgnoredMessage>(await client.ReceiveAsync());
        Assert.IsType<IgnoredMessage>(await client.ReceiveAsync());
        Assert.IsType<IgnoredMessage>(await client.ReceiveAsync());
        Assert.IsType<SuccessMessage>(await client.RequestAsync(ResetMessage.Instance));
        var (records, _) = await RunAndPullAsync(client, "RETURN 2 AS two");
        Assert.Equal(2L, records.Single()[0]);
    }

    [Fact]
    public async Task Failure_Should_UseLegacyCodeField_When_BoltBefore57()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint, maxMinor: 6);
        await client.SendAsync(Run("RETURN nope("), new PullMessage(-1));
        var failure = Assert.IsType<FailureMessage>(await client.ReceiveAsync());
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", failure.Metadata["code"]);
        Assert.False(failure.Metadata.ContainsKey("gql_status"));
    }

    [Fact]
    public async Task Transaction_Should_ServeResultsByQid_And_CommitWithBookmark()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new BeginMessage(Maps.Of(("tx_metadata", Maps.Of(("app", "test")))))));
        var first = Assert.IsType<SuccessMessage>(await client.RequestAsync(Run("UNWIND [1, 2, 3] AS i RETURN i")));
        var second = Assert.IsType<SuccessMessage>(await client.RequestAsync(Run("CREATE (n:QidTest {v: 1}) RETURN n.v AS v")));
        Assert.Equal(0L, first.Metadata["qid"]);
        Assert.Equal(1L, second.Metadata["qid"]);
        await client.SendAsync(new PullMessage(-1, 0));
        var (firstRecords, _) = await client.ReceiveStreamAsync();
        Assert.Equal([1L, 2L, 3L], firstRecords.Select(r => r[0]));
        await client.SendAsync(new PullMessage(-1, 1));
        var (secondRecords, secondSummary) = await client.ReceiveStreamAsync();
        Assert.Equal(1L, secondRecords.Single()[0]);
        Assert.Equal(1L, ((IReadOnlyDictionary<string, object?>)Assert.IsType<SuccessMessage>(secondSummary).Metadata["stats"]!)["nodes-created"]);
        var commit = Assert.IsType<SuccessMessage>(await client.RequestAsync(CommitMessage.Instance));
        Assert.IsType<string>(commit.Metadata["bookmark"]);
        var (count, _) = await RunAndPullAsync(client, "MATCH (n:QidTest) RETURN count(n) AS c");
        Assert.Equal(1L, count.Single()[0]);
    }

    [Fact]
    public async Task Rollback_Should_LeaveNoTrace_When_TransactionRolledBack()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new BeginMessage(Maps.Empty)));
        await client.SendAsync(Run("CREATE (:RolledBack)"), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        await client.ReceiveStreamAsync();
        Assert.IsType<SuccessMessage>(await client.RequestAsync(RollbackMessage.Instance));
        var (count, _) = await RunAndPullAsync(client, "MATCH (n:RolledBack) RETURN count(n) AS c");
        Assert.Equal(0L, count.Single()[0]);
    }

    [Fact]
    public async Task Reset_Should_RollBackOpenTransaction_When_SentMidTransaction()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new BeginMessage(Maps.Empty)));
        await client.SendAsync(Run("CREATE (:ResetMe)"), new PullMessage(-1));
        Assert.IsType<SuccessMessage>(await client.ReceiveAsync());
        await client.ReceiveStreamAsync();
        Assert.IsType<SuccessMessage>(await client.RequestAsync(ResetMessage.Instance));
        var (count, _) = await RunAndPullAsync(client, "MATCH (n:ResetMe) RETURN count(n) AS c");
        Assert.Equal(0L, count.Single()[0]);
    }

    [Fact]
    public async Task Run_Should_FailWithDatabaseNotFound_When_DbUnknown()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var failure = Assert.IsType<FailureMessage>(await client.RequestAsync(Run("RETURN 1", extra: Maps.Of(("db", "nosuchdb")))));
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", failure.Metadata["neo4j_code"]);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(ResetMessage.Instance));
        var (records, _) = await RunAndPullAsync(client, "RETURN 1 AS x");
        Assert.Single(records);
    }

    [Fact]
    public async Task Route_Should_ReturnThisServerInEveryRole_When_Asked()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        var success = Assert.IsType<SuccessMessage>(await client.RequestAsync(
            new RouteMessage(Maps.Of(("address", $"localhost:{_server.Port}")), [], Maps.Of(("db", null)))));
        var rt = (IReadOnlyDictionary<string, object?>)success.Metadata["rt"]!;
        var servers = ((IReadOnlyList<object?>)rt["servers"]!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(["WRITE", "READ", "ROUTE"], servers.Select(s => (string)s["role"]!));
        Assert.All(servers, s => Assert.Equal($"localhost:{_server.Port}", ((IReadOnlyList<object?>)s["addresses"]!).Single()));
        Assert.Equal(300L, rt["ttl"]);
    }

    [Fact]
    public async Task Write_Should_BeForbidden_When_ReadOnlyUser()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint, user: BoltTestServer.ReaderUser, password: BoltTestServer.ReaderPassword);
        var (records, _) = await RunAndPullAsync(client, "RETURN 5 AS x");
        Assert.Equal(5L, records.Single()[0]);
        await client.SendAsync(Run("CREATE (:Forbidden)"), new PullMessage(-1));
        var first = await client.ReceiveAsync();
        var failure = first as FailureMessage ?? Assert.IsType<FailureMessage>((await client.ReceiveStreamAsync()).Summary);
        Assert.Equal("Neo.ClientError.Security.Forbidden", failure.Metadata["neo4j_code"]);
    }

    [Fact]
    public async Task Logoff_Should_RequireLogonAgain_When_Sent()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(LogoffMessage.Instance));
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new LogonMessage(Maps.Of(("scheme", "basic"), ("principal", BoltTestServer.User), ("credentials", BoltTestServer.Password)))));
        var (records, _) = await RunAndPullAsync(client, "RETURN 1 AS x");
        Assert.Single(records);
    }

    [Fact]
    public async Task Goodbye_Should_CloseConnection_When_Sent()
    {
        await using var client = await RawBoltClient.ConnectReadyAsync(_server.EndPoint);
        Assert.IsType<SuccessMessage>(await client.RequestAsync(new TelemetryMessage(2)));
        await client.SendAsync(GoodbyeMessage.Instance);
        Assert.True(await client.IsClosedByServerAsync());
    }
}
