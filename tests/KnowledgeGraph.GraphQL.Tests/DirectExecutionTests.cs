using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The direct path (Execution/Direct) against GraphQL.NET's execution over real HTTP: every query of the snapshot
/// corpus, and queries written for what the corpus lacks (aliases, fragments, <c>__typename</c>, <c>@skip</c> /
/// <c>@include</c>, nulls, errors, variables), is sent twice. The first request runs on the normal path and fills the
/// caches; the second may take the direct path. Both responses must be the same bytes, and the counters say which
/// path answered.
/// </summary>
public abstract class DirectExecutionTestsBase(GraphQLServerFixture server)
{
    private DirectCounts Counts()
    {
        var direct = server.Services.GetRequiredService<KgGraphQLService>().Direct;
        return new DirectCounts(direct.Taken, direct.Declined);
    }

    private readonly record struct DirectCounts(long Taken, long Declined);

    private async Task<(int Status, byte[] Body)> SendAsync(string query, JsonNode? variables = null, string? operationName = null, bool explain = false)
    {
        var payload = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone(), ["operationName"] = operationName };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (explain) request.Headers.Add("X-KG-Explain", "true");
        using var response = await server.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Sends the request twice; asserts equal status and bytes; returns whether the second took the direct path.</summary>
    private async Task<(bool Direct, JsonObject Body)> RepeatAsync(string query, JsonNode? variables = null, string? operationName = null)
    {
        var (firstStatus, first) = await SendAsync(query, variables, operationName);
        var before = Counts();
        var (secondStatus, second) = await SendAsync(query, variables, operationName);
        var after = Counts();
        Assert.Equal(firstStatus, secondStatus);
        Assert.True(first.AsSpan().SequenceEqual(second), $"{query}\nnormal: {Encoding.UTF8.GetString(first)}\ndirect: {Encoding.UTF8.GetString(second)}");
        return (after.Taken > before.Taken, JsonNode.Parse(second)!.AsObject());
    }

