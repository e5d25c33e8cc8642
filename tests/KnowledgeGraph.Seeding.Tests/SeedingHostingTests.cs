using KnowledgeGraph.Configuration;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedingHostingTests
{
    private static IHost BuildHost(GraphDatabase db, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepoPaths.Root });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton<IGraphDriver>(db);
        builder.Services.AddKnowledgeGraphSeeding(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Start_Should_SeedTheGraph_When_OnStartupIsDefault()
    {
        await using var db = GraphDatabase.CreateInMemory();
        using var host = BuildHost(db);

        await host.StartAsync();
        await host.StopAsync();

        var status = host.Services.GetRequiredService<SeedingStatus>();
        Assert.Equal(SeedingState.Completed, status.State);
        Assert.Equal(Path.Combine(RepoPaths.Root, "seeds"), status.Report!.Directory);
        Assert.Equal(104, await CountAsync(db, "MATCH (n) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task Start_Should_NotSeed_When_OnStartupIsFalse()
    {
        await using var db = GraphDatabase.CreateInMemory();
        using var host = BuildHost(db, ("Seed:OnStartup", "false"));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(SeedingState.Disabled, host.Services.GetRequiredService<SeedingStatus>().State);
        Assert.Equal(0, await CountAsync(db, "MATCH (n) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task Start_Should_ReportFailure_AndKeepRunning_When_ASeedFileIsMalformed()
    {
        using var dir = new TempSeedDirectory().WithRealSeeds();
        dir.Write("2099-bad.json", "{ \"format\": 2, \"entities\": [ { \"label\": \"Country\" } ] }");
        await using var db = GraphDatabase.CreateInMemory();
        using var host = BuildHost(db, ("Seed:Directory", dir.Path));

        await host.StartAsync();
        await host.StopAsync();

        var status = host.Services.GetRequiredService<SeedingStatus>();
        Assert.Equal(SeedingState.Failed, status.State);
        Assert.Contains(status.Report!.Errors, e => e.File == "seeds/2099-bad.json" && e.JsonPath == "$.entities[0]" && e.Message == "missing required member 'key'");
        Assert.Equal(104, await CountAsync(db, "MATCH (n) RETURN count(n) AS c"));
    }

    [Theory]
    [InlineData("Seed:OnStartup", "maybe", "Configuration key 'Seed:OnStartup' must be")]
    public void SeedingOptions_Should_FailWithOneClearLine_When_ValueIsInvalid(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var services = new ServiceCollection().AddKnowledgeGraphSeeding(configuration).BuildServiceProvider();

        var error = Assert.Throws<InvalidConfigurationException>(() => services.GetRequiredService<IOptions<SeedingOptions>>().Value);

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Start_Should_Fail_When_ConfiguredDirectoryDoesNotExist()
    {
        await using var db = GraphDatabase.CreateInMemory();
        using var host = BuildHost(db, ("Seed:Directory", "/nonexistent/seeds"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Configuration key 'Seed:Directory' must name an existing directory (got '/nonexistent/seeds'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locator_Should_FindSeedsWalkingUp()
    {
        var nested = Path.Combine(RepoPaths.Root, "src", "KnowledgeGraph.Seeding");

        Assert.Equal(RepoPaths.Seeds, SeedDirectoryLocator.Find(null, nested));
        Assert.Null(SeedDirectoryLocator.Find(null, "/"));
    }
}
