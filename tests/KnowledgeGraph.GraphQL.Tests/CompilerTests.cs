using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The GraphQL-to-Cypher compiler, observed through dry runs (<c>X-KG-Dry-Run: true</c>: compiled, reported,
/// not executed): one statement per root field, parameters for every user value, whitelisted identifiers, keyset
/// predicates, limits.
/// </summary>
public abstract class CompilerTestsBase(GraphQLServerFixture server)
{
    private async Task<(JsonObject Body, List<(string Query, JsonObject Parameters)> Statements)> CompileAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-KG-Dry-Run", "true");
        using var response = await server.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var statements = (body["extensions"]?["cypher"]?.AsArray() ?? [])
            .Select(s => (s!["query"]!.GetValue<string>(), s["parameters"]!.AsObject())).ToList();
        return (body, statements);
    }

    [SuiteFact]
    public async Task Compile_Should_EmitOneStatementPerRootField_When_SelectionIsDeep()
    {
        var (body, statements) = await CompileAsync("""
            { a: people(first: 2) { nodes { attended { nodes { participants { nodes { ... on Person { represents { nodes { name } } } } } } } } }
              b: entity(key: "country:us") { documents { nodes { mentions { totalCount } } } } }
            """);
        Assert.True(statements.Count == 2, body.ToJsonString());
        Assert.StartsWith("RETURN {items: COLLECT { MATCH (n0:Person)", statements[0].Query);
        Assert.Contains("MATCH (n0:Country {key: $p0})", statements[1].Query);
    }

    [SuiteFact]
    public async Task Compile_Should_FetchOnlySelectedFields()
    {
        var (_, statements) = await CompileAsync("{ countries { nodes { name } } }");
        var query = statements.Single().Query;
        Assert.Contains(".name", query);
        Assert.DoesNotContain("aliases", query);
        Assert.DoesNotContain("COUNT {", query); // totalCount not selected: not counted
    }

    [SuiteFact]
    public async Task Compile_Should_UseKeysetPredicate_When_AfterCursorIsGiven()
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes("""["2025-10-24","meeting:x"]"""));
        var (_, statements) = await CompileAsync("query($c: String) { meetings(order: [{ startDate: DESC }], first: 5, after: $c) { nodes { name } } }", new { c = cursor });
        var (query, parameters) = statements.Single();
        Assert.Contains("WHERE (n0.startDate < $p0 OR (n0.startDate = $p1 AND (n0.key > $p2 OR n0.key IS NULL)))", query);
        Assert.Contains("ORDER BY n0.startDate DESC, n0.key ASC LIMIT $p3", query);
        Assert.Equal("2025-10-24", parameters["p0"]!.GetValue<string>());
        Assert.Equal(6, parameters["p3"]!.GetValue<int>()); // one extra row tells whether a next page exists
        Assert.DoesNotContain("SKIP", query);
    }

    [SuiteFact]
    public async Task Compile_Should_InvertOrder_When_PagingBackward()
    {
        var (_, statements) = await CompileAsync("{ people(last: 3) { nodes { name } } }");
        Assert.Contains("ORDER BY n0.name DESC, n0.key DESC LIMIT $p0", statements.Single().Query);
        Assert.Contains("back: true", statements.Single().Query);
    }

    [SuiteFact]
    public async Task Compile_Should_UseExistsSubqueries_When_RelationshipFilterAllIsGiven()
    {
        var (_, statements) = await CompileAsync("""{ meetings(where: { participants: { all: { kind: { eq: PERSON } } } }) { totalCount } }""");
        Assert.Contains("NOT EXISTS { MATCH (n0)<-[:ATTENDED]-(m1) WHERE NOT coalesce((m1:Person), false) }", statements.Single().Query);
    }

    [SuiteFact]
    public async Task Compile_Should_BranchPerKind_When_FragmentsTargetConcreteTypes()
    {
        var (_, statements) = await CompileAsync("""{ search(text: "x") { name ... on Meeting { startDate } ... on Person { title } } }""");
        var query = statements.Single().Query;
        Assert.Contains("CASE WHEN n0:Person THEN n0{.name, .title, __t: labels(n0)} WHEN n0:Meeting THEN n0{.name, .startDate, __t: labels(n0)} ELSE n0{.name, __t: labels(n0)} END", query);
    }

    [SuiteFact]
    public async Task Compile_Should_FoldAccentsInCSharp_When_Searching()
    {
        var (_, statements) = await CompileAsync("""{ search(text: "  MOSCÓU ") { name } }""");
        Assert.Contains(statements.Single().Parameters, p => p.Value is JsonValue v && v.ToString() == "moscou");
    }

    [SuiteFact]
    public async Task Validation_Should_RejectTooDeepAndTooComplexOperations()
    {
        var deep = "{ people { nodes { attended { nodes { participants { nodes { ... on Person { attended { nodes { participants { nodes { ... on Person { attended { nodes { name } } } } } } } } } } } } } } }";
        var (depthBody, depthStatements) = await CompileAsync(deep);
        Assert.Equal(KgErrorCodes.MaxDepthExceeded, depthBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty(depthStatements);
        var wide = "{ people(first: 200) { nodes { attended(first: 200) { nodes { participants(first: 200) { nodes { name key aliases } } } } } } }";
        var (complexBody, _) = await CompileAsync(wide);
        Assert.Equal(KgErrorCodes.MaxComplexityExceeded, complexBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Compile_Should_RejectForeignIds_When_TypeIsNotAModelLabel()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("Secret`) DETACH DELETE n //\nx"));
        var (body, statements) = await CompileAsync("query($id: ID!) { node(id: $id) { id } }", new { id = forged });
        Assert.Equal(KgErrorCodes.InvalidId, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty(statements);
    }

    [SuiteFact]
    public async Task Query_Should_FailWithTimeoutCode_When_TheCypherTimeoutIsExceeded()
    {
        await using var app = GraphQLServerFixture.BuildApp(server.Driver, new() { ["GraphQL:QueryTimeout"] = "00:00:00.0000001" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await client.PostAsJsonAsync("/graphql", new { query = """{ paths(from: "country:us", to: "country:russia", maxHops: 6, first: 200) { totalCount } }""" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(KgErrorCodes.QueryTimeout, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Query_Should_FailWithTimeoutCode_When_TheGraphDoesNotEnforceTheTimeout()
    {
        // As Neo4j does with a timeout shorter than its monitor interval: the request's own deadline must end it.
        await using var app = GraphQLServerFixture.BuildApp(new TimeoutDroppingDriver(server.Driver), new() { ["GraphQL:QueryTimeout"] = "00:00:00.0000001" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await client.PostAsJsonAsync("/graphql", new { query = """{ paths(from: "country:us", to: "country:russia", maxHops: 6, first: 200) { totalCount } }""" });
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal(KgErrorCodes.QueryTimeout, error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith("The query ran longer than", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The real driver, but every statement runs without its transaction timeout and first waits a second (a busy server
    /// that checks timeouts late, as Neo4j's monitor does every 2 s): the answer must come from the request's own
    /// deadline whatever the speed of the query itself.
    /// </summary>
    private sealed class TimeoutDroppingDriver(IGraphDriver inner) : IGraphDriver
    {
        public string Provider => inner.Provider;

        public IGraphSession OpenSession(SessionOptions? options = null) => new Session(inner.OpenSession(options));

        public Task VerifyConnectivityAsync(CancellationToken cancellationToken = default) => inner.VerifyConnectivityAsync(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the fixture owns the inner driver

        private sealed class Session(IGraphSession inner) : IGraphSession
        {
            public string? LastBookmark => inner.LastBookmark;

            public async Task<IQueryResult> RunAsync(string query, IReadOnlyDictionary<string, object?>? parameters = null, TransactionConfig? config = null, CancellationToken cancellationToken = default)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                return await inner.RunAsync(query, parameters, null, cancellationToken).ConfigureAwait(false);
            }

            public Task<IGraphTransaction> BeginTransactionAsync(TransactionConfig? config = null, CancellationToken cancellationToken = default) =>
                inner.BeginTransactionAsync(null, cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}

/// <summary>The tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class CompilerTests(GraphQLServerFixture server) : CompilerTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class CompilerTestsOverBolt(BoltGraphQLServerFixture server) : CompilerTestsBase(server);
