using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Bolt.Hosting;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Graph;

/// <summary>Registers the <see cref="IGraphDriver"/> chosen by <c>Graph:Provider</c>.</summary>
public static class GraphServiceCollectionExtensions
{
    /// <summary>Binds the <c>Graph</c> section (<see cref="GraphOptions"/>, validated at start) and registers the
    /// embedded engine or the Neo4j driver.</summary>
    public static IServiceCollection AddKnowledgeGraphDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<GraphOptions, GraphOptionsValidator>(configuration, GraphOptions.SectionName);

        // The provider decides what is registered, so it is read here; an unknown value is the validator's to report
        // (with the embedded engine registered, opening it at start runs the validation first).
        if (configuration[GraphOptions.SectionName + ":Provider"] == GraphProviders.Neo4j)
        {
            services.AddBoltGraphDriver(configuration);
        }
        else
        {
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
                var directory = Path.GetFullPath(options.DataDirectory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
                return GraphDatabase.Open(directory, DatabaseOptions(options));
            });
            services.AddSingleton<IGraphDriver>(sp => sp.GetRequiredService<GraphDatabase>());
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
}
