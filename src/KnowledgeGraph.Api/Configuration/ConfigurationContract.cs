using KnowledgeGraph.Api.Admin;
using KnowledgeGraph.Api.Graph;
using KnowledgeGraph.Api.Health;
using KnowledgeGraph.Api.QueryApi;
using KnowledgeGraph.Api.Telemetry;
using KnowledgeGraph.Bolt.Hosting;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.GraphQL;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// The service's configuration contract. Every part registers its settings as a typed options class with
/// <see cref="KgOptionsExtensions.AddKgOptions{TOptions, TValidator}"/>; the known keys are derived from those types,
/// so a typo such as <c>Bolt:Prot</c> or a value such as <c>Bolt:Port=seven</c> stops the service with one line naming
/// the key (<see cref="Validate"/>) instead of being silently ignored, and every validator runs before anything
/// starts (<see cref="ValidateOptions"/>).
/// </summary>
public static class ConfigurationContract
{
    /// <summary>Registers every part of the service: the one list the host and the admin command share.</summary>
    public static IServiceCollection AddKnowledgeGraphServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKnowledgeGraphHealth();
        services.AddKnowledgeGraphDatabase(configuration);
        services.AddKnowledgeGraphStorageAdmin(configuration);
        services.AddKnowledgeGraphSeeding(configuration);
        services.AddKnowledgeGraphGraphQL(configuration);
        services.AddBoltServer(configuration);
        services.AddKnowledgeGraphQueryApi(configuration);
        services.AddKnowledgeGraphTelemetry(configuration);
        return services;
    }

    /// <summary>The keys the service knows, derived from the options types registered in <paramref name="services"/>.</summary>
    public static IReadOnlyList<string> KnownKeys(IServiceCollection services) => KgConfiguration.Keys(KgConfiguration.Sections(services));

    /// <summary>Throws <see cref="InvalidConfigurationException"/> for the first unknown key or malformed value, or
    /// for a setting the environment forbids. Call after the registrations, before building the host.</summary>
    public static void Validate(IConfiguration configuration, IHostEnvironment environment, IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(services);
        KgConfiguration.CheckKeys(configuration, KgConfiguration.Sections(services));
        // The Bolt server refuses this too, but only once the graph has opened and been seeded; saying it here stops
        // the service before anything starts, with one line.
        if (!environment.IsDevelopment() && configuration.GetValue("Bolt:Enabled", true) && string.IsNullOrEmpty(configuration["Bolt:Password"]))
            throw new InvalidConfigurationException(
                $"Configuration key 'Bolt:Password' must be set in the {environment.EnvironmentName} environment (or set Bolt:Enabled=false): Bolt is not served without authentication.");
    }

    /// <summary>Runs every registered options validator now (what <c>ValidateOnStart</c> would do when the host
    /// starts), so a bad value is reported as one line before the host logs a failed start.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }
}
