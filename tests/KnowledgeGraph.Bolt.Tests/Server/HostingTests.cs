using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Hosting;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Server;

public sealed class HostingTests
{
    private static IHost BuildHost(string environment, Dictionary<string, string?> settings, GraphDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IGraphDriver>(database);
        builder.Services.AddBoltServer(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Development_Should_UseDefaultCredentials_When_NothingConfigured()
    {
        await using var database = GraphDatabase.CreateInMemory();
        using var host = BuildHost("Development", new() { ["Bolt:Port"] = "0" }, database);
        await host.StartAsync();
        try
        {
            var server = host.Services.GetRequiredService<BoltServer>();
            Assert.Equal(BoltServerOptions.DevelopmentUsername, server.Options.Username);
            await using var driver = new BoltDriver($"bolt://127.0.0.1:{server.BoundEndpoint!.Port}", BoltServerOptions.DevelopmentUsername, BoltServerOptions.DevelopmentPassword);
            Assert.Equal(1L, (await driver.ExecuteQueryAsync("RETURN 1 AS x")).Records.Single()["x"]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Production_Should_RefuseToStart_When_NoPasswordConfigured()
    {
        await using var database = GraphDatabase.CreateInMemory();
        using var host = BuildHost("Production", new() { ["Bolt:Port"] = "0" }, database);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Bolt:Password", error.Message);
    }

    [Theory]
    [InlineData("Bolt:Port", "99999", "Bolt:Port must be an integer from 0 to 65535")]
    [InlineData("Bolt:Port", "abc", "'Bolt:Port' must be an integer")]
    [InlineData("Bolt:Address", "not-an-ip", "Bolt:Address must be an IP address")]
    [InlineData("Bolt:Enabled", "maybe", "'Bolt:Enabled' must be true or false")]
    [InlineData("Bolt:IdleTimeoutSeconds", "0", "Bolt:IdleTimeoutSeconds must be an integer")]
    [InlineData("Bolt:AdvertisedAddress", "nohostport", "Bolt:AdvertisedAddress must be host:port")]
    [InlineData("Bolt:ReadOnlyUsername", "reader", "Bolt:ReadOnlyUsername and Bolt:ReadOnlyPassword must be set together")]
    public void AddBoltServer_Should_FailWithOneClearLine_When_ValueInvalid(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection().AddBoltServer(configuration).BuildServiceProvider();
        var message = ValidationMessage(provider);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    /// <summary>Runs the validators ValidateOnStart registered, as the host does at start; the failure's one line.</summary>
    private static string ValidationMessage(IServiceProvider provider)
    {
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return error is OptionsValidationException options ? string.Join(" ", options.Failures) : error.Message;
    }

    [Fact]
    public void AddBoltServer_Should_RegisterNothing_When_Disabled()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bolt:Enabled"] = "false" }).Build();
        var services = new ServiceCollection().AddBoltServer(configuration);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(BoltServer));
    }

    [Fact]
    public async Task AddBoltGraphDriver_Should_RegisterBoltDriver_When_UriConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:Neo4j:Uri"] = "neo4j://db.example.org:7687",
            ["Graph:Neo4j:Username"] = "neo4j",
            ["Graph:Neo4j:Password"] = "secret",
        }).Build();
        await using var provider = new ServiceCollection().AddBoltGraphDriver(configuration).BuildServiceProvider();
        var driver = Assert.IsType<BoltDriver>(provider.GetRequiredService<IGraphDriver>());
        Assert.Equal("neo4j", driver.Provider);
        Assert.True(driver.Uri.Routing);
        Assert.Equal(new ServerAddress("db.example.org", 7687), driver.Uri.Address);
    }

    [Theory]
    [InlineData(null, "Graph:Neo4j:Uri must be set")]
    [InlineData("http://x", "Graph:Neo4j:Uri is invalid")]
    public void AddBoltGraphDriver_Should_FailClearly_When_UriMissingOrInvalid(string? uri, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:Neo4j:Uri"] = uri }).Build();
        using var provider = new ServiceCollection().AddBoltGraphDriver(configuration).BuildServiceProvider();
        Assert.StartsWith(expected, ValidationMessage(provider), StringComparison.Ordinal);
    }
}