    private static IEnumerable<(string Name, string Query, JsonNode? Variables)> SnapshotRequests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.TestProject, "__snapshots__"), "*.snap").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).TrimStart('\uFEFF');
            if (!text.StartsWith('{')) continue; // the SDL snapshot
            var snapshot = JsonNode.Parse(text)!;
            var query = snapshot["request"]?["query"]?.GetValue<string>();
            if (query is null || query.TrimStart().StartsWith("mutation", StringComparison.Ordinal)) continue;
            yield return (Path.GetFileNameWithoutExtension(file), query, snapshot["request"]!["variables"]);
        }
    }

    [SuiteFact]
    public async Task DirectPath_Should_WriteTheNormalPathsBytes_When_EverySnapshotQueryIsRepeated()
    {
        var taken = new List<string>();
        var requests = SnapshotRequests().ToList();
        Assert.True(requests.Count >= 20, $"only {requests.Count} snapshot queries found");
        foreach (var (name, query, variables) in requests)
            if ((await RepeatAsync(query, variables)).Direct) taken.Add(name);
        // The corpus's own entity and list queries have no variables: they must have been answered directly.
        Assert.Contains("entity-two-levels", taken);
        Assert.True(taken.Count >= requests.Count / 2, $"direct for {taken.Count} of {requests.Count}: {string.Join(", ", taken)}");
    }

    public static readonly TheoryData<string> DirectQueries = new()
    {
        // aliases, __typename at the root and below, a repeated leaf
        """{ __typename who: entity(key: "person:steve-witkoff") { __typename n: name name name ... on Person { t: title reps: represents { totalCount nodes { __typename key } } } } }""",
        // named fragments, nested inline fragments, a fragment on the interface, a type condition that does not apply
        """
        query Q { entity(key: "person:steve-witkoff") { ...E ... on Organization { category } } }
        fragment E on Entity { key kind ... on Person { attended(first: 2, order: [{ name: DESC }]) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } } } }
        """,
        // literal @skip / @include on fields and fragments
        """{ entity(key: "person:steve-witkoff") { name @skip(if: true) key @include(if: true) id @include(if: false) ... on Person @skip(if: false) { title @skip(if: false) } } }""",
        // a page with totalCount, cursors and sort; an empty page; nulls in nullable fields
        """{ people(first: 5, where: { name: { contains: "i" } }, order: [{ name: DESC }]) { totalCount pageInfo { endCursor hasNextPage } nodes { key name title description } } }""",
        """{ people(first: 3, where: { name: { eq: "nobody at all" } }) { totalCount nodes { key } pageInfo { startCursor endCursor } } }""",
        // a root field that finds nothing
        """{ entity(key: "person:nobody-at-all") { name } }""",
        // two root fields, one of them a list by keys with a missing key
        """{ a: entity(key: "country:us") { name } b: nodes(ids: ["UGVyc29uCnBlcnNvbjpzdGV2ZS13aXRrb2Zm", "UGVyc29uCnBlcnNvbjpub2JvZHk="]) { id ... on Person { name } } }""",
        // non-ASCII text as the serializer escapes it
        """{ search(text: "Moscóu", first: 3) { __typename key name aliases ... on Country { isoCode } } }""",
    };

    [Theory]
    [MemberData(nameof(DirectQueries))]
    public async Task DirectPath_Should_AnswerWithTheSameBytes_When_TheQueryHasNoVariables(string query)
    {
        var (direct, body) = await RepeatAsync(query);
        Assert.True(direct, body.ToJsonString());
        Assert.Null(body["errors"]);
    }

    public static readonly TheoryData<string, string?> DeclinedQueries = new()
    {
        // the floor: introspection only, nothing compiled
        { "{ __typename }", null },
        // a root field that fails: the normal path reports it
        { """{ node(id: "not-a-global-id") { id } }""", null },
        // a directive whose condition is a variable
        { """query ($s: Boolean = true) { entity(key: "country:us") { name @skip(if: $s) key } }""", null },
        // sub-selections GraphQL merges under one response key
        { """{ entity(key: "person:steve-witkoff") { ... on Person { represents { nodes { name } } } ... on Person { represents { nodes { key } } } } }""", null },
        // a validation error: never executed
        { """{ entity(key: "country:us") { noSuchField } }""", null },
        // a page cursor from a variable
        { """query ($a: String) { people(first: 2, after: $a) { nodes { key } } }""", """{"a":null}""" },
        // variables that do not coerce: the normal path reports it
        { """query ($k: String!) { entity(key: $k) { name } }""", """{"k":12}""" },
        // variables sent to an operation that declares none
        { """{ entity(key: "country:us") { name } }""", """{"k":"country:us"}""" },
    };

    [Theory]
    [MemberData(nameof(DeclinedQueries))]
    public async Task DirectPath_Should_LeaveTheRequestToGraphQLNet_When_ItCannotProveTheSameAnswer(string query, string? variables)
    {
        var (direct, body) = await RepeatAsync(query, variables is null ? null : JsonNode.Parse(variables));
        Assert.False(direct, body.ToJsonString());
    }

    [SuiteFact]
    public async Task DirectPath_Should_AnswerEachVariableValue_When_TheOperationDeclaresVariables()
    {
        const string query = """query ($k: String!, $n: Int = 2) { entity(key: $k) { name ... on Person { attended(first: $n) { totalCount nodes { name } } } } }""";
        var (directUs, us) = await RepeatAsync(query, JsonNode.Parse("""{"k":"country:us"}"""));
        var (directWitkoff, witkoff) = await RepeatAsync(query, JsonNode.Parse("""{"k":"person:steve-witkoff","n":1}"""));
        var (directWitkoff2, witkoff2) = await RepeatAsync(query, JsonNode.Parse("""{"k":"person:steve-witkoff","n":2}"""));
        Assert.True(directUs && directWitkoff && directWitkoff2);
        Assert.Equal("United States", us["data"]!["entity"]!["name"]!.GetValue<string>());
        Assert.Equal("Steve Witkoff", witkoff["data"]!["entity"]!["name"]!.GetValue<string>());
        foreach (var (body, first) in new[] { (witkoff, 1), (witkoff2, 2) })
        {
            var attended = body["data"]!["entity"]!["attended"]!;
            Assert.Equal(Math.Min(first, attended["totalCount"]!.GetValue<int>()), attended["nodes"]!.AsArray().Count);
        }
    }

    [SuiteFact]
    public async Task DirectPath_Should_LeaveTheRequestToGraphQLNet_When_ExplainIsAsked()
    {
        const string query = """{ entity(key: "country:us") { name } }""";
        await RepeatAsync(query);
        var before = Counts();
        var (status, body) = await SendAsync(query, explain: true);
        Assert.Equal(200, status);
        Assert.NotNull(JsonNode.Parse(body)!["extensions"]?["cypher"]);
        Assert.Equal(before.Taken, Counts().Taken);
    }

    private static List<string> Names(JsonNode? connection) =>
        connection!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();

    [SuiteFact]
    public async Task DirectPath_Should_AnswerBackwardPagesInPageOrder_When_LastAndPageInfoAreSelected()
    {
        var (_, all) = await RepeatAsync("""{ people(first: 200, order: [{ name: ASC }]) { nodes { name } } }""");
        var everyone = Names(all["data"]!["people"]);
        Assert.True(everyone.Count > 3, "the seed graph has more than three people");
        const string query = """
            { people(last: 2, order: [{ name: ASC }]) { totalCount a: pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              nodes { name } b: pageInfo { startCursor } edges { cursor node { name } } } }
            """;
        var (direct, body) = await RepeatAsync(query);
        Assert.True(direct, body.ToJsonString());
        var page = body["data"]!["people"]!;
        // The statement fetched three items backwards; the page holds the last two, in ascending order.
        Assert.Equal(everyone[^2..], Names(page));
        Assert.False(page["a"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(page["a"]!["hasPreviousPage"]!.GetValue<bool>());
        var edges = page["edges"]!.AsArray();
        Assert.Equal(page["a"]!["startCursor"]!.GetValue<string>(), edges[0]!["cursor"]!.GetValue<string>());
        Assert.Equal(page["a"]!["endCursor"]!.GetValue<string>(), edges[1]!["cursor"]!.GetValue<string>());
        Assert.Equal(page["a"]!["startCursor"]!.GetValue<string>(), page["b"]!["startCursor"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task DirectPath_Should_DropTheExtraItemAndContinueAtTheEndCursor_When_AForwardPageIsFull()
    {
        var (_, all) = await RepeatAsync("""{ people(first: 200, order: [{ name: DESC }]) { nodes { name } } }""");
        var everyone = Names(all["data"]!["people"]);
        var (direct, first) = await RepeatAsync("""{ people(first: 2, order: [{ name: DESC }]) { nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }""");
        Assert.True(direct, first.ToJsonString());
        var page = first["data"]!["people"]!;
        Assert.Equal(everyone[..2], Names(page));
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        var after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (directNext, next) = await RepeatAsync(
            "{ people(first: 2, order: [{ name: DESC }], after: " + JsonSerializer.Serialize(after) + ") { nodes { name } pageInfo { hasPreviousPage } } }");
        Assert.True(directNext, next.ToJsonString());
        Assert.Equal(everyone[2..4], Names(next["data"]!["people"]));
        Assert.True(next["data"]!["people"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [SuiteFact]
    public async Task DirectPath_Should_ValidateVariablesOnce_When_TheSameValuesAreSentAgain()
    {
        const string query = """query Once($k: String!, $n: Int) { entity(key: $k) { key ... on Person { attended(first: $n) { totalCount nodes { name } } } } }""";
        var direct = server.Services.GetRequiredService<KgGraphQLService>().Direct;
        var one = JsonNode.Parse("""{"k":"person:steve-witkoff","n":1}""");
        var (_, first) = await SendAsync(query, one);
        var (tookSecond, second) = await RepeatAsync(query, one);
        Assert.True(tookSecond, second.ToJsonString());
        var validations = direct.VariableValidations;
        var taken = direct.Taken;
        var (status, third) = await SendAsync(query, one);
        Assert.Equal(200, status);
        Assert.Equal(first, third);
        Assert.Equal(taken + 1, direct.Taken);
        Assert.Equal(validations, direct.VariableValidations);
        Assert.Single(second["data"]!["entity"]!["attended"]!["nodes"]!.AsArray());

        // Other values are validated (once), and answer for themselves.
        var two = JsonNode.Parse("""{"k":"person:steve-witkoff","n":2}""");
        var (_, withTwo) = await RepeatAsync(query, two);
        var (_, again) = await RepeatAsync(query, two);
        Assert.Equal(validations + 1, direct.VariableValidations);
        var attended = again["data"]!["entity"]!["attended"]!;
        Assert.Equal(Math.Min(2, attended["totalCount"]!.GetValue<int>()), attended["nodes"]!.AsArray().Count);
        Assert.Equal(withTwo.ToJsonString(), again.ToJsonString());

        // Values that do not coerce are never remembered: each request is validated and answered with the error.
        var wrong = JsonNode.Parse("""{"k":"person:steve-witkoff","n":"1"}""");
        var answers = new List<byte[]>();
        for (var i = 0; i < 2; i++)
        {
            var before = direct.VariableValidations;
            var (wrongStatus, body) = await SendAsync(query, wrong);
            Assert.Equal(400, wrongStatus);
            Assert.False(string.IsNullOrEmpty(JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
            Assert.Equal(before + 1, direct.VariableValidations);
            answers.Add(body);
        }
        Assert.Equal(answers[0], answers[1]);
    }

    [SuiteFact]
    public async Task DirectPath_Should_PickTheNamedOperation_When_TheDocumentHasSeveral()
    {
        const string query = """query A { entity(key: "country:us") { name } } query B { entity(key: "country:russia") { key } }""";
        var (directA, a) = await RepeatAsync(query, operationName: "A");
        var (directB, b) = await RepeatAsync(query, operationName: "B");
        Assert.True(directA && directB);
        Assert.Equal("United States", a["data"]!["entity"]!["name"]!.GetValue<string>());
        Assert.Equal("country:russia", b["data"]!["entity"]!["key"]!.GetValue<string>());
    }
}

/// <summary>A root field that fails after its statement was compiled and cached: a timeout.</summary>
public sealed class DirectExecutionTimeoutTests
{
    [Fact]
    public async Task DirectPath_Should_HandTheRootFieldsErrorToGraphQLNet_When_TheStatementTimesOut()
    {
        await using var database = KnowledgeGraph.Cypher.GraphDatabase.CreateInMemory();
        await new KnowledgeGraph.Seeding.SeedLoader().LoadAsync(database, RepoPaths.Seeds);
        // A budget of one tick (100 ns) trips on the statement's first check, after the compile was cached (paths on
        // the seed graph now runs in well under a millisecond, so a 1 ms budget no longer always trips). The engine
        // checks the clock every 1,024 steps: the paths are ranked and their hops detailed, so the statement takes
        // more than that (a bare totalCount no longer ranks them, and ends sooner).
        await using var app = GraphQLServerFixture.BuildApp(database, new Dictionary<string, string?> { ["GraphQL:QueryTimeout"] = "00:00:00.0000001" });
        await app.StartAsync();
        var address = GraphQLServerFixture.AddressOf(app);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        const string body = """{"query":"{ paths(from: \"country:us\", to: \"country:russia\", maxHops: 4) { totalCount nodes { score steps { relationships { type } } } } }"}""";
        async Task<byte[]> SendAsync()
        {
            using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
            return await response.Content.ReadAsByteArrayAsync();
        }
        var service = app.Services.GetRequiredService<KgGraphQLService>();
        var first = await SendAsync();
        var declined = service.Direct.Declined;
        var second = await SendAsync();
        // Which deadline fires first (ours or the engine's transaction timeout) words the message; the code is the same.
        var answers = new[] { first, second }.Select(a => JsonNode.Parse(a)!).ToList();
        Assert.All(answers, json => Assert.Equal("KG_QUERY_TIMEOUT", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        // paths is non-null, so the error nulls the whole data, on both paths.
        Assert.All(answers, json => Assert.Null(json["data"]));
        Assert.Equal(declined + 1, service.Direct.Declined);
        Assert.Equal(0, service.Direct.Taken);
    }
}

[Collection(ServerCollection.Name)]
public sealed class DirectExecutionTests(GraphQLServerFixture server) : DirectExecutionTestsBase(server);

/// <summary>The same over our Bolt client, whose values come back as the driver decodes them.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class DirectExecutionTestsOverBolt(BoltGraphQLServerFixture server) : DirectExecutionTestsBase(server);
