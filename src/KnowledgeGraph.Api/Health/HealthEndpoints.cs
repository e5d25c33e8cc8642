using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeGraph.Api.Health;

/// <summary>
/// Health endpoints, built on ASP.NET Core health checks. <c>GET /health</c> and <c>GET /health/ready</c>
/// (readiness): status, version, graph provider, state and error, seeding; 200 when Healthy, 503 when Starting,
/// Unhealthy or Degraded (the store refuses writes). <c>GET /health/live</c> (liveness): 200 as long as the process
/// serves requests, so an orchestrator does not restart a service that only needs its disk fixed.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    internal static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Registers the readiness state and the graph health check.</summary>
    public static IServiceCollection AddKnowledgeGraphHealth(this IServiceCollection services)
    {
        services.AddSingleton<GraphReadiness>();
        services.AddHealthChecks().AddCheck<GraphHealthCheck>(GraphHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>GET /health</c>, <c>/health/ready</c> and <c>/health/live</c>.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        var readiness = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteGraphBodyAsync,
        };
        endpoints.MapHealthChecks("/health", readiness).WithMetadata(new HttpMethodMetadata(["GET"]));
        endpoints.MapHealthChecks("/health/ready", readiness).WithMetadata(new HttpMethodMetadata(["GET"]));
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), version = Version }),
        }).WithMetadata(new HttpMethodMetadata(["GET"]));
        return endpoints;
    }

    private static Task WriteGraphBodyAsync(HttpContext context, HealthReport report)
    {
        if (report.Entries.TryGetValue(GraphHealthCheck.Name, out var entry) && entry.Data.TryGetValue(GraphHealthCheck.BodyKey, out var body))
        {
            return context.Response.WriteAsJsonAsync(body, body.GetType());
        }

        // The check itself threw (it does not, by design); still answer with the same fields.
        return context.Response.WriteAsJsonAsync(new { status = "Unhealthy", version = Version, graph = new { error = entry.Exception?.Message } });
    }
}
