using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>CORS for front ends on other origins, configured by <c>GraphQL:CorsOrigins</c>.</summary>
internal static class Cors
{
    /// <summary>Adds CORS headers for an allowed origin; false when the request was fully answered (preflight).</summary>
    public static bool Apply(HttpContext http, KgGraphQLOptions options)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (options.CorsOrigins.Length == 0 || origin.Length == 0) return true;
        var any = options.CorsOrigins.Contains("*");
        if (!any && !options.CorsOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)) return true;
        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = any ? "*" : origin;
        headers.Vary = "Origin";
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlAllowHeaders = "Content-Type, Authorization, Accept, X-KG-Explain, X-KG-Dry-Run";
            headers.AccessControlMaxAge = "600";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return false;
        }
        return true;
    }
}
