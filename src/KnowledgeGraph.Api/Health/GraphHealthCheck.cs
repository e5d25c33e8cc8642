using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Seeding.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Health;

/// <summary>
/// Readiness of the graph: Healthy once started and seeded and accepting writes; Degraded while the embedded store
/// refuses writes after an I/O failure (reads still work, the reason is reported); Unhealthy while starting, seeding
/// or after a failed start. The response body (the JSON /health has always returned) travels in the result's data.
/// </summary>
public sealed class GraphHealthCheck(
    GraphReadiness readiness,
    SeedingStatus seeding,
    IOptions<GraphOptions> graph,
    IServiceProvider services) : IHealthCheck
{
    /// <summary>Name of the check, and key of its entry in the report.</summary>
    public const string Name = "graph";

    /// <summary>Key of the response body in the result's data.</summary>
    public const string BodyKey = "body";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Seeding runs during host start-up; a rejected seed file is reported but does not make the graph unready.
        var seedingDone = seeding.State is not (SeedingState.Pending or SeedingState.Running);
        var ready = readiness.State == GraphState.Ready && seedingDone;

        // Only once ready: before that, resolving the driver could open the store from a health probe.
        var refused = ready ? (services.GetService<IGraphDriver>() as GraphDatabase)?.Store.WritesRefusedReason : null;
        var status = !ready ? HealthStatus.Unhealthy : refused is null ? HealthStatus.Healthy : HealthStatus.Degraded;
        var body = new
        {
            status = status switch
            {
                HealthStatus.Healthy => "Healthy",
                HealthStatus.Degraded => "Degraded",
                _ => readiness.State == GraphState.Failed ? "Unhealthy" : "Starting",
            },
            version = HealthEndpoints.Version,
            graph = new
            {
                provider = graph.Value.Provider,
                state = !ready ? readiness.State.ToString().ToLowerInvariant() : refused is null ? "ready" : "read-only",
                writable = ready && refused is null,
                error = readiness.Error ?? (refused is null ? null : $"Writes are refused after a storage I/O failure: {refused}"),
            },
            subscriptions = Subscriptions(),
            seeding = new
            {
                state = seeding.State.ToString().ToLowerInvariant(),
                errors = seeding.Report?.Errors.Select(e => $"{e.File}: {e.JsonPath}: {e.Message}").ToArray() ?? [],
            },
        };
        var data = new Dictionary<string, object> { [BodyKey] = body };
        object? Subscriptions()
        {
            if (services.GetService<KnowledgeGraph.GraphQL.Subscriptions.ChangeFeed>() is not { } feed) return null;
            return new
            {
                source = feed.Source switch
                {
                    KnowledgeGraph.GraphQL.Subscriptions.ChangeSource.ChangeDataCapture => "cdc",
                    KnowledgeGraph.GraphQL.Subscriptions.ChangeSource.OwnMutations => "own-mutations",
                    _ => "unknown",
                },
                // Without change data capture only this API's own mutations reach subscribers.
                seesAllWrites = feed.Source == KnowledgeGraph.GraphQL.Subscriptions.ChangeSource.ChangeDataCapture,
                sequence = feed.Sequence,
                active = services.GetService<KnowledgeGraph.GraphQL.Subscriptions.SubscriptionLimiter>()?.Active ?? 0,
            };
        }
        return Task.FromResult(new HealthCheckResult(status, body.graph.error, data: data));
    }
}
