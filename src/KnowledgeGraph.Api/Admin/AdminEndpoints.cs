using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Api.Admin;

/// <summary>
/// Operator endpoints of the embedded store, guarded by the curator key (<c>Authorization: Bearer
/// &lt;GraphQL:ApiKey&gt;</c>; disabled while no key is configured):
/// <c>POST /admin/backup</c> writes an online, consistent dump into <c>Graph:BackupDirectory</c> (the server picks
/// the file name; a client never chooses a path), <c>POST /admin/check</c> runs the consistency checker on the live
/// snapshot, <c>POST /admin/resume-writes</c> retries resuming writes after an I/O failure at once.
/// </summary>
public static class AdminEndpoints
{
    private static readonly SemaphoreSlim BackupGate = new(1, 1);

    /// <summary>Maps the <c>/admin</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGraphAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");
        admin.MapPost("/backup", BackupAsync);
        admin.MapPost("/check", CheckAsync);
        admin.MapPost("/resume-writes", ResumeWritesAsync);
        return endpoints;
    }

    private static async Task<IResult> BackupAsync(HttpContext context, IConfiguration configuration, StorageAdminOptions options, IHostEnvironment environment, CancellationToken ct)
    {
        if (Authorize(context, configuration) is { } denied) return denied;
        if (Embedded(context) is not { } database) return NotEmbedded();
        var directory = Path.GetFullPath(options.BackupDirectory, environment.ContentRootPath);
        await BackupGate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(directory);
            var name = $"kg-backup-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.dump";
            var info = await database.Store.WriteDumpAsync(Path.Combine(directory, name), ct);
            return Results.Json(new
            {
                file = info.Path,
                databaseId = info.DatabaseId,
                transactionId = info.TransactionId,
                nodes = info.Nodes,
                relationships = info.Relationships,
                bytes = info.Bytes,
            });
        }
        catch (Exception e) when (e is GraphException or IOException or UnauthorizedAccessException)
        {
            return Error(StatusCodes.Status500InternalServerError, e is GraphException g ? g.Code : ErrorCodes.StorageError, $"The backup failed: {e.Message}");
        }
        finally
        {
            BackupGate.Release();
        }
    }

    private static async Task<IResult> CheckAsync(HttpContext context, IConfiguration configuration, CancellationToken ct)
    {
        if (Authorize(context, configuration) is { } denied) return denied;
        if (Embedded(context) is not { } database) return NotEmbedded();
        var report = await Task.Run(() => database.Store.CheckConsistency(ct), ct);
        return Results.Json(report, statusCode: report.IsConsistent ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ResumeWritesAsync(HttpContext context, IConfiguration configuration, CancellationToken ct)
    {
        if (Authorize(context, configuration) is { } denied) return denied;
        if (Embedded(context) is not { } database) return NotEmbedded();
        var resumed = await database.Store.TryResumeWritesAsync(ct);
        return Results.Json(
            new { writable = resumed, reason = database.Store.WritesRefusedReason },
            statusCode: resumed ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static GraphDatabase? Embedded(HttpContext context) => context.RequestServices.GetService<IGraphDriver>() as GraphDatabase;

    private static IResult NotEmbedded() =>
        Error(StatusCodes.Status409Conflict, "KnowledgeGraph.Admin.NotEmbedded", "Admin operations apply to the embedded engine; use neo4j-admin for a Neo4j server.");

    /// <summary>The curator key, compared in constant time; null when the request may proceed.</summary>
    private static IResult? Authorize(HttpContext context, IConfiguration configuration)
    {
        var key = configuration["GraphQL:ApiKey"];
        if (string.IsNullOrEmpty(key))
        {
            return Error(StatusCodes.Status403Forbidden, "KnowledgeGraph.Admin.Disabled", "Admin endpoints are disabled: no GraphQL:ApiKey is configured on this server.");
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, "KnowledgeGraph.Admin.Unauthorized", "Send Authorization: Bearer <GraphQL:ApiKey>.");
        }

        return null;
    }

    private static IResult Error(int status, string code, string message) => Results.Json(new { code, message }, statusCode: status);
}
