using KnowledgeGraph.Configuration;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Hosting;
using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The conventional namespace for AddX() extensions, so the host needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers document ingestion.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IngestionOptions"/> (section <c>Ingestion</c>, validated at start by
    /// <see cref="IngestionOptionsValidator"/>) and registers <see cref="DocumentIngestor"/>. The seeds directory is
    /// the one seeding uses (<c>Seed:Directory</c>; bound here too, for hosts that do not seed at start).
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<IngestionOptions, IngestionOptionsValidator>(configuration, IngestionOptions.SectionName);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<SeedingOptions>)))
            services.AddKgOptions<SeedingOptions, SeedingOptionsValidator>(configuration, SeedingOptions.SectionName);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SeedingOptions>>().Value);
        services.TryAddSingleton(sp => new SeedsLocation(sp.GetRequiredService<SeedingOptions>(), sp.GetService<IHostEnvironment>()?.ContentRootPath));
        services.TryAddSingleton(sp => new DocumentIngestor(sp.GetRequiredService<IOptions<IngestionOptions>>().Value, sp.GetRequiredService<SeedsLocation>()));
        return services;
    }
}
