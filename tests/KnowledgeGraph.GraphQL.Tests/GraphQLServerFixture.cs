using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// A real server: Kestrel on 127.0.0.1 (free port) with AddKnowledgeGraphGraphQL / MapKnowledgeGraphGraphQL over
/// the embedded engine, seeded from seeds/. Shared by the tests of a collection; mutations use their own keys.
/// </summary>
public class GraphQLServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-curator-key-0123456789";

    private WebApplication? _app;

    /// <summary>The running server's services (after initialisation).</summary>
    internal IServiceProvider Services => _app!.Services;

    public HttpClient Client { get; private set; } = null!;

    public Uri Endpoint { get; private set; } = null!;

    public GraphDatabase Database { get; } = GraphDatabase.CreateInMemory();

    /// <summary>What the GraphQL API runs its Cypher through: the engine itself, or a Bolt client (see
    /// <see cref="BoltGraphQLServerFixture"/>).</summary>
    public IGraphDriver Driver { get; private set; } = null!;

    /// <summary>Connects the API's driver; the default is the embedded engine in process.</summary>
    protected virtual Task<IGraphDriver> ConnectAsync() => Task.FromResult<IGraphDriver>(Database);

    public virtual async Task InitializeAsync()
    {
        Driver = await ConnectAsync();
        await new SeedLoader().LoadAsync(Driver, RepoPaths.Seeds);
        _app = BuildApp(Driver, new Dictionary<string, string?> { ["GraphQL:ApiKey"] = ApiKey, ["GraphQL:CorsOrigins:0"] = "http://front.example" });
        await _app.StartAsync();
        var address = AddressOf(_app);
        Endpoint = new Uri(address + "/graphql");
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>The address a started server listens on (it binds port 0, so the OS picks the port).</summary>
    internal static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A server with the given settings (the caller disposes it).</summary>
    internal static WebApplication BuildApp(IGraphDriver driver, Dictionary<string, string?> settings, string? environment = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(driver);
        builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
        var app = builder.Build();
        app.MapKnowledgeGraphGraphQL();
        return app;
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>POSTs a GraphQL request; returns status and the parsed body.</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(string query, object? variables = null, bool explain = true, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (explain) request.Headers.Add("X-KG-Explain", "true");
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<GraphQLServerFixture>
{
    public const string Name = "graphql-server";
}

/// <summary>A second server with its own database, so that mutations never change what the query snapshots see.</summary>
public sealed class MutationServerFixture : GraphQLServerFixture;

[CollectionDefinition(Name)]
public sealed class BoltServerCollection : ICollectionFixture<BoltGraphQLServerFixture>
{
    public const string Name = "graphql-server-over-bolt";
}

/// <summary>The mutation server of the over-Bolt run, with its own database.</summary>
public sealed class BoltMutationServerFixture : BoltGraphQLServerFixture;
