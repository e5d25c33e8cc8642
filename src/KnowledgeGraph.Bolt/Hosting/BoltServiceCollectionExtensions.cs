using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Configuration;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Bolt.Hosting;

/// <summary>Registers the Bolt server and the Bolt client driver with a host.</summary>
public static partial class BoltServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BoltServer"/> (a hosted service serving the <see cref="IGraphDriver"/> in DI) from the
    /// <c>Bolt</c> section (<see cref="BoltSettings"/>, checked by <see cref="BoltSettingsValidator"/> when the host
    /// starts, one line naming the key); a missing password outside Development fails at start. With
    /// <c>Bolt:Enabled=false</c> only the settings and the <see cref="BoltUserDirectory"/> are registered (the users still
    /// guard the Query API).
    /// </summary>
    public static IServiceCollection AddBoltServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKgOptions<BoltSettings, BoltSettingsValidator>(configuration, BoltSettings.SectionName);
        // Serving or not decides what is registered, so it is read here; a malformed value is left to the binding
        // check at start, which names the key.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BoltSettings>>().Value.ToServerOptions());
        if (bool.TryParse(configuration[BoltSettings.SectionName + ":Enabled"]?.Trim(), out var enabled) && !enabled)
        {
            // No Bolt port, but the same users still guard the other doors (the Query API).
            services.AddSingleton(sp => new BoltUserDirectory(
                sp.GetRequiredService<BoltServerOptions>(),
                sp.GetService<IHostEnvironment>()?.IsDevelopment() ?? false,
                sp.GetService<ILogger<BoltUserDirectory>>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
            return services;
        }

        services.AddSingleton(sp => new BoltUserDirectory(sp.GetRequiredService<BoltServer>()));
        services.AddSingleton(sp => new BoltServer(
            sp.GetRequiredService<IGraphDriver>(),
            sp.GetRequiredService<BoltServerOptions>(),
            sp.GetService<ILogger<BoltServer>>(),
            sp.GetService<IHostEnvironment>()));
        services.AddHostedService(sp => sp.GetRequiredService<BoltServer>());
        return services;
    }
}
