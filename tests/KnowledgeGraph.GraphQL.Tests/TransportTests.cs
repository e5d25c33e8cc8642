using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>GraphQL over HTTP on the real server: media types, status codes, limits, CORS, the IDE.</summary>
public abstract class TransportTestsBase(GraphQLServerFixture server)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, string? accept = null, params (string, string)[] headers)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
        return await server.Client.SendAsync(request);
    }

    [SuiteFact]
    public async Task Get_Should_AnswerGraphQLResponseJson_When_Accepted()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ countries(first: 1) { totalCount } }"), accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["data"]!["countries"]!["totalCount"]!.GetValue<int>() >= 5);
        Assert.Null(body["extensions"]); // no explain header
    }

    [SuiteFact]
    public async Task Get_Should_Return405_When_OperationIsAMutation()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { deleteEntity(key: \"country:us\") }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [SuiteFact]
    public async Task Post_Should_Return415_When_ContentTypeIsNotJson()
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", new StringContent("{ __typename }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [SuiteFact]
    public async Task Post_Should_Return400OrApplicationJson200_When_DocumentIsInvalid()
    {
        using var strict = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ nope }"}"""), "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        using var legacy = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ nope }"}"""), "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);
        using var broken = await SendAsync(HttpMethod.Post, "/graphql", Json("{\"query\":"), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [SuiteFact]
    public async Task Post_Should_Return406_When_NoJsonIsAcceptable()
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ __typename }"}"""), "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [SuiteFact]
    public async Task Post_Should_Return413_When_BodyExceedsTheLimit()
    {
        var big = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', 1024 * 1024 + 10) + "\"}}";
        using var response = await SendAsync(HttpMethod.Post, "/graphql", Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(KgErrorCodes.RequestTooLarge, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SuiteFact]
    public async Task Options_Should_AnswerCorsPreflight_When_OriginIsAllowed()
    {
        using var allowed = await SendAsync(HttpMethod.Options, "/graphql", headers: [("Origin", "http://front.example"), ("Access-Control-Request-Method", "POST")]);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("http://front.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ __typename }"}"""), headers: [("Origin", "http://evil.example")]);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [SuiteFact]
    public async Task DryRun_Should_ReportCypherWithoutRunningIt()
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ people(first: 2, where: { name: { eq: \"x' OR 1=1 //\" } }) { totalCount } }"}"""),
            headers: [("X-KG-Dry-Run", "true")]);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var statement = body["extensions"]!["cypher"]![0]!;
        var text = statement["query"]!.GetValue<string>();
        Assert.DoesNotContain("OR 1=1", text); // user text only ever travels as a parameter
        Assert.Contains(statement["parameters"]!.AsObject(), p => p.Value!.ToString() == "x' OR 1=1 //");
        Assert.Equal(0, body["data"]!["people"]!["totalCount"]!.GetValue<int>());
    }

    [SuiteFact]
    public async Task Browser_Should_GetBananaCakePop_When_OpeningGraphQL()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        browser.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml");
        using var redirect = await noRedirects.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith("/graphql/", redirect.Headers.Location!.ToString());
        using var config = await SendAsync(HttpMethod.Get, "/graphql/bcp-config.json");
        var ideConfig = JsonNode.Parse(await config.Content.ReadAsStringAsync())!;
        Assert.Equal("/graphql", ideConfig["endpoint"]!.GetValue<string>());
        Assert.True(ideConfig["disableTelemetry"]!.GetValue<bool>()); // offline: no calls out to the vendor
        using var page = await SendAsync(HttpMethod.Get, "/graphql/", accept: "text/html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the build bundles the IDE (npm ci in src/KnowledgeGraph.GraphQL/ide)
        Assert.Contains("Banana Cake Pop", await page.Content.ReadAsStringAsync());
        using var license = await SendAsync(HttpMethod.Get, "/graphql/LICENSE");
        Assert.Contains("ChilliCream", await license.Content.ReadAsStringAsync());
    }
}

/// <summary>The tests over the embedded engine in process.</summary>
[Collection(ServerCollection.Name)]
public sealed class TransportTests(GraphQLServerFixture server) : TransportTestsBase(server);

/// <summary>The same tests with the API on the Bolt client, against a second instance serving the engine over Bolt.</summary>
[Collection(BoltServerCollection.Name)]
public sealed class TransportTestsOverBolt(BoltGraphQLServerFixture server) : TransportTestsBase(server);
