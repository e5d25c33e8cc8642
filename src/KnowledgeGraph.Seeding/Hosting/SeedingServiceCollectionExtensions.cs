using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The conventional namespace for AddX() extensions, so the host needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers start-up seeding.</summary>
public static class SeedingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SeedingOptions"/> (section <c>Seed</c>; an invalid value throws here, at start),
    /// <see cref="SeedingStatus"/> and the hosted service that seeds at start-up when <c>Seed:OnStartup</c> is true.
    /// Needs an <see cref="KnowledgeGraph.Driver.IGraphDriver"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(SeedingOptions.FromConfiguration(configuration));
        services.TryAddSingleton<SeedingStatus>();
        services.AddHostedService<SeedingHostedService>();
        return services;
    }
}
