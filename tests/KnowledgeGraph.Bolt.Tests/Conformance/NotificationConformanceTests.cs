using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>
/// Notifications with Neo4j 5.26's category, position and GQL status: the official JavaScript driver's
/// <c>summary.notifications</c> and <c>summary.gqlStatusObjects</c> (scripts/notifications.js, Bolt 5.5+), and our own
/// Bolt client reading the same statuses back.
/// </summary>
[Collection("conformance")]
public sealed class NotificationConformanceTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [NodeFact]
    public async Task JsDriver_Should_ReadCategoryPositionAndGqlStatuses_When_QueryOptionsRaiseNotifications()
    {
        var json = await NodeConformance.RunScriptAsync("notifications", new Dictionary<string, string>
        {
            ["BOLT_URI"] = _server.BoltUri,
            ["BOLT_USER"] = BoltTestServer.User,
            ["BOLT_PASSWORD"] = BoltTestServer.Password,
        });
        Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
    }

    [Fact]
    public async Task BoltClient_Should_ReadNotificationsWithCategoryAndPosition_When_TheServerSendsStatuses()
    {
        await using var driver = new BoltDriver(_server.BoltUri, BoltTestServer.User, BoltTestServer.Password);
        var result = await driver.ExecuteQueryAsync("CYPHER runtime=parallel\nRETURN 1 AS one");
        var n = Assert.Single(result.Summary.Notifications);
        Assert.Equal("Neo.ClientNotification.Statement.RuntimeUnsupported", n.Code);
        Assert.Equal("WARNING", n.Severity);
        Assert.Equal("UNSUPPORTED", n.Category);
        Assert.Equal(new NotificationPosition(7, 1, 8), n.Position);
        Assert.StartsWith("Selected runtime is unsupported", n.Description, StringComparison.Ordinal);
        Assert.Empty((await driver.ExecuteQueryAsync("RETURN 1 AS one")).Summary.Notifications);
    }
}
