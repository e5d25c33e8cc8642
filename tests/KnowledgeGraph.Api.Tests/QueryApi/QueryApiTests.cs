using System.Net;
using System.Text.Json;
using Xunit;

namespace KnowledgeGraph.Api.Tests.QueryApi;

/// <summary>The real service process with a writer, a read-only user and a 2-second Query API transaction timeout.</summary>
public sealed class QueryApiService : IAsyncLifetime
{
    public const string User = "neo4j";
    public const string Password = "query-api-password";
    public const string Reader = "reader";
    public const string ReaderPassword = "reader-password";

    private TempDirectory? _data;

    internal ApiProcess Api { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _data = new TempDirectory();
        Api = ApiProcess.Start(_data.Path, $"--Bolt:Username={User}", $"--Bolt:Password={Password}",
            $"--Bolt:ReadOnlyUsername={Reader}", $"--Bolt:ReadOnlyPassword={ReaderPassword}",
            "--Seed:OnStartup=false", "--QueryApi:TransactionTimeoutSeconds=2");
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

/// <summary>
/// Neo4j's Query API, replayed from its documentation's request and response examples (Query the database, Plain JSON,
/// Typed JSON, query counters, transactions) against the real service over HTTP, plus its error statuses.
/// </summary>
public sealed class QueryApiTests(QueryApiService service) : IClassFixture<QueryApiService>
{
    private string Url(string path = "") => $"{service.Api.BaseAddress}db/neo4j/query/v2{path}";

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        string url, string? json, string user = QueryApiService.User, string password = QueryApiService.Password,
        string contentType = "application/json", string? accept = null, HttpMethod? method = null) =>
        QueryApiHttp.SendAsync(service.Http, url, json, user, password, contentType, accept, method);

    [Fact]
    public async Task QueryExample_Should_ReturnTheMergedNode_When_PostedAsDocumented()
    {
        var (status, body, _) = await PostAsync(Url(), """
            { "statement": "MERGE (n:Person {name: $name, age: $age}) RETURN n AS alice", "parameters": { "name": "Alice", "age": 42 } }
            """);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[\"alice\"]", body.GetProperty("data").GetProperty("fields").GetRawText());
        var alice = body.GetProperty("data").GetProperty("values")[0][0];
        Assert.StartsWith("4:", alice.GetProperty("elementId").GetString(), StringComparison.Ordinal);
        Assert.Equal("[\"Person\"]", alice.GetProperty("labels").GetRawText());
        Assert.Equal("Alice", alice.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(42, alice.GetProperty("properties").GetProperty("age").GetInt32());
        Assert.Equal(JsonValueKind.String, body.GetProperty("bookmarks")[0].ValueKind);
    }

    [Fact]
    public async Task PlainJsonExample_Should_ReturnNodeAndProperty_When_AcceptIsJson()
    {
        var (status, body, response) = await PostAsync(Url(), """
            { "statement": "MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name", "parameters": { "name": "Phil" } }
            """, accept: "application/json");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[\"person\",\"name\"]", body.GetProperty("data").GetProperty("fields").GetRawText());
        var row = body.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("{\"name\":\"Phil\"}", row[0].GetProperty("properties").GetRawText());
        Assert.Equal("Phil", row[1].GetString());
    }

    [Fact]
    public async Task TypedJsonExample_Should_TypeParametersAndResults_When_MediaTypeIsNeo4jQuery()
    {
        var (status, body, response) = await PostAsync(Url(), """
            { "statement": "MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name", "parameters": { "name": { "$type": "String", "_value": "Phil" } } }
            """, contentType: "application/vnd.neo4j.query.v1.1", accept: "application/vnd.neo4j.query.v1.1");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("application/vnd.neo4j.query", response.Content.Headers.ContentType?.MediaType);
        var row = body.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("Node", row[0].GetProperty("$type").GetString());
        var node = row[0].GetProperty("_value");
        Assert.Equal("[\"Person\"]", node.GetProperty("_labels").GetRawText());
        Assert.Equal("{\"$type\":\"String\",\"_value\":\"Phil\"}", node.GetProperty("_properties").GetProperty("name").GetRawText());
        Assert.StartsWith("4:", node.GetProperty("_element_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"$type\":\"String\",\"_value\":\"Phil\"}", row[1].GetRawText());
    }

    [Fact]
    public async Task TypedJson_Should_TellZonedDatetimeFromString_When_BothLookAlike()
    {
        var (_, text, _) = await PostAsync(Url(), """{ "statement": "RETURN '2024-01-01T21:40:32-01:00'" }""", accept: "application/vnd.neo4j.query");
        var (_, datetime, _) = await PostAsync(Url(), """{ "statement": "RETURN datetime('2024-01-01T21:40:32-01:00')" }""", accept: "application/vnd.neo4j.query");
        Assert.Equal("{\"$type\":\"String\",\"_value\":\"2024-01-01T21:40:32-01:00\"}", text.GetProperty("data").GetProperty("values")[0][0].GetRawText());
        Assert.Equal("{\"$type\":\"OffsetDateTime\",\"_value\":\"2024-01-01T21:40:32-01:00\"}", datetime.GetProperty("data").GetProperty("values")[0][0].GetRawText());

        var (_, typed, _) = await PostAsync(Url(), """
            { "statement": "RETURN $i + 1 AS i, $f AS f, $b AS b, $l AS l, $m.k AS k, $nothing AS n, $bytes AS bytes, $d AS d",
              "parameters": { "i": {"$type": "Integer", "_value": "9007199254740993"}, "f": {"$type": "Float", "_value": "2.5"},
                "b": {"$type": "Boolean", "_value": true}, "l": {"$type": "List", "_value": [{"$type": "Integer", "_value": "1"}]},
                "m": {"$type": "Map", "_value": {"k": {"$type": "String", "_value": "v"}}}, "nothing": {"$type": "Null", "_value": null},
                "bytes": {"$type": "Base64", "_value": "AQID"}, "d": {"$type": "Duration", "_value": "P14DT16H12M"} } }
            """, contentType: "application/vnd.neo4j.query", accept: "application/vnd.neo4j.query");
        var row = typed.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("9007199254740994", row[0].GetProperty("_value").GetString()); // beyond a double's 53 bits: no precision lost
        Assert.Equal("{\"$type\":\"Float\",\"_value\":\"2.5\"}", row[1].GetRawText());
        Assert.Equal("{\"$type\":\"Boolean\",\"_value\":true}", row[2].GetRawText());
        Assert.Equal("{\"$type\":\"List\",\"_value\":[{\"$type\":\"Integer\",\"_value\":\"1\"}]}", row[3].GetRawText());
        Assert.Equal("{\"$type\":\"String\",\"_value\":\"v\"}", row[4].GetRawText());
        Assert.Equal("{\"$type\":\"Null\",\"_value\":null}", row[5].GetRawText());
        Assert.Equal("{\"$type\":\"Base64\",\"_value\":\"AQID\"}", row[6].GetRawText());
        Assert.Equal("{\"$type\":\"Duration\",\"_value\":\"P14DT16H12M\"}", row[7].GetRawText());
    }

    [Fact]
    public async Task Points_Should_TakeTheDocumentedShapes_When_ReturnedPlainOrTypedOrSentTyped()
    {
        // Plain JSON: "SRID=7203;POINT(1.2 3.4)" in the documentation's type mapping.
        var (_, plain, _) = await PostAsync(Url(), """{ "statement": "RETURN point({x: 1.2, y: 3.4}) AS p, point({longitude: 30.5, latitude: 50.4}) AS q, point({x: 1, y: 2, z: 3}) AS r" }""");
        Assert.Equal("[[\"SRID=7203;POINT(1.2 3.4)\",\"SRID=4326;POINT(30.5 50.4)\",\"SRID=9157;POINT Z(1.0 2.0 3.0)\"]]", plain.GetProperty("data").GetProperty("values").GetRawText());
        // Typed JSON: the documentation's cartesian-3d example, byte for byte.
        var (_, typedOut, _) = await PostAsync(Url(), """{ "statement": "RETURN point({x: 2.3, y: 4.5, z: 2.0}) AS p" }""", accept: "application/vnd.neo4j.query");
        Assert.Equal(
            "{\"$type\":\"Point\",\"_value\":{\"coordinates\":[2.3,4.5,2.0],\"crs\":{\"srid\":9157,\"name\":\"cartesian-3d\",\"type\":\"link\","
            + "\"properties\":{\"href\":\"http://spatialreference.org/ref/sr-org/9157/ogcwkt/\",\"type\":\"ogcwkt\"}}}}",
            typedOut.GetProperty("data").GetProperty("values")[0][0].GetRawText());
        // Typed parameters: the documented object, or the WKT text.
        var (status, typed, _) = await PostAsync(Url(), """
            { "statement": "RETURN $p.srid AS srid, point.distance($p, point({x: 0, y: 0})) AS d, $w.latitude AS lat",
              "parameters": { "p": { "$type": "Point", "_value": { "coordinates": [3, 4], "crs": { "srid": 7203, "name": "cartesian", "type": "link" } } },
                              "w": { "$type": "Point", "_value": "SRID=4326;POINT(30.5 50.4)" } } }
            """, contentType: "application/vnd.neo4j.query", accept: "application/vnd.neo4j.query");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var row = typed.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("7203", row[0].GetProperty("_value").GetString());
        Assert.Equal("5.0", row[1].GetProperty("_value").GetString());
        Assert.Equal("50.4", row[2].GetProperty("_value").GetString());
        var (bad, badBody, _) = await PostAsync(Url(), """{ "statement": "RETURN $p", "parameters": { "p": { "$type": "Point", "_value": "SRID=1;POINT (3 4)" } } }""",
            contentType: "application/vnd.neo4j.query");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("Neo.ClientError.Request.Invalid", badBody.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task CountersExample_Should_ReportWhatTheQueryChanged_When_IncludeCountersIsTrue()
    {
        var (status, body, _) = await PostAsync(Url(), """
            { "statement": "CREATE (n:Person {name: $name}) RETURN n.name", "parameters": { "name": "Peter" }, "includeCounters": true }
            """);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[[\"Peter\"]]", body.GetProperty("data").GetProperty("values").GetRawText());
        Assert.Equal(
            "{\"containsUpdates\":true,\"nodesCreated\":1,\"nodesDeleted\":0,\"propertiesSet\":1,\"relationshipsCreated\":0,\"relationshipsDeleted\":0,"
            + "\"labelsAdded\":1,\"labelsRemoved\":0,\"indexesAdded\":0,\"indexesRemoved\":0,\"constraintsAdded\":0,\"constraintsRemoved\":0,"
            + "\"containsSystemUpdates\":false,\"systemUpdates\":0}",
            body.GetProperty("counters").GetRawText());
        var (_, without, _) = await PostAsync(Url(), """{ "statement": "RETURN 1" }""");
        Assert.False(without.TryGetProperty("counters", out _));
    }

    [Theory]
    [InlineData("""{ "statement": "This is not a valid Cypher Statement." }""", "Neo.ClientError.Statement.SyntaxError", 400)]
    [InlineData("""{ "statement": "RETURN $missing" }""", "Neo.ClientError.Statement.ParameterMissing", 400)]
    [InlineData("""{ "statement": "RETURN 1 / 0" }""", "Neo.ClientError.Statement.ArithmeticError", 400)]
    [InlineData("""{ "statement": 42 }""", "Neo.ClientError.Request.Invalid", 400)]
    [InlineData("""{ "parameters": {} }""", "Neo.ClientError.Request.Invalid", 400)]
    [InlineData("""{ "statement": "RETURN 1", """, "Neo.ClientError.Request.Invalid", 400)]
    public async Task BadRequest_Should_GetNeo4jErrorAndStatus_When_StatementOrBodyIsInvalid(string json, string code, int status)
    {
        var (actual, body, _) = await PostAsync(Url(), json);
        Assert.Equal(status, (int)actual);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Authentication_Should_RefuseWithNeo4jCodes_When_CredentialsAreMissingWrongOrReadOnly()
    {
        var (none, noneBody, noneResponse) = await PostAsync(Url(), """{ "statement": "RETURN 1" }""", user: "");
        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal("Neo.ClientError.Security.Unauthorized", noneBody.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("Basic", noneResponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var (wrong, wrongBody, _) = await PostAsync(Url(), """{ "statement": "RETURN 1" }""", password: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal("Neo.ClientError.Security.Unauthorized", wrongBody.GetProperty("errors")[0].GetProperty("code").GetString());

        var (read, readBody, _) = await PostAsync(Url(), """{ "statement": "MATCH (n) RETURN count(n) AS c" }""", QueryApiService.Reader, QueryApiService.ReaderPassword);
        Assert.Equal(HttpStatusCode.Accepted, read);
        Assert.Equal(JsonValueKind.Number, readBody.GetProperty("data").GetProperty("values")[0][0].ValueKind);
        var (write, writeBody, _) = await PostAsync(Url(), """{ "statement": "CREATE (:Forbidden)" }""", QueryApiService.Reader, QueryApiService.ReaderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, write);
        Assert.Equal("Neo.ClientError.Security.Forbidden", writeBody.GetProperty("errors")[0].GetProperty("code").GetString());

        var (db, dbBody, _) = await PostAsync($"{service.Api.BaseAddress}db/nosuchdb/query/v2", """{ "statement": "RETURN 1" }""");
        Assert.Equal(HttpStatusCode.NotFound, db);
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", dbBody.GetProperty("errors")[0].GetProperty("code").GetString());

        var (media, _, _) = await PostAsync(Url(), "statement=RETURN 1", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media);
    }

    [Fact]
    public async Task ExplicitTransaction_Should_ShowWritesOnlyAfterCommit_When_BegunRunAndCommitted()
    {
        var (begun, begin, _) = await PostAsync(Url("/tx"), """{ "statement": "CREATE (t:TxProbe {n: 1}) RETURN t.n AS n" }""");
        Assert.Equal(HttpStatusCode.Accepted, begun);
        Assert.Equal("[[1]]", begin.GetProperty("data").GetProperty("values").GetRawText());
        var id = begin.GetProperty("transaction").GetProperty("id").GetString()!;
        Assert.True(DateTimeOffset.Parse(begin.GetProperty("transaction").GetProperty("expires").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);

        var (_, inside, _) = await PostAsync(Url($"/tx/{id}"), """{ "statement": "MATCH (t:TxProbe) RETURN count(t) AS c" }""");
        Assert.Equal("[[1]]", inside.GetProperty("data").GetProperty("values").GetRawText());
        var (_, outside, _) = await PostAsync(Url(), """{ "statement": "MATCH (t:TxProbe) RETURN count(t) AS c" }""");
        Assert.Equal("[[0]]", outside.GetProperty("data").GetProperty("values").GetRawText());

        var (committed, commit, _) = await PostAsync(Url($"/tx/{id}/commit"), null);
        Assert.Equal(HttpStatusCode.Accepted, committed);
        Assert.Equal(JsonValueKind.String, commit.GetProperty("bookmarks")[0].ValueKind);
        var (_, after, _) = await PostAsync(Url(), """{ "statement": "MATCH (t:TxProbe) RETURN count(t) AS c" }""");
        Assert.Equal("[[1]]", after.GetProperty("data").GetProperty("values").GetRawText());

        var (again, againBody, _) = await PostAsync(Url($"/tx/{id}/commit"), null);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("Neo.ClientError.Transaction.TransactionNotFound", againBody.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExplicitTransaction_Should_LeaveNoTrace_When_RolledBackOrExpired()
    {
        var (_, begin, _) = await PostAsync(Url("/tx"), null);
        var id = begin.GetProperty("transaction").GetProperty("id").GetString()!;
        await PostAsync(Url($"/tx/{id}"), """{ "statement": "CREATE (:RolledBack)" }""");
        var (rolledBack, _, _) = await PostAsync(Url($"/tx/{id}"), null, method: HttpMethod.Delete);
        Assert.Equal(HttpStatusCode.OK, rolledBack);

        var (_, begin2, _) = await PostAsync(Url("/tx"), """{ "statement": "CREATE (:Expired)" }""");
        var expiring = begin2.GetProperty("transaction").GetProperty("id").GetString()!;
        // The service runs with QueryApi:TransactionTimeoutSeconds=2 and sweeps once a second. No request may touch the
        // transaction meanwhile (each one pushes its expiry back), so this waits once, with a margin for a loaded machine.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var (status, expired, _) = await PostAsync(Url($"/tx/{expiring}/commit"), null);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Neo.ClientError.Transaction.TransactionNotFound", expired.GetProperty("errors")[0].GetProperty("code").GetString());

        var (_, count, _) = await PostAsync(Url(), """{ "statement": "OPTIONAL MATCH (r:RolledBack) OPTIONAL MATCH (e:Expired) RETURN count(r) + count(e) AS c" }""");
        Assert.Equal("[[0]]", count.GetProperty("data").GetProperty("values").GetRawText());
    }

    [Fact]
    public async Task FailedStatement_Should_RollBackTheTransaction_When_RunInsideIt()
    {
        var (_, begin, _) = await PostAsync(Url("/tx"), """{ "statement": "CREATE (:Doomed)" }""");
        var id = begin.GetProperty("transaction").GetProperty("id").GetString()!;
        var (failed, body, _) = await PostAsync(Url($"/tx/{id}"), """{ "statement": "RETURN 1 +" }""");
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", body.GetProperty("errors")[0].GetProperty("code").GetString());
        var (gone, _, _) = await PostAsync(Url($"/tx/{id}/commit"), null);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        var (_, count, _) = await PostAsync(Url(), """{ "statement": "MATCH (d:Doomed) RETURN count(d) AS c" }""");
        Assert.Equal("[[0]]", count.GetProperty("data").GetProperty("values").GetRawText());
    }

    private async Task AssertStillServesAsync()
    {
        var (status, body, _) = await PostAsync(Url(), """{ "statement": "RETURN 42 AS answer" }""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("[[42]]", body.GetProperty("data").GetProperty("values").GetRawText());
        Assert.False(service.Api.HasExited, service.Api.Output);
    }
}
