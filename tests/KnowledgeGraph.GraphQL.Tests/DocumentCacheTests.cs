using System.Text.Json.Nodes;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// Repeated documents skip parsing and the static validation rules (Execution/DocumentCache): what they answer
/// must not change, and what depends on the variables (their coercion, the complexity budget) is still checked.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DocumentCacheTests(GraphQLServerFixture server)
{
    private static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task CachedDocument_Should_AnswerPerVariables_When_SentAgain()
    {
        const string query = "query($key: String!) { entity(key: $key) { key name } }";
        var (_, first) = await server.PostAsync(query, new { key = "country:us" }, explain: false);
        var (_, second) = await server.PostAsync(query, new { key = "country:ukraine" }, explain: false);
        var (_, third) = await server.PostAsync(query, new { key = "country:us" }, explain: false);
        Assert.Equal("country:us", first["data"]!["entity"]!["key"]!.GetValue<string>());
        Assert.Equal("country:ukraine", second["data"]!["entity"]!["key"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), third.ToJsonString());
    }

    [Fact]
    public async Task CachedDocument_Should_StillCoerceVariables_When_TheirTypeIsWrong()
    {
        const string query = "query($key: String!, $n: Int) { people(first: $n) { nodes { key } } entity(key: $key) { key } }";
        var (ok, _) = await server.PostAsync(query, new { key = "country:us", n = 2 }, explain: false);
        Assert.Equal(200, ok);
        var (status, body) = await server.PostAsync(query, new { key = "country:us", n = "many" }, explain: false);
        Assert.Equal(400, status);
        Assert.NotNull(Code(body));
        var (missingStatus, missing) = await server.PostAsync(query, new { n = 2 }, explain: false);
        Assert.Equal(400, missingStatus);
        Assert.NotNull(Code(missing));
    }

    [Fact]
    public async Task CachedDocument_Should_StillEnforceComplexity_When_VariablesRaiseIt()
    {
        const string query = "query($n: Int) { people(first: $n) { nodes { attended(first: $n) { nodes { participants(first: $n) { nodes { name key } } } } } } }";
        var (_, small) = await server.PostAsync(query, new { n = 2 }, explain: false);
        Assert.Null(small["errors"]);
        var (_, wide) = await server.PostAsync(query, new { n = 200 }, explain: false);
        Assert.Equal(KgErrorCodes.MaxComplexityExceeded, Code(wide));
    }

    [Fact]
    public async Task InvalidDocument_Should_FailTheSameWay_When_SentTwice()
    {
        const string query = "{ entity(key: \"country:us\") { nope } }";
        var (_, first) = await server.PostAsync(query, explain: false);
        var (_, second) = await server.PostAsync(query, explain: false);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", Code(first));
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }
}
