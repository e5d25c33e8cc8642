using System.Runtime.CompilerServices;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using KnowledgeGraph.Bolt.Client;
using Xunit;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// One Neo4j for the whole collection, reached through our own <see cref="BoltDriver"/>. Nothing is started when
/// the tests are skipped (xunit does not create fixtures for a collection whose tests are all skipped).
/// </summary>
public sealed class Neo4jFixture : IAsyncLifetime
{
    private const string ContainerPassword = "kg-test-password";
    private IContainer? _container;

    public BoltDriver Driver { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "cypher")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (cypher/ and seeds/).");
    }

    public async Task InitializeAsync()
    {
        if (Neo4jTarget.SkipReason is not null) return;
        string uri, user, password;
        if (Neo4jTarget.ExternalUri is { } external)
        {
            uri = external;
            user = Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? "neo4j";
            password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "";
        }
        else
        {
            _container = new ContainerBuilder("neo4j:5")
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7687, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Started."))
                .Build();
            await _container.StartAsync();
            uri = $"bolt://{_container.Hostname}:{_container.GetMappedPublicPort(7687)}";
            user = "neo4j";
            password = ContainerPassword;
        }
        Driver = new BoltDriver(new BoltDriverOptions { Uri = uri, Username = user, Password = password, ConnectionTimeout = TimeSpan.FromSeconds(30) });
        await Driver.VerifyConnectivityAsync();
    }

    public async Task DisposeAsync()
    {
        if (Driver is not null) await Driver.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }
}

[CollectionDefinition("neo4j")]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jFixture>;
