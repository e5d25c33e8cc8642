using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Curator mutations, with and without the key, snapshotted with their Cypher.</summary>
public abstract class MutationSnapshotTestsBase(GraphQLServerFixture server)
{
    private async Task<JsonObject> RunAsync(string name, string query, object? variables = null, string? apiKey = GraphQLServerFixture.ApiKey)
    {
        var (status, body) = await server.PostAsync(query, variables, apiKey: apiKey);
        Assert.Equal(200, status);
        return SnapshotHelper.Match(name, query, variables, status, body);
    }

    private static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [SuiteFact]
    public async Task Mutation_Should_BeRejected_When_NoKeyIsSent()
    {
        var body = await RunAsync("mutation-without-key",
            "mutation { deleteEntity(key: \"country:us\", detach: true) }", apiKey: null);
        Assert.Equal(KgErrorCodes.NotAuthenticated, Code(body));
        var (_, check) = await server.PostAsync("{ entity(key: \"country:us\") { name } }", explain: false);
        Assert.Equal("United States", check["data"]!["entity"]!["name"]!.GetValue<string>()); // nothing deleted
    }

    [SuiteFact]
    public async Task Mutation_Should_BeRejected_When_TheKeyIsWrong()
    {
        var (_, body) = await server.PostAsync("mutation { deleteEntity(key: \"country:us\") }", apiKey: "wrong-key-wrong-key-wrong");
        Assert.Equal(KgErrorCodes.NotAuthenticated, Code(body));
    }

    [SuiteFact]
    public async Task Curator_Should_UpsertRelateClaimUnrelateAndDelete_When_KeyIsValid()
    {
        var upsert = await RunAsync("mutation-upsert", """
            mutation { upsertEntity(input: { kind: "Person", key: "person:test-mediator", name: "Test Mediator", aliases: ["Médiateur"],
                properties: [{ name: "title", value: "test envoy" }] }) { id key name aliases kind ... on Person { title } } }
            """);
        Assert.Equal("test envoy", upsert["data"]!["upsertEntity"]!["title"]!.GetValue<string>());

        var relate = await RunAsync("mutation-relate", """
            mutation { relate(input: { from: "person:test-mediator", to: "country:qatar", type: REPRESENTS, sources: ["source:reuters"], confidence: REPORTED, date: "2025-11" }) {
                type from { key } to { key } sources confidence date } }
            """);
        Assert.Equal("REPRESENTS", relate["data"]!["relate"]!["type"]!.GetValue<string>());

        var claim = await RunAsync("mutation-add-claim", """
            mutation { addClaim(input: { key: "claim:test-mediator-offers-talks", name: "Test mediator offers talks", text: "The test mediator offers to host talks.",
                stance: PROPOSES, date: "2025-11-20", statedBy: "person:test-mediator", about: ["conflict:russia-ukraine-war"], sources: ["source:reuters"], confidence: CLAIMED }) {
                key stance statedBy { nodes { name } } about { nodes { key } } reportedBy { nodes { key } } } }
            """);
        Assert.Equal("Test Mediator", claim["data"]!["addClaim"]!["statedBy"]!["nodes"]![0]!["name"]!.GetValue<string>());

        var search = await server.PostAsync("{ search(text: \"mediateur\") { key } }", explain: false);
        Assert.Equal("person:test-mediator", search.Body["data"]!["search"]![0]!["key"]!.GetValue<string>());

        var unrelate = await RunAsync("mutation-unrelate", "mutation { unrelate(from: \"person:test-mediator\", to: \"country:qatar\", type: REPRESENTS) }");
        Assert.Equal(1, unrelate["data"]!["unrelate"]!.GetValue<int>());

        var refused = await RunAsync("mutation-delete-connected", "mutation { deleteEntity(key: \"person:test-mediator\") }");
        Assert.Equal(KgErrorCodes.ConstraintViolation, Code(refused));

        var deleted = await RunAsync("mutation-delete-detach", "mutation { deleteEntity(key: \"person:test-mediator\", detach: true) }");
        Assert.True(deleted["data"]!["deleteEntity"]!.GetValue<bool>());
    }

    [SuiteFact]
    public async Task Mutation_Should_ReportValidationCodes_When_InputIsBad()
    {
        var body = await RunAsync("mutation-validation", """
            mutation {
              a: upsertEntity(input: { kind: "Spaceship", key: "ship:x", name: "X" }) { key }
            }
            """);
        Assert.Equal(KgErrorCodes.UnknownKind, Code(body));
        var (_, date) = await server.PostAsync("""
            mutation { relate(input: { from: "person:steve-witkoff", to: "country:qatar", type: REPRESENTS, sources: ["source:reuters"], confidence: REPORTED, date: "2025-13-45" }) { type } }
            """, apiKey: GraphQLServerFixture.ApiKey);
        Assert.Equal(KgErrorCodes.InvalidDate, Code(date));
        var (_, missing) = await server.PostAsync("""mutation { upsertEntity(input: { kind: "Person", key: " ", name: "X" }) { key } }""", apiKey: GraphQLServerFixture.ApiKey);
        Assert.Equal(KgErrorCodes.MissingKey, Code(missing));
        var (_, wrongType) = await server.PostAsync("""
            mutation { relate(input: { from: "country:qatar", to: "person:steve-witkoff", type: REPRESENTS, sources: ["source:reuters"], confidence: REPORTED }) { type } }
            """, apiKey: GraphQLServerFixture.ApiKey);
        Assert.Equal(KgErrorCodes.RelationshipNotAllowed, Code(wrongType));
        var (_, notFound) = await server.PostAsync("""
            mutation { relate(input: { from: "person:nobody", to: "country:qatar", type: REPRESENTS, sources: ["source:reuters"], confidence: REPORTED }) { type } }
            """, apiKey: GraphQLServerFixture.ApiKey);
        Assert.Equal(KgErrorCodes.NotFound, Code(notFound));
    }

    [SuiteFact]
    public async Task Mutations_Should_BeDisabled_When_NoApiKeyIsConfigured()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var app = GraphQLServerFixture.BuildApp(db, []);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await client.PostAsync("/graphql", new StringContent(
            """{"query":"mutation { deleteEntity(key: \"country:us\") }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(KgErrorCodes.MutationsDisabled, Code(body));
        Assert.Contains("GraphQL:ApiKey", body["errors"]![0]!["message"]!.GetValue<string>());
    }
}

/// <summary>The tests over the embedded engine in process.</summary>
public sealed class MutationSnapshotTests(MutationServerFixture server) : MutationSnapshotTestsBase(server), IClassFixture<MutationServerFixture>;

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
public sealed class MutationSnapshotTestsOverBolt(BoltMutationServerFixture server) : MutationSnapshotTestsBase(server), IClassFixture<BoltMutationServerFixture>;
