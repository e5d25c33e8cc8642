using KnowledgeGraph.GraphQL.Execution;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Snapshooter.Xunit;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>The generated schema: committed SDL snapshot and served SDL.</summary>
public abstract class SchemaTestsBase(GraphQLServerFixture server)
{
    [Fact]
    public void Sdl_Should_MatchTheCommittedSnapshot()
    {
        var service = new KgGraphQLService(Options.Create(new KgGraphQLOptions()), NullLogger<KgGraphQLService>.Instance);
        Snapshot.Match(service.Sdl, SnapshotHelper.FullName("schema.graphql"));
        Assert.Contains("interface Node", service.Sdl);
        Assert.Contains("type Person implements Node & Entity", service.Sdl);
    }

    [Fact]
    public async Task Sdl_Should_BeServed_When_GetWithSdlParameter()
    {
        using var response = await server.Client.GetAsync("/graphql?sdl");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("mediators(", sdl);
        Assert.Contains("shortestPath(", sdl);
    }
}

/// <summary>The tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class SchemaTests(GraphQLServerFixture server) : SchemaTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class SchemaTestsOverBolt(BoltGraphQLServerFixture server) : SchemaTestsBase(server);
