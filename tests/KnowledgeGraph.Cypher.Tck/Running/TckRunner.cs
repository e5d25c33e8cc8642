using System.Diagnostics;
using KnowledgeGraph.Cypher.Tck.Gherkin;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>How a TCK run is done.</summary>
public sealed record TckRunOptions
{
    /// <summary>Folder of the named graphs (<c>graphs/&lt;name&gt;/&lt;name&gt;.cypher</c>); null when none.</summary>
    public string? GraphsDir { get; init; }

    /// <summary>Time one scenario may take before it is failed as a timeout.</summary>
    public TimeSpan ScenarioTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Scenarios run at once; each has its own database, so they do not interfere.</summary>
    public int Parallelism { get; init; } = 2;
}

/// <summary>Runs scenarios, each in a fresh database from the factory, in parallel and under a per-scenario timeout.</summary>
public sealed class TckRunner(Func<ITckDatabase> databaseFactory, TckRunOptions options)
{
    /// <summary>Runs every scenario; results come back in the input order.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAllAsync(IReadOnlyList<TckScenario> scenarios, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var results = new ScenarioResult[scenarios.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scenarios.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                results[index] = await RunOneAsync(scenarios[index], ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Runs one scenario in its own database; never throws for a scenario failure.</summary>
    public async Task<ScenarioResult> RunOneAsync(TckScenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ScenarioTimeout);
        // The scenario runs on its own task so a query that ignores cancellation cannot hold the runner:
        // after the timeout (plus a grace period) the scenario is failed and the task abandoned.
        var work = Task.Run(() => RunInDatabaseAsync(scenario, timeout.Token), CancellationToken.None);
        var grace = Task.Delay(options.ScenarioTimeout + TimeSpan.FromSeconds(2), cancellationToken);
        var finished = await Task.WhenAny(work, grace).ConfigureAwait(false);
        if (finished != work)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObserveLater(work);
            return ScenarioResult.Fail(scenario, "timeout", $"did not finish within {options.ScenarioTimeout.TotalSeconds:0} s (query ignored cancellation)", clock.Elapsed);
        }
        try
        {
            var detail = await work.ConfigureAwait(false);
            return new ScenarioResult(scenario, true, null, null, detail, clock.Elapsed);
        }
        catch (StepFailedException ex)
        {
            return ScenarioResult.Fail(scenario, ex.Category, ex.Message, clock.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ScenarioResult.Fail(scenario, "timeout", $"did not finish within {options.ScenarioTimeout.TotalSeconds:0} s", clock.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ScenarioResult.Fail(scenario, $"engine crash {ex.GetType().Name}", $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed);
        }
    }

    private async Task<string?> RunInDatabaseAsync(TckScenario scenario, CancellationToken ct)
    {
        ITckDatabase database;
        try
        {
            database = databaseFactory();
        }
        catch (Exception ex)
        {
            throw new StepFailedException($"database creation failed {ex.GetType().Name}", $"creating the database failed: {ex.GetType().Name}: {ex.Message}");
        }
        await using (database.ConfigureAwait(false))
            return await ScenarioExecutor.RunAsync(scenario, database, options.GraphsDir, ct).ConfigureAwait(false);
    }

    // An abandoned scenario may still fail later; observe that so it is not an unobserved task exception.
    private static void ObserveLater(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
