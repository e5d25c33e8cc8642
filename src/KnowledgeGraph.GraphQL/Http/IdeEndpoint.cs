using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>
/// Serves Banana Cake Pop (npm <c>@chillicream/bananacakepop-graphql-ide</c>, copied into <c>bcp/</c> of the build
/// output by the build; its LICENSE sits beside it) under <c>/graphql/</c>, offline, pointed at this endpoint.
/// </summary>
internal sealed class IdeEndpoint
{
    private readonly string _root = Path.Combine(AppContext.BaseDirectory, "bcp");
    private readonly FileExtensionContentTypeProvider _types = new();
    private readonly PhysicalFileProvider? _files;

    public IdeEndpoint()
    {
        if (Directory.Exists(_root)) _files = new PhysicalFileProvider(_root);
    }

    /// <summary>True when the build fetched the IDE assets.</summary>
    public bool Available => _files is not null && File.Exists(Path.Combine(_root, "index.html"));

    public async Task HandleAsync(HttpContext http, string endpointPath)
    {
        var path = (http.Request.RouteValues["path"] as string ?? "").TrimStart('/');
        if (path == "bcp-config.json")
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["endpoint"] = http.Request.PathBase + endpointPath,
                ["useBrowserUrlAsEndpoint"] = false,
                ["title"] = "KnowledgeGraph",
                ["includeCookies"] = false,
                ["gaTrackingId"] = null,
                // The IDE is served for offline use: it must not call out to ChilliCream's telemetry service.
                ["disableTelemetry"] = true,
            }), http.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (!Available)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The Banana Cake Pop assets were not built (npm was unavailable at build time).", http.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (path.Length == 0) path = "index.html";
        var file = _files!.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || path.Contains("..", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = _types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        http.Response.Headers.CacheControl = path.StartsWith("static/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
    }
}
