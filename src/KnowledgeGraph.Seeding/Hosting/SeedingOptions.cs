using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Seeding.Hosting;

/// <summary>Configuration section <c>Seed</c>.</summary>
public sealed class SeedingOptions
{
    /// <summary><c>Seed:OnStartup</c> (default true): seed the graph when the service starts.</summary>
    public bool OnStartup { get; set; } = true;

    /// <summary>
    /// <c>Seed:Directory</c>: the seeds directory. When unset, the first <c>seeds/</c> directory holding JSON files
    /// found walking up from the content root, the current directory, then the application's base directory.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Reads the <c>Seed</c> section; an invalid value throws one clear line naming the key and the expected form.</summary>
    public static SeedingOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SeedingOptions();
        var onStartup = configuration["Seed:OnStartup"];
        if (!string.IsNullOrWhiteSpace(onStartup))
        {
            if (!bool.TryParse(onStartup.Trim(), out var value))
                throw new InvalidOperationException($"Seed:OnStartup: expected true or false, got '{onStartup}'.");
            options.OnStartup = value;
        }
        var directory = configuration["Seed:Directory"];
        if (!string.IsNullOrWhiteSpace(directory)) options.Directory = directory.Trim();
        return options;
    }
}
