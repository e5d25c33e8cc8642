using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The production path, end to end: the GraphQL API runs its Cypher through our Bolt client (<see cref="BoltDriver"/>),
/// connected over loopback TCP to a second instance — a <see cref="BoltServer"/> serving the embedded engine — as it
/// would be connected to Neo4j. The seed data is loaded through the same client.
/// </summary>
public class BoltGraphQLServerFixture : GraphQLServerFixture
{
    private const string User = "neo4j";
    private const string Password = "graphql-over-bolt-test";

    private BoltServer? _server;
    private BoltDriver? _client;

    protected override async Task<IGraphDriver> ConnectAsync()
    {
        _server = new BoltServer(Database, new BoltServerOptions { Port = 0, Username = User, Password = Password });
        await _server.StartAsync(CancellationToken.None);
        _client = new BoltDriver($"bolt://127.0.0.1:{_server.BoundEndpoint!.Port}", User, Password);
        await _client.VerifyConnectivityAsync();
        return _client;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_client is not null) await _client.DisposeAsync();
        if (_server is not null) await _server.StopAsync(CancellationToken.None);
    }
}
