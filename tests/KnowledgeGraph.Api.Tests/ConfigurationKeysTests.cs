using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The known configuration keys are derived from the registered options types, and the README's Configuration
/// section lists exactly those; an unknown key or a malformed value is refused in one line naming the key.
/// </summary>
public sealed partial class ConfigurationKeysTests
{
    private static IServiceCollection Registered(IConfiguration configuration) =>
        new ServiceCollection().AddKnowledgeGraphServices(configuration);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void KnownKeys_Should_BeExactlyTheKeysTheReadmeDocuments()
    {
        var known = ConfigurationContract.KnownKeys(Registered(Settings())).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var documented = DocumentedKey().Matches(readme[start..end]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(known.Count > 40, $"expected the service's keys, found {known.Count}");
        Assert.Empty(known.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(known).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Bolt:Prot", "7687", "Unknown configuration key 'Bolt:Prot'")]
    [InlineData("Graph:Neo4j:FetchSiz", "10", "Unknown configuration key 'Graph:Neo4j:FetchSiz'")]
    [InlineData("Bolt:Port", "seven", "Configuration key 'Bolt:Port' must be an integer (got 'seven')")]
    [InlineData("GraphQL:ExplainAlways", "yes", "Configuration key 'GraphQL:ExplainAlways' must be true or false (got 'yes')")]
    [InlineData("Graph:TransactionTimeout", "soon", "Configuration key 'Graph:TransactionTimeout' must be a time span")]
    public void Validate_Should_RefuseInOneLineNamingTheKey_When_KeyUnknownOrMalformed(string key, string value, string expected)
    {
        var configuration = Settings((key, value));
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            ConfigurationContract.Validate(configuration, new TestEnvironment(), Registered(configuration)));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Validators_Should_RunBeforeStart_When_AValueIsOutOfRange()
    {
        var configuration = Settings(("Graph:Provider", "mongodb"), ("Bolt:Enabled", "false"));
        var services = Registered(configuration);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment());
        using var provider = services.BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => ConfigurationContract.ValidateOptions(provider));
        var message = error is OptionsValidationException o ? string.Join(" ", o.Failures) : error.Message;
        Assert.Contains("'Graph:Provider' must be 'embedded' or 'neo4j' (got 'mongodb')", message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"`((?:Graph|Bolt|GraphQL|QueryApi|Seed):[A-Za-z0-9:]+)`")]
    private static partial Regex DocumentedKey();

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "KnowledgeGraph.Api";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
