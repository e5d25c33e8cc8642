using KnowledgeGraph.Cypher.Tck.Engine;
using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Reporting;
using KnowledgeGraph.Cypher.Tck.Running;
using Xunit.Abstractions;

namespace KnowledgeGraph.Cypher.Tck.Tests;

/// <summary>
/// Runs the openCypher TCK (and the project's own scenarios in TCK format, under <c>features/kg</c>) against the
/// embedded engine and fails when a scenario listed in the committed baseline (<c>baseline-passing.txt</c>) no
/// longer passes. New passes do not fail it; grow the baseline with <c>--update-baseline</c>.
/// </summary>
public class TckTests(ITestOutputHelper output)
{
    [TckFact]
    public Task SharedTckBaselineScenarios_Should_StillPass() => RunAgainstBaselineAsync(TckPaths.FeaturesDir!, TckPaths.GraphsDir);

    [Fact]
    public Task OwnBaselineScenarios_Should_StillPass()
    {
        Assert.True(TckPaths.OwnFeaturesDir is not null, "features/ of the TCK project not found");
        return RunAgainstBaselineAsync(TckPaths.OwnFeaturesDir!, TckPaths.GraphsDir);
    }

    private async Task RunAgainstBaselineAsync(string featuresDir, string? graphsDir)
    {
        var scenarios = FeatureLoader.LoadDirectory(featuresDir);
        if (graphsDir is null)
        {
            // The named graphs live with the shared TCK; without it, scenarios that load one cannot run.
            var runnable = scenarios.Where(s => !s.Steps.Any(step => ScenarioExecutor.IsNamedGraphStep(step.Text))).ToList();
            output.WriteLine($"No named graphs folder: {scenarios.Count - runnable.Count} scenario(s) that load one are not run");
            scenarios = runnable;
        }
        var runner = new TckRunner(EmbeddedTckDatabase.Create, new TckRunOptions
        {
            GraphsDir = graphsDir,
            ScenarioTimeout = TimeSpan.FromSeconds(10),
            Parallelism = 2,
        });

        var results = await runner.RunAllAsync(scenarios);

        var baseline = TckPaths.BaselineFile is { } file ? Baseline.Read(file) : new HashSet<string>();
        var regressions = Baseline.Regressions(baseline, results);
        var passed = results.Count(r => r.Passed);
        output.WriteLine($"TCK: {passed} passed, {results.Count - passed} failed of {results.Count} (features: {featuresDir})");
        output.WriteLine($"Baseline: {baseline.Count} ids, {regressions.Count} no longer pass");
        foreach (var r in regressions)
            output.WriteLine($"REGRESSION {r.Scenario.Id} [{r.Category}]: {r.Reason}");

        Assert.True(regressions.Count == 0,
            $"{regressions.Count} baseline scenario(s) no longer pass, e.g. {string.Join(" || ", regressions.Take(5).Select(r => $"{r.Scenario.Id}: {r.Reason}"))}");
    }
}
