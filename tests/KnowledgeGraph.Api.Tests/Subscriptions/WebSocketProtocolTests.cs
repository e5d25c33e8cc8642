using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>The graphql-transport-ws rules and the subscription limits, on real sockets against the real API.</summary>
public sealed class WebSocketProtocolTests(EmbeddedSubscriptionHost host) : IClassFixture<EmbeddedSubscriptionHost>
{
    private const string Subscription = "subscription { entityChanged(keys: [\"person:nobody\"]) { sequence } }";

    private static object Subscribe(string id, string query = "subscription { entityChanged(keys: [\"person:nobody\"]) { sequence } }") =>
        new { id, type = "subscribe", payload = new { query } };

    [Fact]
    public async Task Connection_Should_CloseWith4408_When_NoInitArrives()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        Assert.Equal(4408, await socket.ClosedAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Connection_Should_CloseWith4401_When_SubscribeComesBeforeInit()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.SendAsync(Subscribe("1"));
        Assert.Equal(4401, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Connection_Should_CloseWith4429_When_InitIsRepeated()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.InitAsync();
        await socket.SendAsync(new { type = "connection_init" });
        Assert.Equal(4429, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Connection_Should_CloseWith4400_When_MessageIsNotJson()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.InitAsync();
        await socket.SendAsync("{not json");
        Assert.Equal(4400, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Connection_Should_CloseWith4409_When_IdIsAlreadySubscribed()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.InitAsync();
        await socket.SendAsync(Subscribe("same"));
        await socket.SendAsync(Subscribe("same"));
        Assert.Equal(4409, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Connection_Should_CloseWith4406_When_SubprotocolIsMissing()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL, subprotocol: null);
        Assert.Equal(4406, await socket.ClosedAsync());
    }

    [Fact]
    public async Task Subscribe_Should_AnswerPongAndRefuseBeyondTheLimits()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.InitAsync();
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())?.GetProperty("type").GetString());
        // GraphQL:Subscriptions:MaxPerConnection=2 in this host.
        await socket.SendAsync(Subscribe("1"));
        await socket.SendAsync(Subscribe("2"));
        await socket.SendAsync(Subscribe("3"));
        var refused = (await socket.ReceiveAsync())!.Value;
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("3", refused.GetProperty("id").GetString());
        Assert.Equal("KG_SUBSCRIPTION_LIMIT", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        // Ending one frees its place.
        await socket.SendAsync(new { id = "1", type = "complete" });
        await socket.SendAsync(Subscribe("4"));
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_Should_ApplyTheQueryDepthRule()
    {
        await using var socket = await RawGraphQLSocket.ConnectAsync(host.GraphQL);
        await socket.InitAsync();
        // GraphQL:MaxDepth=8 in this host; this selection is 10 deep.
        await socket.SendAsync(Subscribe("deep", "subscription { pathsChanged(from: \"a\", to: \"b\") { paths { nodes { steps { from { documents { edges { node { sources { name } } } } } } } } } }"));
        var error = (await socket.ReceiveAsync())!.Value;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("MAX_DEPTH_EXCEEDED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PlainHttp_Should_RefuseASubscription_With_KG_SUBSCRIPTION_TRANSPORT()
    {
        using var response = await host.Http.PostAsJsonAsync(host.GraphQL, new { query = Subscription });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KG_SUBSCRIPTION_TRANSPORT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [NodeFact]
    public async Task ReadmeSseExample_Should_PrintAnEvent()
    {
        var readme = await File.ReadAllTextAsync(Readme.ReadmeExamples.ReadmePath);
        var line = readme.Split('\n').Single(l => l.StartsWith("timeout ", StringComparison.Ordinal) && l.Contains("text/event-stream", StringComparison.Ordinal));
        var (code, stdout, stderr) = await CypherDialectTool.RunAsync("bash", Path.GetTempPath(), "-c",
            Readme.ReadmeExamples.Retarget(line, host.Api.Port, host.Api.BoltPort));
        Assert.True(code is 0 or 124, $"exit {code}: {stderr}");
        Assert.Contains("event: next", stdout, StringComparison.Ordinal);
        Assert.Contains("\"pathsChanged\"", stdout, StringComparison.Ordinal);
    }
}
