using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Seeding.Hosting;

/// <summary>Configuration section <c>Seed</c>.</summary>
public sealed class SeedingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Seed";

    /// <summary><c>Seed:OnStartup</c> (default true): seed the graph when the service starts.</summary>
    public bool OnStartup { get; set; } = true;

    /// <summary>
    /// <c>Seed:Directory</c>: the seeds directory. When unset, the first <c>seeds/</c> directory holding JSON files
    /// found walking up from the content root, the current directory, then the application's base directory.
    /// </summary>
    public string? Directory { get; set; }
}

/// <summary>The one validator of <see cref="SeedingOptions"/>: a set directory must exist (relative paths against the
/// content root).</summary>
public sealed class SeedingOptionsValidator(Microsoft.Extensions.Hosting.IHostEnvironment? environment = null) : IValidateOptions<SeedingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SeedingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Directory)) return ValidateOptionsResult.Success;
        var root = environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
        var full = Path.GetFullPath(options.Directory.Trim(), root);
        return System.IO.Directory.Exists(full)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Configuration key 'Seed:Directory' must name an existing directory (got '{options.Directory}', resolved against {root}).");
    }
}
