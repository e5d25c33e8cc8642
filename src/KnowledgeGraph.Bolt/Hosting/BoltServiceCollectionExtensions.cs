using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Hosting;

/// <summary>Registers the Bolt server and the Bolt client driver with a host.</summary>
public static partial class BoltServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BoltServer"/> (a hosted service serving the <see cref="IGraphDriver"/> in DI) from the
    /// <c>Bolt</c> section. Invalid settings throw here with one line naming the key; a missing password outside
    /// Development fails at start. With <c>Bolt:Enabled=false</c> nothing is registered.
    /// </summary>
    public static IServiceCollection AddBoltServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = BoltServerOptions.FromConfiguration(configuration);
        if (!options.Enabled) return services;
        services.AddSingleton(options);
        services.AddSingleton(sp => new BoltServer(
            sp.GetRequiredService<IGraphDriver>(),
            sp.GetRequiredService<BoltServerOptions>(),
            sp.GetService<ILogger<BoltServer>>(),
            sp.GetService<IHostEnvironment>()));
        services.AddHostedService(sp => sp.GetRequiredService<BoltServer>());
        return services;
    }
}
