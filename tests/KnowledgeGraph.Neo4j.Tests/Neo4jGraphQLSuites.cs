using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Tests;
using Xunit;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// The GraphQL API with Neo4j behind it: the API runs its Cypher through our Bolt client against the run's Neo4j,
/// which is wiped and reseeded from <c>seeds/</c> first, so every suite starts from the same graph as the embedded
/// run (and compares with the same snapshots). A class fixture: the suites of the <c>neo4j</c> collection run one
/// after another, each on a fresh graph, so the mutations of one never show in another.
/// </summary>
public sealed class Neo4jGraphQLServerFixture : GraphQLServerFixture
{
    private BoltDriver? _driver;

    public override async Task InitializeAsync()
    {
        if (Neo4jTarget.SkipReason is not null) return;
        await base.InitializeAsync();
    }

    protected override async Task<IGraphDriver> ConnectAsync()
    {
        _driver = await Neo4jServer.ConnectAsync();
        await _driver.ExecuteQueryAsync("MATCH (n) DETACH DELETE n");
        return _driver;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_driver is not null) await _driver.DisposeAsync();
    }
}

/// <summary>Skips a GraphQL suite, with the reason, when there is no Neo4j to run it on.</summary>
public sealed class SkipWithoutNeo4jAttribute : SuiteSkipAttribute
{
    public override string? Reason => Neo4jTarget.SkipReason;
}

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class QuerySnapshotTestsOnNeo4j(Neo4jGraphQLServerFixture server) : QuerySnapshotTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class MutationSnapshotTestsOnNeo4j(Neo4jGraphQLServerFixture server) : MutationSnapshotTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class CompilerTestsOnNeo4j(Neo4jGraphQLServerFixture server) : CompilerTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class SchemaTestsOnNeo4j(Neo4jGraphQLServerFixture server) : SchemaTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class TransportTestsOnNeo4j(Neo4jGraphQLServerFixture server) : TransportTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;

[Collection(Neo4jCollection.Name), SkipWithoutNeo4j]
public sealed class PersonaTestsOnNeo4j(Neo4jGraphQLServerFixture server) : PersonaTestsBase(server), IClassFixture<Neo4jGraphQLServerFixture>;
