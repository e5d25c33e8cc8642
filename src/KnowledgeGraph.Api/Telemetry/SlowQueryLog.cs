using System.Diagnostics;
using KnowledgeGraph.Cypher.Diagnostics;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>The slow-query setting, read from the <c>Graph</c> section.</summary>
public sealed class SlowQueryLogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Graph";

    /// <summary>Statements running at least this long are logged (default 1 s); <c>00:00:00</c> turns the log off.</summary>
    public TimeSpan SlowQueryThreshold { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The one validator of <see cref="SlowQueryLogOptions"/>.</summary>
public sealed class SlowQueryLogOptionsValidator : IValidateOptions<SlowQueryLogOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlowQueryLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SlowQueryThreshold < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Configuration key 'Graph:SlowQueryThreshold' must not be negative.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>
/// Logs every Cypher statement of the embedded engine that ran at least <c>Graph:SlowQueryThreshold</c>, with its
/// text and the NAMES of its parameters; parameter values are never logged (they carry user data). It listens to the
/// engine's statement spans, so it works whether or not traces are exported; its listener asks only for
/// propagation, so it never makes a span recorded that the tracer's sampler dropped.
/// </summary>
internal sealed partial class SlowQueryLog(IOptions<SlowQueryLogOptions> options, ILogger<SlowQueryLog> logger) : IHostedService, IDisposable
{
    private ActivityListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var threshold = options.Value.SlowQueryThreshold;
        if (threshold <= TimeSpan.Zero) return Task.CompletedTask;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CypherTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                if (activity.OperationName != CypherTelemetry.StatementSpan || activity.Duration < threshold) return;
                LogSlow(logger, activity.Duration.TotalMilliseconds, threshold.TotalMilliseconds,
                    activity.GetTagItem(CypherTelemetry.ParameterNamesTag) as string ?? "(none)",
                    activity.GetTagItem("db.query.text") as string ?? "");
            },
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Slow Cypher statement: {ElapsedMs:F0} ms (threshold {ThresholdMs:F0} ms); parameters {ParameterNames} (values redacted): {Statement}")]
    private static partial void LogSlow(ILogger logger, double elapsedMs, double thresholdMs, string parameterNames, string statement);
}
