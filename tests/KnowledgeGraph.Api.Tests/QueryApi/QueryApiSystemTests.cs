using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace KnowledgeGraph.Api.Tests.QueryApi;

/// <summary>One Query API request over real HTTP: status, parsed body, response.</summary>
internal static class QueryApiHttp
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, string url, string? json, string user, string password,
        string contentType = "application/json", string? accept = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (user.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.StatusCode, document.RootElement.Clone(), response);
    }
}

/// <summary>
/// The Query API on the <c>system</c> database (administration commands as over Bolt, SHOW USERS with every configured
/// user), notifications with category and position, and EXPLAIN / PROFILE plans in the documented shapes.
/// </summary>
public sealed class QueryApiSystemTests(QueryApiService service) : IClassFixture<QueryApiService>
{
    private string Url(string database = "neo4j") => $"{service.Api.BaseAddress}db/{database}/query/v2";

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string url, string json,
        string user = QueryApiService.User, string password = QueryApiService.Password) =>
        QueryApiHttp.SendAsync(service.Http, url, json, user, password);

    private static List<string?> Column(JsonElement body, int index) =>
        [.. body.GetProperty("data").GetProperty("values").EnumerateArray().Select(row => row[index].GetString())];

    [Fact]
    public async Task SystemDatabase_Should_RunAdministrationCommands_When_AddressedByName()
    {
        var (status, body, _) = await PostAsync(Url("system"), """{ "statement": "SHOW DATABASES YIELD name, type RETURN name, type ORDER BY name" }""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(["neo4j", "system"], Column(body, 0));
        Assert.Equal(["standard", "system"], Column(body, 1));
        var (_, home, _) = await PostAsync(Url("SYSTEM"), """{ "statement": "SHOW HOME DATABASE YIELD name" }""");
        Assert.Equal(["neo4j"], Column(home, 0));
        var (_, components, _) = await PostAsync(Url("system"), """{ "statement": "CALL dbms.components() YIELD name, edition RETURN name, edition" }""");
        Assert.Equal(["Neo4j Kernel"], Column(components, 0));

        var (refused, refusedBody, _) = await PostAsync(Url("system"), """{ "statement": "MATCH (n) RETURN n" }""");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("Neo.ClientError.Statement.NotSystemDatabaseError", refusedBody.GetProperty("errors")[0].GetProperty("code").GetString());
        var (missing, missingBody, _) = await PostAsync(Url("nosuchdb"), """{ "statement": "RETURN 1" }""");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", missingBody.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ShowUsers_Should_ListEveryConfiguredUserWithRoles_And_NoPasswords()
    {
        var (status, body, response) = await PostAsync(Url("system"), """{ "statement": "SHOW USERS" }""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[\"user\",\"roles\",\"passwordChangeRequired\",\"suspended\",\"home\"]", body.GetProperty("data").GetProperty("fields").GetRawText());
        var rows = body.GetProperty("data").GetProperty("values").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => r);
        Assert.Equal([QueryApiService.User, QueryApiService.Reader], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("[\"admin\",\"PUBLIC\"]", rows[QueryApiService.User][1].GetRawText());
        Assert.Equal("[\"reader\",\"PUBLIC\"]", rows[QueryApiService.Reader][1].GetRawText());
        Assert.False(rows[QueryApiService.User][2].GetBoolean());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(QueryApiService.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(QueryApiService.ReaderPassword, text, StringComparison.Ordinal);

        var (_, current, _) = await PostAsync(Url("system"), """{ "statement": "SHOW CURRENT USER YIELD user, roles" }""", QueryApiService.Reader, QueryApiService.ReaderPassword);
        Assert.Equal([QueryApiService.Reader], Column(current, 0));
    }

    [Fact]
    public async Task Notifications_Should_CarryCategoryAndPosition_When_AQueryOptionIsIgnored()
    {
        var (status, body, _) = await PostAsync(Url(), """{ "statement": "CYPHER runtime=parallel RETURN 1 AS one" }""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var n = Assert.Single(body.GetProperty("notifications").EnumerateArray());
        Assert.Equal("Neo.ClientNotification.Statement.RuntimeUnsupported", n.GetProperty("code").GetString());
        Assert.Equal("WARNING", n.GetProperty("severity").GetString());
        Assert.Equal("This query is not supported by the chosen runtime.", n.GetProperty("title").GetString());
        Assert.Equal("{\"offset\":7,\"line\":1,\"column\":8}", n.GetProperty("position").GetRawText());
        Assert.Equal("UNSUPPORTED", n.GetProperty("category").GetString());
        var (_, quiet, _) = await PostAsync(Url(), """{ "statement": "RETURN 1 AS one" }""");
        Assert.False(quiet.TryGetProperty("notifications", out _));
    }

    [Fact]
    public async Task Plans_Should_TakeTheDocumentedShape_When_ProfiledOrExplained()
    {
        await PostAsync(Url(), """{ "statement": "MERGE (:Person {name: 'Alice'})" }""");
        var (status, body, _) = await PostAsync(Url(), """{ "statement": "PROFILE MATCH (n:Person {name: $name}) RETURN n.name", "parameters": { "name": "Alice" } }""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[[\"Alice\"]]", body.GetProperty("data").GetProperty("values").GetRawText());
        var plan = body.GetProperty("profiledQueryPlan");
        Assert.Equal("ProduceResults@neo4j", plan.GetProperty("operatorType").GetString());
        foreach (var key in new[] { "dbHits", "records", "hasPageCacheStats", "pageCacheHits", "pageCacheMisses", "pageCacheHitRatio", "time", "arguments", "identifiers", "children" })
            Assert.True(plan.TryGetProperty(key, out _), key);
        Assert.Equal(1, plan.GetProperty("records").GetInt64());
        Assert.NotEmpty(plan.GetProperty("children").EnumerateArray());

        var (_, explained, _) = await PostAsync(Url(), """{ "statement": "EXPLAIN MATCH (n:Person) RETURN n" }""");
        var queryPlan = explained.GetProperty("queryPlan");
        Assert.Equal("ProduceResults@neo4j", queryPlan.GetProperty("operatorType").GetString());
        Assert.False(queryPlan.TryGetProperty("dbHits", out _));
        Assert.Equal("[]", explained.GetProperty("data").GetProperty("values").GetRawText());
    }
}

/// <summary>The real service with the Bolt server disabled: the Query API still authenticates the configured users.</summary>
public sealed class QueryApiWithoutBoltService : IAsyncLifetime
{
    private TempDirectory? _data;

    internal ApiProcess Api { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _data = new TempDirectory();
        Api = ApiProcess.Start(_data.Path, "--Bolt:Enabled=false", $"--Bolt:Username={QueryApiService.User}", $"--Bolt:Password={QueryApiService.Password}",
            $"--Bolt:ReadOnlyUsername={QueryApiService.Reader}", $"--Bolt:ReadOnlyPassword={QueryApiService.ReaderPassword}", "--Seed:OnStartup=false");
        var (status, body) = await HostingTests.WaitForHealthyAsync(Api, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{Api.Output}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        _data?.Dispose();
    }
}

/// <summary>With <c>Bolt:Enabled=false</c> the Query API answers the configured users and refuses the rest.</summary>
public sealed class QueryApiWithoutBoltTests(QueryApiWithoutBoltService service) : IClassFixture<QueryApiWithoutBoltService>
{
    [Fact]
    public async Task QueryApi_Should_AuthenticateConfiguredUsers_When_TheBoltServerIsDisabled()
    {
        var url = $"{service.Api.BaseAddress}db/neo4j/query/v2";
        var (status, body, _) = await QueryApiHttp.SendAsync(service.Http, url, """{ "statement": "RETURN 1 AS one" }""", QueryApiService.User, QueryApiService.Password);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[[1]]", body.GetProperty("data").GetProperty("values").GetRawText());
        var (wrong, wrongBody, _) = await QueryApiHttp.SendAsync(service.Http, url, """{ "statement": "RETURN 1" }""", QueryApiService.User, "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal("Neo.ClientError.Security.Unauthorized", wrongBody.GetProperty("errors")[0].GetProperty("code").GetString());
        var (write, writeBody, _) = await QueryApiHttp.SendAsync(service.Http, url, """{ "statement": "CREATE (:Forbidden)" }""", QueryApiService.Reader, QueryApiService.ReaderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, write);
        Assert.Equal("Neo.ClientError.Security.Forbidden", writeBody.GetProperty("errors")[0].GetProperty("code").GetString());
        var (users, usersBody, _) = await QueryApiHttp.SendAsync(service.Http, $"{service.Api.BaseAddress}db/system/query/v2", """{ "statement": "SHOW USERS YIELD user" }""",
            QueryApiService.User, QueryApiService.Password);
        Assert.Equal(HttpStatusCode.Accepted, users);
        Assert.Equal("[[\"neo4j\"],[\"reader\"]]", usersBody.GetProperty("data").GetProperty("values").GetRawText());
    }
}
