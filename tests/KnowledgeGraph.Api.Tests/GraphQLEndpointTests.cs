using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The whole service in memory (WebApplicationFactory over the real Program): GraphQL over HTTP on the
/// seeded embedded engine, as the host wires it.</summary>
public sealed class GraphQLEndpointTests : IClassFixture<InMemoryServiceFactory>
{
    private readonly InMemoryServiceFactory _factory;

    public GraphQLEndpointTests(InMemoryServiceFactory factory) => _factory = factory;

    [Fact]
    public async Task GraphQL_Should_AnswerFromTheSeededGraph_When_PostedThroughTheHost()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql",
            new { query = "{ entity(key: \"person:kirill-dmitriev\") { name aliases } }" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Kirill Dmitriev", json.RootElement.GetProperty("data").GetProperty("entity").GetProperty("name").GetString());
    }

    [Fact]
    public async Task GraphQL_Should_Return405_When_MutationSentOverGet()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { deleteEntity(key: \"country:us\") }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Health_Should_ReportSeedingCompleted_When_HostedInMemory()
    {
        using var client = _factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("completed", body.GetProperty("seeding").GetProperty("state").GetString());
        Assert.Equal("embedded", body.GetProperty("graph").GetProperty("provider").GetString());
    }
}
