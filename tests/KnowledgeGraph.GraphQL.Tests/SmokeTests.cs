namespace KnowledgeGraph.GraphQL.Tests;

[Collection(ServerCollection.Name)]
public sealed class SmokeTests(GraphQLServerFixture server)
{
    [Fact]
    public async Task Smoke()
    {
        var (status, body) = await server.PostAsync("{ countries(first: 3) { totalCount nodes { id key name aliases } pageInfo { hasNextPage endCursor } } }");
        Assert.Fail(status + " " + body.ToJsonString());
    }
}
