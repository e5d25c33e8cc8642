using KnowledgeGraph.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Admin;

/// <summary>The storage administration settings, read from the <c>Graph</c> section.</summary>
public sealed class StorageAdminOptions
{
    /// <summary><c>Graph:BackupDirectory</c>: where <c>POST /admin/backup</c> and <c>admin backup</c> write
    /// (relative to the content root). Clients never choose the path.</summary>
    public string BackupDirectory { get; set; } = "./backups";

    /// <summary><c>Graph:Recovery:*</c>.</summary>
    public RecoveryOptions Recovery { get; set; } = new();

    /// <summary>Reads the settings outside a host (the admin command), as the host binds them.</summary>
    public static StorageAdminOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageAdminOptions();
        KgConfiguration.Bind(configuration.GetSection("Graph"), options);
        return options;
    }
}

/// <summary>The <c>Graph:Recovery</c> section.</summary>
public sealed class RecoveryOptions
{
    /// <summary><c>Graph:Recovery:AcceptDataLoss</c>: open a store whose log lost acknowledged transactions,
    /// keeping what is left (logged as a warning). Meant for one start; remove it afterwards.</summary>
    public bool AcceptDataLoss { get; set; }
}

/// <summary>The one validator of <see cref="StorageAdminOptions"/>.</summary>
public sealed class StorageAdminOptionsValidator : IValidateOptions<StorageAdminOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageAdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.BackupDirectory)
            ? ValidateOptionsResult.Fail("Configuration key 'Graph:BackupDirectory' must be a directory path (got an empty value).")
            : ValidateOptionsResult.Success;
    }
}
