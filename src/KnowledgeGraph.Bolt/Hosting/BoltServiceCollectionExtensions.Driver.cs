using System.Globalization;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Bolt.Hosting;

public static partial class BoltServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BoltDriver"/> as the <see cref="IGraphDriver"/> from <c>Graph:Neo4j:Uri</c>,
    /// <c>Graph:Neo4j:Username</c>, <c>Graph:Neo4j:Password</c> (optional: <c>MaxConnectionPoolSize</c>,
    /// <c>FetchSize</c>, <c>ConnectionTimeoutSeconds</c>). Used when <c>Graph:Provider=neo4j</c>.
    /// An invalid value throws here with one line naming the key and the expected form.
    /// </summary>
    public static IServiceCollection AddBoltGraphDriver(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = BoltDriverOptionsFromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton(sp => new BoltDriver(sp.GetRequiredService<BoltDriverOptions>()));
        services.AddSingleton<IGraphDriver>(sp => sp.GetRequiredService<BoltDriver>());
        return services;
    }

    /// <summary>Reads and validates the <c>Graph:Neo4j</c> section.</summary>
    public static BoltDriverOptions BoltDriverOptionsFromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection("Graph:Neo4j");
        var uri = s["Uri"];
        if (string.IsNullOrWhiteSpace(uri))
            throw new InvalidOperationException("Graph:Neo4j:Uri must be set when Graph:Provider=neo4j (expected e.g. bolt://localhost:7687 or neo4j://host:7687).");
        try
        {
            BoltUri.Parse(uri);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Graph:Neo4j:Uri is invalid: {e.Message}", e);
        }
        var defaults = new BoltDriverOptions { Uri = uri };
        return defaults with
        {
            Username = string.IsNullOrEmpty(s["Username"]) ? defaults.Username : s["Username"]!,
            Password = s["Password"] ?? "",
            MaxConnectionPoolSize = Int(s, "MaxConnectionPoolSize", defaults.MaxConnectionPoolSize, 1, 10_000),
            FetchSize = Int(s, "FetchSize", (int)defaults.FetchSize, -1, int.MaxValue) is var f && f == 0
                ? throw new InvalidOperationException("Graph:Neo4j:FetchSize must be -1 (all) or a positive integer (got '0').")
                : f,
            ConnectionTimeout = TimeSpan.FromSeconds(Int(s, "ConnectionTimeoutSeconds", (int)defaults.ConnectionTimeout.TotalSeconds, 1, 3600)),
        };
    }

    private static int Int(IConfigurationSection s, string key, int fallback, int min, int max)
    {
        var raw = s[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InvalidOperationException($"Graph:Neo4j:{key} must be an integer from {min} to {max} (got '{raw}').");
    }
}
