using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>
/// The real API process the subscription tests run against, with small limits. On the embedded engine one process;
/// over Bolt two: a store process (embedded, seeded, Bolt) and the API under test reading it with
/// <c>Graph:Provider=neo4j</c> through our Bolt client, as the GraphQL suite's "over Bolt" runs do. Cypher writes go
/// to the store process's Bolt port either way.
/// </summary>
public abstract class SubscriptionHost : IAsyncLifetime
{
    public const string ApiKey = "subscription-test-api-key";
    private const string User = "neo4j";
    private const string Password = "subscription-test-password";
    private readonly TempDirectory _data = new();
    private ApiProcess? _store;
    private ApiProcess? _api;

    protected abstract bool OverBolt { get; }

    /// <summary>Settings of the store process after <see cref="Limits"/> (the last value of a key wins).</summary>
    protected virtual string[] StoreArguments => [];

    public static readonly string[] Limits =
    [
        "--GraphQL:Subscriptions:MaxPerConnection=2",
        "--GraphQL:Subscriptions:MaxPerServer=12",
        "--GraphQL:Subscriptions:SendQueueLimit=32",
        "--GraphQL:Subscriptions:ConnectionInitTimeout=00:00:01",
        "--GraphQL:Subscriptions:KeepAliveInterval=00:00:01",
        "--GraphQL:Subscriptions:PollInterval=00:00:00.050",
        "--Graph:ChangeRetention:Transactions=40",
        "--GraphQL:MaxDepth=8",
    ];

    internal ApiProcess Api => _api!;

    public Uri GraphQL => new(Api.BaseAddress, "/graphql");

    public BoltDriver Bolt { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _store = ApiProcess.Start(_data.Path, [$"--Bolt:Username={User}", $"--Bolt:Password={Password}", $"--GraphQL:ApiKey={ApiKey}", .. Limits, .. StoreArguments]);
        await WaitAsync(_store);
        if (OverBolt)
        {
            _api = ApiProcess.Start(Path.Combine(_data.Path, "unused"),
                ["--Graph:Provider=neo4j", $"--Graph:Neo4j:Uri=bolt://127.0.0.1:{_store.BoltPort}", $"--Graph:Neo4j:Username={User}",
                 $"--Graph:Neo4j:Password={Password}", "--Seed:OnStartup=false", "--Bolt:Enabled=false", $"--GraphQL:ApiKey={ApiKey}", .. Limits]);
            await WaitAsync(_api);
        }
        else
        {
            _api = _store;
        }
        Bolt = new BoltDriver($"bolt://127.0.0.1:{_store.BoltPort}", User, Password);
    }

    private static async Task WaitAsync(ApiProcess api)
    {
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(90));
        Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
    }

    /// <summary>Runs a curator mutation through the API under test.</summary>
    public async Task<JsonElement> MutateAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQL) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new("Bearer", ApiKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    public Task<EagerResult> CypherAsync(string query, object? parameters = null) =>
        Bolt.ExecuteQueryAsync(query, parameters is null ? null : JsonSerializer.SerializeToElement(parameters).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)ToValue(p.Value)));

    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        _ => null,
    };

    public async Task DisposeAsync()
    {
        if (Bolt is not null) await Bolt.DisposeAsync();
        if (_api is not null && _api != _store) await _api.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        Http.Dispose();
        _data.Dispose();
    }
}

/// <summary>The API on the embedded engine.</summary>
public sealed class EmbeddedSubscriptionHost : SubscriptionHost
{
    protected override bool OverBolt => false;
}

/// <summary>The API on the Bolt client, reading a second instance's embedded engine.</summary>
public sealed class BoltSubscriptionHost : SubscriptionHost
{
    protected override bool OverBolt => true;
}

/// <summary>The API on the Bolt client against a second instance without change data capture (its
/// <c>db.cdc.*</c> fail with <c>Neo.DatabaseError.ChangeDataCapture.Disabled</c>, as Neo4j with CDC off does).</summary>
public sealed class NoCdcSubscriptionHost : SubscriptionHost
{
    protected override bool OverBolt => true;

    protected override string[] StoreArguments => ["--Graph:ChangeRetention:Transactions=0"];
}
