using KnowledgeGraph.Bolt.Client;
using Xunit;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>A driver on the run's Neo4j (<see cref="Neo4jServer"/>) for the tests of the <c>neo4j</c> collection.
/// Connects nothing when the tests are skipped.</summary>
public sealed class Neo4jFixture : IAsyncLifetime
{
    public BoltDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Neo4jTarget.SkipReason is not null) return;
        Driver = await Neo4jServer.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (Driver is not null) await Driver.DisposeAsync();
    }
}

/// <summary>Every test that touches Neo4j is in this collection, so they run one after another: the GraphQL suites
/// wipe and reseed the database when they start, which must not happen under another test's feet.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jFixture>
{
    public const string Name = "neo4j";
}
