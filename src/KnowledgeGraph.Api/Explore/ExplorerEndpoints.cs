using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.Api.Explore;

/// <summary>
/// The mediation explorer at <c>/explore/</c>: our page (Explore/page, copied to <c>explore/</c> of the build output)
/// and the graph-drawing library fetched at build time from the committed lockfile (Explore/vendor, copied to
/// <c>explore/vendor/</c>). It talks only to the public GraphQL endpoint; nothing it loads leaves the host.
/// </summary>
public static class ExplorerEndpoints
{
    /// <summary>
    /// Scripts, styles, fonts, images and connections are limited to this origin, so a page that tried to reach another
    /// host would be refused by the browser (and the refusal shows in its console). Styles allow <c>'unsafe-inline'</c>
    /// because Cytoscape injects a small <c>&lt;style&gt;</c> element for its container (scripts stay strict);
    /// <c>data:</c>/<c>blob:</c> images are the PNG and SVG exports; <c>connect-src 'self'</c> covers the same-origin
    /// WebSocket of live updates.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>Maps <c>/explore</c> (redirects to <c>/explore/</c>) and the page's files under it.</summary>
    public static IEndpointRouteBuilder MapExplorer(this IEndpointRouteBuilder endpoints)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "explore");
        var files = Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
        var types = new FileExtensionContentTypeProvider();

        // One route for /explore and everything under it (routing ignores a trailing slash): the page's relative
        // links need the slash, so /explore redirects to /explore/.
        endpoints.MapGet("/explore/{**path}", async (HttpContext http, string? path) =>
        {
            if (string.IsNullOrEmpty(path) && http.Request.Path.Value?.EndsWith('/') != true)
            {
                http.Response.Redirect($"{http.Request.PathBase}/explore/{http.Request.QueryString}");
                return;
            }
            path = string.IsNullOrEmpty(path) ? "index.html" : path;
            // PhysicalFileProvider already refuses paths leaving its root; the check keeps the intent visible.
            var file = files is null || path.Contains("..", StringComparison.Ordinal) ? null : files.GetFileInfo(path);
            if (file is not { Exists: true, IsDirectory: false })
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                http.Response.ContentType = "text/plain; charset=utf-8";
                var missing = path.StartsWith("vendor/", StringComparison.Ordinal)
                    ? "The explorer's graph library was not built (npm was unavailable at build time)."
                    : "Not found.";
                await http.Response.WriteAsync(missing, http.RequestAborted).ConfigureAwait(false);
                return;
            }
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal))
                type = "text/javascript; charset=utf-8";
            http.Response.ContentType = type;
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
        });
        return endpoints;
    }
}
