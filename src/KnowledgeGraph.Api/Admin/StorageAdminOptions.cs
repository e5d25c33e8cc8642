namespace KnowledgeGraph.Api.Admin;

/// <summary>The storage administration settings, read from the <c>Graph</c> section.</summary>
public sealed class StorageAdminOptions
{
    /// <summary><c>Graph:BackupDirectory</c>: where <c>POST /admin/backup</c> and <c>admin backup</c> write
    /// (relative to the content root). Clients never choose the path.</summary>
    public string BackupDirectory { get; set; } = "./backups";

    /// <summary><c>Graph:Recovery:AcceptDataLoss</c>: open a store whose log lost acknowledged transactions,
    /// keeping what is left (logged as a warning). Meant for one start; remove it afterwards.</summary>
    public bool AcceptDataLoss { get; set; }

    /// <summary>Reads the settings (the keys are checked by the configuration contract).</summary>
    public static StorageAdminOptions From(IConfiguration configuration) => new()
    {
        BackupDirectory = configuration["Graph:BackupDirectory"] is { Length: > 0 } backups ? backups : "./backups",
        AcceptDataLoss = configuration.GetValue("Graph:Recovery:AcceptDataLoss", false),
    };
}
