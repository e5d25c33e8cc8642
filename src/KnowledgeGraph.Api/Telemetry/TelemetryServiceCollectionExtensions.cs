using KnowledgeGraph.Bolt.Diagnostics;
using KnowledgeGraph.Cypher.Diagnostics;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.Storage.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using KnowledgeGraph.Configuration;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the service: traces (HTTP → GraphQL → Cypher → storage, and Bolt RUNs) and metrics (HTTP,
/// GraphQL, Cypher, storage, Bolt, .NET runtime). Metrics are always served for Prometheus at <c>/metrics</c>; an
/// OTLP exporter is added only when the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name an endpoint, so nothing
/// leaves the process unless asked. The libraries only use System.Diagnostics; this is the one place that knows
/// about OpenTelemetry.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Every ActivitySource and Meter the service's libraries publish.</summary>
    public static readonly string[] Sources = [GraphQLTelemetry.Name, CypherTelemetry.Name, StorageTelemetry.Name, BoltTelemetry.Name];

    /// <summary>Registers tracing, metrics and the slow-query log (<c>Graph:SlowQueryThreshold</c>).</summary>
    public static IServiceCollection AddKnowledgeGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var anyOtlp = IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        var otlpTraces = anyOtlp || IsSet(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = anyOtlp || IsSet(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var version = typeof(TelemetryServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3);
        var telemetry = services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES still apply: the SDK's environment detector runs after this.
            .ConfigureResource(resource => resource.AddService("knowledgegraph", serviceVersion: version));
        // A tracer provider samples and records every span (HTTP, GraphQL, each Cypher statement with its text,
        // storage) whether or not anything exports them: without an OTLP traces endpoint there is none, so no request
        // pays for spans nobody reads. The slow-query log listens to the Cypher spans on its own either way.
        if (otlpTraces)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter());
        }
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Sources)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter();
            if (otlpMetrics) metrics.AddOtlpExporter();
        });
        services.AddKgOptions<SlowQueryLogOptions, SlowQueryLogOptionsValidator>(configuration, SlowQueryLogOptions.SectionName);
        services.AddHostedService<SlowQueryLog>();
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint at <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapKnowledgeGraphTelemetry(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
