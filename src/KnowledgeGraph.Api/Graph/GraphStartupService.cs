using KnowledgeGraph.Api.Health;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Api.Graph;

/// <summary>
/// Brings the graph up after the server starts listening, so /health can answer 503 meanwhile: checks the
/// database answers, then runs the start-up tasks (schema and seed data) in order, then marks the graph ready.
/// </summary>
public sealed class GraphStartupService(
    IGraphDriver driver,
    IEnumerable<IGraphStartupTask> tasks,
    GraphReadiness readiness,
    ILogger<GraphStartupService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await driver.VerifyConnectivityAsync(stoppingToken);
            readiness.Set(GraphState.Seeding);
            foreach (var task in tasks)
                await task.RunAsync(driver, stoppingToken);
            readiness.Set(GraphState.Ready);
            logger.LogInformation("Graph ready ({Provider}).", driver.Provider);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            readiness.Fail(e);
            logger.LogError(e, "Graph start-up failed: {Message}", e.Message);
        }
    }
}

/// <summary>Work that must finish before the graph is reported ready (schema, seeding).</summary>
public interface IGraphStartupTask
{
    Task RunAsync(IGraphDriver driver, CancellationToken cancellationToken);
}
