using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;

namespace KnowledgeGraph.GraphQL.Execution;

/// <summary>
/// The GraphQL layer's traces and metrics, through System.Diagnostics only (the host decides whether and where to
/// export them). Names follow the OpenTelemetry GraphQL conventions where they exist.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "KnowledgeGraph.GraphQL";

    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    // Seconds, from a millisecond to half a minute (the SDK's default buckets assume milliseconds).
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "kg.graphql.requests", "{request}", "GraphQL requests answered, by operation type and outcome.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "kg.graphql.errors", "{error}", "GraphQL errors returned, by extensions.code.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "kg.graphql.request.duration", "s", "Time from the request's arrival at the GraphQL endpoint to its last byte.", advice: Seconds);

    /// <summary>Starts the span of one GraphQL request (null when nobody listens).</summary>
    internal static Activity? StartRequest() => Source.StartActivity("graphql.request", ActivityKind.Internal);

    /// <summary>Names the span after the operation once the document is parsed.</summary>
    internal static void Describe(Activity? activity, string? operationType, string? operationName)
    {
        if (activity is null) return;
        activity.DisplayName = operationName is { Length: > 0 } ? $"{operationType} {operationName}" : operationType ?? "graphql.request";
        activity.SetTag("graphql.operation.type", operationType);
        if (operationName is { Length: > 0 }) activity.SetTag("graphql.operation.name", operationName);
    }

    /// <summary>A request refused before execution (budget, nesting, encoding, bad HTTP request).</summary>
    internal static void Refused(string code) => Errors.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>The errors of an executed request.</summary>
    internal static void Executed(ExecutionResult result)
    {
        if (result.Errors is null) return;
        foreach (var error in result.Errors)
            Errors.Add(1, new KeyValuePair<string, object?>("code", KgErrorInfoProvider.CodeOf(error)));
    }

    /// <summary>Records one finished request.</summary>
    internal static void Finished(Activity? activity, string? operationType, int status, double seconds)
    {
        var outcome = status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";
        var type = new KeyValuePair<string, object?>("graphql.operation.type", operationType ?? "unknown");
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        Requests.Add(1, type, result);
        Duration.Record(seconds, type, result);
        if (activity is null) return;
        activity.SetTag("http.response.status_code", status);
        if (status >= 500) activity.SetStatus(ActivityStatusCode.Error);
    }
}
