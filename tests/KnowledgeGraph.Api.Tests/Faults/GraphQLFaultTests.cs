using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>Shared checks of the fault tests: post raw bodies, read the GraphQL error, confirm the service is healthy.</summary>
internal static class GraphQLFaults
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(HttpClient http, ApiProcess api, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(api.BaseAddress, "/graphql"), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"HTTP {(int)response.StatusCode} with an empty body");
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> PostQueryAsync(HttpClient http, ApiProcess api, string query) =>
        PostRawAsync(http, api, Encoding.UTF8.GetBytes("{\"query\":" + JsonSerializer.Serialize(query) + "}"));

    public static string FirstCode(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    public static async Task AssertHealthyAsync(HttpClient http, ApiProcess api)
    {
        Assert.False(api.HasExited, "the service exited:\n" + api.Output);
        using var health = await http.GetAsync(new Uri(api.BaseAddress, "/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var (status, body) = await PostQueryAsync(http, api, "{ entity(key: \"country:us\") { key } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("country:us", body.GetProperty("data").GetProperty("entity").GetProperty("key").GetString());
    }

    /// <summary>The fan-out document of the fault campaign: fragment Fi spreads F(i-1) twice, 2^levels copies.</summary>
    public static string FanOut(int levels)
    {
        var b = new StringBuilder("query { people { nodes { ...F").Append(levels).Append(" } } } fragment F0 on Person { name } ");
        for (var i = 1; i <= levels; i++) b.Append("fragment F").Append(i).Append(" on Person { ...F").Append(i - 1).Append(" ...F").Append(i - 1).Append(" } ");
        return b.ToString();
    }
}

/// <summary>
/// Regression tests of the fault campaign's GraphQL defects against the real process: documents that drove
/// validation exponential or quadratic, deep nesting, invalid UTF-8 and lone surrogates. Each must get a clear
/// 400 with a stable code, quickly, and leave the service healthy. The time bounds are fault bounds (the defects
/// took minutes), not speed measurements.
/// </summary>
public sealed class GraphQLFaultTests(ApiProcessFixture fixture) : IClassFixture<ApiProcessFixture>
{
    private static readonly TimeSpan FaultBound = TimeSpan.FromSeconds(10);

    private ApiProcess Api => fixture.Api;

    private HttpClient Http => fixture.Http;

    private async Task<JsonElement> AssertRefusedAsync(Func<Task<(HttpStatusCode, JsonElement)>> send, string code)
    {
        var watch = Stopwatch.StartNew();
        var (status, body) = await send();
        watch.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, GraphQLFaults.FirstCode(body));
        Assert.True(watch.Elapsed < FaultBound, $"refusing took {watch.Elapsed}");
        await GraphQLFaults.AssertHealthyAsync(Http, Api);
        return body;
    }

    [Fact]
    public async Task FragmentFanOut_Should_BeRefusedBeforeValidation_When_ExpansionExceedsTheBudget()
    {
        var body = await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, GraphQLFaults.FanOut(39)), "KG_MAX_FRAGMENT_SPREADS_EXCEEDED");

        Assert.Contains("GraphQL:MaxFragmentSpreads", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FragmentFanOut_Should_Execute_When_ExpansionIsSmall()
    {
        var (status, body) = await GraphQLFaults.PostQueryAsync(Http, Api, GraphQLFaults.FanOut(3));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
    }

    [Fact]
    public async Task DuplicateFields_Should_BeRefusedByTheTokenCap_When_ThirtyTwoThousandAreSent()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("__typename ", 32_000)) + "}";

        await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, query), "KG_MAX_TOKENS_EXCEEDED");
    }

    [Fact]
    public async Task DuplicateFields_Should_BeRefusedByTheFieldCap_When_UnderTheTokenCap()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("__typename ", 2_500)) + "}";

        await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, query), "KG_MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task ConflictingAliases_Should_BeRefusedByThePairCap_When_ValidationWouldCompareThemPairwise()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 600).Select(i => $"a: entity(key: \"k{i}\") {{ key }}")) + " }";

        await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, query), "KG_MAX_FIELD_PAIRS_EXCEEDED");
    }

    [Fact]
    public async Task ManyFragments_Should_BeRefusedByThePairCap_When_SpreadIntoOneSelection()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 999).Select(i => $"...H{i}")) + " } "
            + string.Join(' ', Enumerable.Range(0, 999).Select(i => $"fragment H{i} on Query {{ a{i}: __typename }}"));

        await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, query), "KG_MAX_FIELD_PAIRS_EXCEEDED");
    }

    [Theory]
    [InlineData(43)]
    [InlineData(200)]
    public async Task NestedInput_Should_Return400_When_DeeperThanTheDocumentCap(int depth)
    {
        // or: [ { ... } ] is three syntax nodes a level: 43 levels passed GraphQL-Parser's default cap of 128 and
        // its exception escaped as HTTP 500 with an empty body.
        var query = "{ people(where: " + string.Concat(Enumerable.Repeat("{ or: [", depth)) + "{ key: { eq: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", depth)) + ") { nodes { key } } }";

        await AssertRefusedAsync(() => GraphQLFaults.PostQueryAsync(Http, Api, query), "KG_NESTING_TOO_DEEP");
    }

    [Fact]
    public async Task DocumentParser_Should_Return400_When_FedAMillionDeepList()
    {
        // 1,000,000 '[' and no closing brackets: under GraphQL:MaxRequestBytes (1 MiB), so the parser sees it all.
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename(x: " + new string('[', 1_000_000) + "\"}");

        await AssertRefusedAsync(() => GraphQLFaults.PostRawAsync(Http, Api, body), "KG_NESTING_TOO_DEEP");
    }

    [Fact]
    public async Task VariablesParser_Should_Return400_When_FedAMillionDeepArray()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"query($v: String) { __typename }\",\"variables\":{\"v\":" + new string('[', 1_000_000) + "}}");

        await AssertRefusedAsync(() => GraphQLFaults.PostRawAsync(Http, Api, body), "KG_NESTING_TOO_DEEP");
    }

    [Fact]
    public async Task Variables_Should_Return400_When_NestedDeeperThanTheJsonCap()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"not\":", 43)) + "{}" + new string('}', 43);
        var body = Encoding.UTF8.GetBytes("{\"query\":\"query($w: PersonFilterInput) { people(where: $w) { nodes { key } } }\",\"variables\":{\"w\":" + deep + "}}");

        await AssertRefusedAsync(() => GraphQLFaults.PostRawAsync(Http, Api, body), "KG_NESTING_TOO_DEEP");
    }

    [Fact]
    public async Task Body_Should_Return400_When_NotValidUtf8()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ entity(key: \\\"XX\\\") { key } }\"}");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3; // a lead byte followed by 'X': not UTF-8
        body[at + 1] = 0x28;

        await AssertRefusedAsync(() => GraphQLFaults.PostRawAsync(Http, Api, body), "HTTP_INVALID_ENCODING");
    }

    [Theory]
    [InlineData("{\"query\":\"query($k: String!) { entity(key: $k) { key } }\",\"variables\":{\"k\":\"\\ud800\"}}")]
    [InlineData("{\"query\":\"{ entity(key: \\\"a\\ud800\\\") { key } }\"}")]
    [InlineData("{\"query\":\"{ entity(key: \\\"\\\\ud800\\\") { key } }\"}")]
    [InlineData("{\"query\":\"{ __typename }\",\"extensions\":{\"\\udc00\":1}}")]
    public async Task LoneSurrogate_Should_Return400_When_EscapedInJsonOrGraphQL(string body)
    {
        await AssertRefusedAsync(() => GraphQLFaults.PostRawAsync(Http, Api, Encoding.UTF8.GetBytes(body)), "HTTP_INVALID_ENCODING");
    }

    [Fact]
    public async Task LoneSurrogate_Should_Return400_When_SentOverGet()
    {
        var url = new Uri(Api.BaseAddress, "/graphql?query=" + Uri.EscapeDataString("query($k: String!) { entity(key: $k) { key } }")
            + "&variables=" + Uri.EscapeDataString("{\"k\":\"\\ud800\"}"));

        await AssertRefusedAsync(async () =>
        {
            using var response = await Http.GetAsync(url);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, json.RootElement.Clone());
        }, "HTTP_INVALID_ENCODING");
    }
}

/// <summary>SIGTERM while hostile requests arrive: the service stops promptly and cleanly.</summary>
public sealed class GraphQLShutdownTests
{
    [LinuxFact]
    public async Task Sigterm_Should_StopTheService_When_HostileDocumentsAreArriving()
    {
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path, "--Bolt:Enabled=false");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == HttpStatusCode.OK, body + api.Output);
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await GraphQLFaults.PostQueryAsync(http, api, GraphQLFaults.FanOut(39)); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { }
            }
        });
        await Task.Delay(500);

        Assert.Equal(0, Kill(api.ProcessId, 15));
        var exited = await api.WaitForExitAsync(TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await load;

        Assert.True(exited, "the service ignored SIGTERM:\n" + api.Output);
        Assert.Equal(0, api.ExitCode);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>A fact skipped, with the reason, off Linux (it signals the process through libc and reads /proc).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: sends SIGTERM with kill(2) and finds the process in /proc";
    }
}
