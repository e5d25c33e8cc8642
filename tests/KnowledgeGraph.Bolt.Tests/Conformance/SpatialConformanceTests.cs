using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Spatial;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Conformance;

/// <summary>
/// Spatial values over Bolt: the official JavaScript driver's <c>neo4j.types.Point</c> both ways (scripts/spatial.js),
/// and our own Bolt client sending and reading Point2D / Point3D structures.
/// </summary>
[Collection("conformance")]
public sealed class SpatialConformanceTests : IAsyncLifetime
{
    private BoltTestServer _server = null!;

    public async Task InitializeAsync() => _server = await BoltTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [NodeFact]
    public async Task JsDriver_Should_RoundTripPoints_When_SentAsParametersStoredAndReturned()
    {
        var json = await NodeConformance.RunScriptAsync("spatial", new Dictionary<string, string>
        {
            ["BOLT_URI"] = _server.BoltUri,
            ["BOLT_USER"] = BoltTestServer.User,
            ["BOLT_PASSWORD"] = BoltTestServer.Password,
        });
        Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
    }

    [Fact]
    public async Task BoltClient_Should_SendAndReadPointStructures_When_ParametersAndResultsArePoints()
    {
        await using var driver = new BoltDriver(_server.BoltUri, BoltTestServer.User, BoltTestServer.Password);
        var sent = new Dictionary<string, object?>
        {
            ["a"] = new CypherPoint(CypherPoint.Cartesian, 1.5, -2),
            ["b"] = new CypherPoint(CypherPoint.Wgs843D, 30.5234, 50.4501, 179),
        };
        var result = await driver.ExecuteQueryAsync(
            "RETURN $a AS a, $b AS b, $b.height AS h, point({longitude: 21.0122, latitude: 52.2297}) AS w, [point({x: 1, y: 2, z: 3})] AS l", sent);
        var record = Assert.Single(result.Records);
        Assert.Equal(sent["a"], record["a"]);
        Assert.Equal(sent["b"], record["b"]);
        Assert.Equal(179.0, record["h"]);
        Assert.Equal(new CypherPoint(CypherPoint.Wgs84, 21.0122, 52.2297), record["w"]);
        Assert.Equal(new CypherPoint(CypherPoint.Cartesian3D, 1, 2, 3), Assert.Single((IEnumerable<object?>)record["l"]!));
    }
}
