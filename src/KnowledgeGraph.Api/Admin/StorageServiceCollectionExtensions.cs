using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Admin;

/// <summary>
/// Storage administration in the service: logs what opening the embedded store recovered (a torn last record cut
/// off, accepted data loss) or why it refused to open, applies <c>Graph:Recovery:AcceptDataLoss</c>, and registers
/// the options of the admin endpoint.
/// </summary>
public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Wraps the embedded database's registration (call after <c>AddKnowledgeGraphDatabase</c>).</summary>
    public static IServiceCollection AddKnowledgeGraphStorageAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<StorageAdminOptions, StorageAdminOptionsValidator>(configuration, GraphOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageAdminOptions>>().Value);
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(GraphDatabase));
        if (registration?.ImplementationFactory is not { } open) return services; // Neo4j provider

        services.Remove(registration);
        services.AddSingleton(sp => OpenLogged(sp, open, sp.GetRequiredService<StorageAdminOptions>()));
        return services;
    }

    /// <summary>The data directory of the embedded store, resolved as the database registration does.</summary>
    public static string DataDirectory(IServiceProvider services) =>
        Path.GetFullPath(
            services.GetRequiredService<IOptions<GraphOptions>>().Value.DataDirectory,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    private static GraphDatabase OpenLogged(IServiceProvider sp, Func<IServiceProvider, object> open, StorageAdminOptions options)
    {
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("KnowledgeGraph.Storage");
        var directory = DataDirectory(sp);
        try
        {
            if (options.Recovery.AcceptDataLoss)
            {
                // One open that accepts the loss and records it (the high-water mark is reset); the service then
                // opens the store as always.
                using var accepting = GraphStore.Open(directory, new GraphStoreOptions { AcceptDataLoss = true });
                foreach (var warning in accepting.Recovery!.Warnings) LogRecoveryWarning(logger, warning);
            }

            var database = (GraphDatabase)open(sp);
            var report = database.Store.Recovery;
            if (report is not null)
            {
                LogOpened(logger, directory, report.LastTxId, report.CheckpointTxId, report.ReplayedTransactions);
                if (report.TornTailBytes > 0) LogTornTail(logger, report.TornTailBytes, report.TornTailFile!);
                foreach (var warning in report.Warnings) LogRecoveryWarning(logger, warning);
            }

            return database;
        }
        catch (GraphException e)
        {
            LogRefused(logger, e.Code, e.Message);
            // Start-up errors of this kind are reported as one line and exit code 1 (ConfigurationErrors): the
            // operator has to act (restore, or accept the loss), a stack trace would not help.
            throw new InvalidOperationException(e.Message, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store opened in {Directory} at transaction {TxId} (checkpoint {CheckpointTxId}, {Replayed} log records replayed).")]
    private static partial void LogOpened(ILogger logger, string directory, long txId, long checkpointTxId, long replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery cut off an incomplete last log record ({Bytes} bytes in {File}); it was never acknowledged.")]
    private static partial void LogTornTail(ILogger logger, long bytes, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: {Warning}")]
    private static partial void LogRecoveryWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store refused to open ({Code}): {Message}")]
    private static partial void LogRefused(ILogger logger, string code, string message);
}
