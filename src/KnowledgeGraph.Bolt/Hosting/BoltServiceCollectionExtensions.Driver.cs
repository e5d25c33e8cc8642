using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Bolt.Hosting;

public static partial class BoltServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BoltDriver"/> as the <see cref="IGraphDriver"/> from the <c>Graph:Neo4j</c> section
    /// (<see cref="BoltDriverSettings"/>: <c>Uri</c>, <c>Username</c>, <c>Password</c>, optional
    /// <c>MaxConnectionPoolSize</c>, <c>FetchSize</c>, <c>ConnectionTimeoutSeconds</c>). Used when
    /// <c>Graph:Provider=neo4j</c>. An invalid value fails when the driver is first resolved (or the host starts),
    /// with one line naming the key.
    /// </summary>
    public static IServiceCollection AddBoltGraphDriver(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKgOptions<BoltDriverSettings, BoltDriverSettingsValidator>(configuration, BoltDriverSettings.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BoltDriverSettings>>().Value.ToDriverOptions());
        services.AddSingleton(sp => new BoltDriver(sp.GetRequiredService<BoltDriverOptions>()));
        services.AddSingleton<IGraphDriver>(sp => sp.GetRequiredService<BoltDriver>());
        return services;
    }
}

/// <summary>The <c>Graph:Neo4j</c> section: how the service reaches a Neo4j server over Bolt.</summary>
public sealed class BoltDriverSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Graph:Neo4j";

    private static readonly BoltDriverOptions Defaults = new() { Uri = "bolt://localhost:7687" };

    /// <summary><c>Graph:Neo4j:Uri</c>: <c>bolt://</c> or <c>neo4j://</c> (with <c>+s</c>/<c>+ssc</c>), e.g. bolt://localhost:7687.</summary>
    public string? Uri { get; set; }

    /// <summary><c>Graph:Neo4j:Username</c> (default neo4j).</summary>
    public string? Username { get; set; }

    /// <summary><c>Graph:Neo4j:Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary><c>Graph:Neo4j:MaxConnectionPoolSize</c> (default 100).</summary>
    public int MaxConnectionPoolSize { get; set; } = Defaults.MaxConnectionPoolSize;

    /// <summary><c>Graph:Neo4j:FetchSize</c>: records per PULL, -1 for all (default 1000).</summary>
    public long FetchSize { get; set; } = Defaults.FetchSize;

    /// <summary><c>Graph:Neo4j:ConnectionTimeoutSeconds</c> (default 30).</summary>
    public int ConnectionTimeoutSeconds { get; set; } = (int)Defaults.ConnectionTimeout.TotalSeconds;

    /// <summary>The driver options these settings describe. Call after validation.</summary>
    public BoltDriverOptions ToDriverOptions() => Defaults with
    {
        Uri = Uri!.Trim(),
        Username = string.IsNullOrEmpty(Username) ? Defaults.Username : Username,
        Password = Password ?? "",
        MaxConnectionPoolSize = MaxConnectionPoolSize,
        FetchSize = FetchSize,
        ConnectionTimeout = TimeSpan.FromSeconds(ConnectionTimeoutSeconds),
    };
}

/// <summary>The one validator of <see cref="BoltDriverSettings"/>.</summary>
public sealed class BoltDriverSettingsValidator : IValidateOptions<BoltDriverSettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BoltDriverSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Uri))
        {
            problems.Add("Graph:Neo4j:Uri must be set when Graph:Provider=neo4j (expected e.g. bolt://localhost:7687 or neo4j://host:7687).");
        }
        else
        {
            try
            {
                BoltUri.Parse(options.Uri.Trim());
            }
            catch (ArgumentException e)
            {
                problems.Add($"Graph:Neo4j:Uri is invalid: {e.Message}");
            }
        }
        if (options.MaxConnectionPoolSize is < 1 or > 10_000)
            problems.Add($"Graph:Neo4j:MaxConnectionPoolSize must be an integer from 1 to 10000 (got '{options.MaxConnectionPoolSize}').");
        if (options.FetchSize == 0 || options.FetchSize < -1)
            problems.Add($"Graph:Neo4j:FetchSize must be -1 (all) or a positive integer (got '{options.FetchSize}').");
        if (options.ConnectionTimeoutSeconds is < 1 or > 3600)
            problems.Add($"Graph:Neo4j:ConnectionTimeoutSeconds must be an integer from 1 to 3600 (got '{options.ConnectionTimeoutSeconds}').");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
