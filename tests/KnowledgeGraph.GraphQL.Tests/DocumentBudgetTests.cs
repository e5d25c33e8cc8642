using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The document budget on the real server: counted after fragment expansion without expanding, cycles and unknown
/// fragments left to validation, comments free, and every refusal a 400 with a stable code before validation runs.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DocumentBudgetTests(GraphQLServerFixture server)
{
    private static string FanOut(int levels, string leaf = "name")
    {
        var b = new StringBuilder("query { people(first: 1) { nodes { ...F").Append(levels).Append(" } } } fragment F0 on Person { ").Append(leaf).Append(" } ");
        for (var i = 1; i <= levels; i++) b.Append("fragment F").Append(i).Append(" on Person { ...F").Append(i - 1).Append(" ...F").Append(i - 1).Append(" } ");
        return b.ToString();
    }

    private static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task FanOut_Should_BeRefusedBySpreadCount_When_ExpansionWouldBeTwoToTheSixtieth()
    {
        var (status, body) = await server.PostAsync(FanOut(60), explain: false);

        Assert.Equal(400, status);
        Assert.Equal(KgErrorCodes.MaxFragmentSpreadsExceeded, Code(body));
    }

    [Fact]
    public async Task FanOut_Should_BeRefusedByPairCount_When_UnderTheSpreadCapButEveryCopyHasTheSameName()
    {
        // 2^7 = 128 copies of `name` in one selection: 8,128 pairs for OverlappingFieldsCanBeMerged; 254 spreads
        var (status, body) = await server.PostAsync(FanOut(7), explain: false);

        Assert.Equal(400, status);
        Assert.Equal(KgErrorCodes.MaxFieldPairsExceeded, Code(body));
    }

    [Fact]
    public async Task FanOut_Should_Execute_When_SmallEnough()
    {
        var (status, body) = await server.PostAsync(FanOut(3), explain: false);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.NotNull(body["data"]!["people"]!["nodes"]![0]!["name"]);
    }

    [Fact]
    public async Task FragmentCycle_Should_BeReportedByValidation_When_FragmentsSpreadEachOther()
    {
        const string query = "{ people { nodes { ...A } } } fragment A on Person { name ...B } fragment B on Person { key ...A }";

        var (status, body) = await server.PostAsync(query, explain: false);

        Assert.Equal(400, status);
        Assert.DoesNotContain("KG_", Code(body), StringComparison.Ordinal);
        Assert.Contains("A", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFragment_Should_BeReportedByValidation_When_Spread()
    {
        var (status, body) = await server.PostAsync("{ people { nodes { ...Nope } } }", explain: false);

        Assert.Equal(400, status);
        Assert.DoesNotContain("KG_", Code(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_Should_NotCountAsTokens_When_ManyAreSent()
    {
        var query = string.Concat(Enumerable.Repeat("# a comment line\n", 30_000)) + "{ __typename }";

        var (status, body) = await server.PostAsync(query, explain: false);

        Assert.Equal(200, status);
        Assert.Equal("Query", body["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tokens_Should_BeCapped_When_OneFieldHasHugeArgumentLists()
    {
        var query = "{ nodes(ids: [" + string.Join(',', Enumerable.Repeat("\"x\"", 25_000)) + "]) { id } }";

        var (status, body) = await server.PostAsync(query, explain: false);

        Assert.Equal(400, status);
        Assert.Equal(KgErrorCodes.MaxTokensExceeded, Code(body));
    }

    [Fact]
    public async Task Budget_Should_ApplyToGet_When_TheDocumentComesInTheQueryString()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(FanOut(40));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(KgErrorCodes.MaxFragmentSpreadsExceeded, Code(body));
    }

    [Fact]
    public async Task Variables_Should_BeRefused_When_NestedDeeperThanTheCap()
    {
        JsonNode deep = new JsonObject();
        for (var i = 0; i < 40; i++) deep = new JsonObject { ["not"] = deep };

        var (status, body) = await server.PostAsync("query($w: PersonFilterInput) { people(where: $w) { totalCount } }", new { w = deep }, explain: false);

        Assert.Equal(400, status);
        Assert.Equal(KgErrorCodes.NestingTooDeep, Code(body));
    }

    [Fact]
    public async Task Variables_Should_Execute_When_NestedWithinTheCap()
    {
        JsonNode filter = new JsonObject { ["key"] = new JsonObject { ["eq"] = "country:us" } };
        for (var i = 0; i < 10; i++) filter = new JsonObject { ["not"] = new JsonObject { ["not"] = filter } };

        var (status, body) = await server.PostAsync("query($w: CountryFilterInput) { countries(where: $w) { totalCount } }", new { w = filter }, explain: false);

        Assert.Equal(200, status);
        Assert.Equal(1, body["data"]!["countries"]!["totalCount"]!.GetValue<int>());
    }
}
