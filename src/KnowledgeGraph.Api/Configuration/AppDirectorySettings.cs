using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.Api.Configuration;

/// <summary>
/// The service's own <c>appsettings.json</c>, read from beside its executable. The host reads appsettings from the
/// content root, which is the working directory: started from elsewhere (<c>dotnet path/to/KnowledgeGraph.Api.dll</c>,
/// as the peer bench and scripts do) the service ran without its settings, logging every HTTP request at Information
/// under the console logger's lock, which cost a quarter of its CPU under load.
/// </summary>
internal static class AppDirectorySettings
{
    /// <summary>Adds the executable's <c>appsettings.json</c> beneath every other source: the content root's files,
    /// environment variables and the command line still override it.</summary>
    public static void AddAppDirectorySettings(this ConfigurationManager configuration)
    {
        var directory = AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(directory, "appsettings.json"))) return;
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(directory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        });
    }
}
