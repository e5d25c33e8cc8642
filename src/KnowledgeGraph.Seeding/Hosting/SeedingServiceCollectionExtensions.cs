using KnowledgeGraph.Configuration;
using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The conventional namespace for AddX() extensions, so the host needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers start-up seeding.</summary>
public static class SeedingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SeedingOptions"/> (section <c>Seed</c>, validated when the host starts),
    /// <see cref="SeedingStatus"/> and the hosted service that seeds at start-up when <c>Seed:OnStartup</c> is true.
    /// Needs an <see cref="KnowledgeGraph.Driver.IGraphDriver"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<SeedingOptions, SeedingOptionsValidator>(configuration, SeedingOptions.SectionName);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SeedingOptions>>().Value);
        services.TryAddSingleton<SeedingStatus>();
        services.AddHostedService<SeedingHostedService>();
        return services;
    }
}
