using KnowledgeGraph.Api.Health;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Api.Graph;

/// <summary>
/// Checks, once the host has started, that the graph answers a query, and records it in <see cref="GraphReadiness"/>;
/// /health answers 503 until then. Against a remote Neo4j it retries, since the server may still be starting.
/// </summary>
public sealed partial class GraphStartupService(
    IGraphDriver driver,
    GraphReadiness readiness,
    ILogger<GraphStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await driver.VerifyConnectivityAsync(stoppingToken);
                readiness.Set(GraphState.Ready);
                LogReady(driver.Provider);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                readiness.Fail(e);
                LogNotReady(e.Message);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph ready ({Provider}).")]
    private partial void LogReady(string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph not reachable yet: {Message}")]
    private partial void LogNotReady(string message);
}
