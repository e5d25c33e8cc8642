using System.Reflection;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Health;

/// <summary><c>GET /health</c>: status, version, graph provider and its state; 503 until the graph is ready.</summary>
public static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Registers the readiness state.</summary>
    public static IServiceCollection AddKnowledgeGraphHealth(this IServiceCollection services)
    {
        services.AddSingleton<GraphReadiness>();
        return services;
    }

    /// <summary>Maps <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (GraphReadiness readiness, IOptions<GraphOptions> graph, SeedingStatus seeding) =>
        {
            // Seeding runs during host start-up; a rejected seed file is reported but does not make the graph unready.
            var seedingDone = seeding.State is not (SeedingState.Pending or SeedingState.Running);
            var ready = readiness.State == GraphState.Ready && seedingDone;
            var body = new
            {
                status = ready ? "Healthy" : readiness.State == GraphState.Failed ? "Unhealthy" : "Starting",
                version = Version,
                graph = new
                {
                    provider = graph.Value.Provider,
                    state = ready ? "ready" : readiness.State.ToString().ToLowerInvariant(),
                    error = readiness.Error,
                },
                seeding = new
                {
                    state = seeding.State.ToString().ToLowerInvariant(),
                    errors = seeding.Report?.Errors.Select(e => $"{e.File}: {e.JsonPath}: {e.Message}").ToArray() ?? [],
                },
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
