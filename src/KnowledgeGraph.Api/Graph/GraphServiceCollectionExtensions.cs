using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Bolt.Hosting;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Api.Graph;

/// <summary>Registers the <see cref="IGraphDriver"/> chosen by <c>Graph:Provider</c>.</summary>
public static class GraphServiceCollectionExtensions
{
    /// <summary>Validates the <c>Graph</c> section and registers the embedded engine or the Neo4j driver.</summary>
    public static IServiceCollection AddKnowledgeGraphDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
        Validate(options);
        services.Configure<GraphOptions>(configuration.GetSection(GraphOptions.SectionName));

        if (options.Provider == GraphProviders.Embedded)
        {
            services.AddSingleton(sp =>
            {
                var directory = Path.GetFullPath(options.DataDirectory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
                return GraphDatabase.Open(directory, DatabaseOptions(options));
            });
            services.AddSingleton<IGraphDriver>(sp => sp.GetRequiredService<GraphDatabase>());
        }
        else
        {
            services.AddBoltGraphDriver(configuration);
        }

        services.AddHostedService<GraphStartupService>();
        return services;
    }

    /// <summary>The embedded engine's limits. They live in the engine's options, so every path into it (Bolt,
    /// GraphQL, seeding, health checks) runs under them.</summary>
    public static GraphDatabaseOptions DatabaseOptions(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GraphDatabaseOptions
        {
            DefaultTransactionTimeout = options.TransactionTimeout > TimeSpan.Zero ? options.TransactionTimeout : null,
            TransactionMemoryLimit = ByteSize.Parse(options.MemoryLimit.Transaction),
            GlobalMemoryLimit = ByteSize.Parse(options.MemoryLimit.Global),
            Store = new KnowledgeGraph.Storage.GraphStoreOptions
            {
                ChangeRetentionTransactions = options.ChangeRetention.Transactions,
                ChangeRetentionMaxChanges = options.ChangeRetention.MaxChanges,
            },
        };
    }

    /// <summary>
    /// Opens the graph (the embedded store, or the Neo4j driver) once the host is built and before it starts: a store
    /// that cannot be opened then stops the service with the one line Program prints, not a failed host start logged
    /// with its stack trace.
    /// </summary>
    public static WebApplication OpenKnowledgeGraphDatabase(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<IGraphDriver>();
        return app;
    }

    private static void Validate(GraphOptions options)
    {
        if (options.Provider is not (GraphProviders.Embedded or GraphProviders.Neo4j))
            throw new InvalidConfigurationException(
                $"Configuration key 'Graph:Provider' must be 'embedded' or 'neo4j' (got '{options.Provider}').");
        if (options.TransactionTimeout < TimeSpan.Zero)
            throw new InvalidConfigurationException($"Configuration key 'Graph:TransactionTimeout' must not be negative (got '{options.TransactionTimeout}').");
        if (!ByteSize.TryParse(options.MemoryLimit.Transaction, out _))
            throw new InvalidConfigurationException($"Configuration key 'Graph:MemoryLimit:Transaction' must be a byte size such as 512MB, 2GB or 0 (got '{options.MemoryLimit.Transaction}').");
        if (!ByteSize.TryParse(options.MemoryLimit.Global, out _))
            throw new InvalidConfigurationException($"Configuration key 'Graph:MemoryLimit:Global' must be a byte size such as 512MB, 2GB or 0 (got '{options.MemoryLimit.Global}').");
        if (options.ChangeRetention.Transactions < 0 || options.ChangeRetention.MaxChanges < 1)
            throw new InvalidConfigurationException("Configuration keys 'Graph:ChangeRetention:Transactions' (0 or more) and 'Graph:ChangeRetention:MaxChanges' (1 or more) are out of range.");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            throw new InvalidConfigurationException("Configuration key 'Graph:DataDirectory' must be a directory path (got an empty value).");
        if (options.Provider == GraphProviders.Neo4j)
        {
            var uri = options.Neo4j.Uri;
            if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
                || parsed.Scheme is not ("bolt" or "bolt+s" or "bolt+ssc" or "neo4j" or "neo4j+s" or "neo4j+ssc"))
                throw new InvalidConfigurationException(
                    $"Configuration key 'Graph:Neo4j:Uri' must be a bolt:// or neo4j:// URI such as bolt://localhost:7687 (got '{uri}').");
        }
    }
}
