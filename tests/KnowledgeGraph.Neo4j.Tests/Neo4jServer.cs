using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using KnowledgeGraph.Bolt.Client;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// The one Neo4j of a test run: the instance at <c>NEO4J_URI</c>, or a <c>neo4j:5</c> container started on first use
/// and kept for the whole run (Testcontainers' reaper removes it when the test process ends). Several fixtures share it;
/// each opens its own <see cref="BoltDriver"/>.
/// </summary>
internal static class Neo4jServer
{
    private const string ContainerPassword = "kg-test-password";
    private static readonly Lazy<Task<Endpoint>> Shared = new(StartAsync);

    public sealed record Endpoint(string Uri, string User, string Password);

    /// <summary>Connects a new driver to the shared Neo4j (starting it first if needed) and checks it answers.</summary>
    public static async Task<BoltDriver> ConnectAsync()
    {
        var endpoint = await Shared.Value;
        var driver = new BoltDriver(new BoltDriverOptions
        {
            Uri = endpoint.Uri,
            Username = endpoint.User,
            Password = endpoint.Password,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
        });
        await driver.VerifyConnectivityAsync();
        return driver;
    }

    private static async Task<Endpoint> StartAsync()
    {
        if (Neo4jTarget.ExternalUri is { } external)
            return new Endpoint(external, Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? "neo4j", Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "");
        IContainer container = new ContainerBuilder("neo4j:5")
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
            .WithPortBinding(7687, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Started."))
            .Build();
        await container.StartAsync();
        return new Endpoint($"bolt://{container.Hostname}:{container.GetMappedPublicPort(7687)}", "neo4j", ContainerPassword);
    }
}
