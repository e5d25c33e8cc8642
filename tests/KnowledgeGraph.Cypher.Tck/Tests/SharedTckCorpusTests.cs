using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Running;
using KnowledgeGraph.Cypher.Tck.Values;

namespace KnowledgeGraph.Cypher.Tck.Tests;

/// <summary>Checks the runner understands every step and every literal of the shared TCK, without running the engine.</summary>
public class SharedTckCorpusTests
{
    private static readonly Lazy<IReadOnlyList<TckScenario>> Scenarios = new(() => FeatureLoader.LoadDirectory(TckPaths.FeaturesDir!));

    [TckFact]
    public void LoadDirectory_Should_GiveEveryScenarioAUniqueId()
    {
        var scenarios = Scenarios.Value;
        Assert.NotEmpty(scenarios);
        var duplicates = scenarios.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [TckFact]
    public void EveryStep_Should_BeUnderstood()
    {
        var unknown = Scenarios.Value.SelectMany(s => s.Steps).Select(s => s.Text).Where(t => !ScenarioExecutor.IsKnownStep(t)).Distinct().ToList();
        Assert.Empty(unknown);
    }

    [TckFact]
    public void EveryExpectedValueAndParameter_Should_Parse()
    {
        var problems = new List<string>();
        foreach (var scenario in Scenarios.Value)
        {
            foreach (var step in scenario.Steps)
            {
                if (step.Table is null) continue;
                IEnumerable<string> cells = step.Text switch
                {
                    _ when step.Text.StartsWith("the result should be", StringComparison.Ordinal) => step.Table.Skip(1).SelectMany(r => r),
                    "parameters are:" => step.Table.Select(r => r[^1]),
                    _ when step.Text.StartsWith("there exists a procedure", StringComparison.Ordinal) => step.Table.Skip(1).SelectMany(r => r),
                    _ => [],
                };
                foreach (var cell in cells)
                    if (!TckValueParser.TryParse(cell, out _, out var error))
                        problems.Add($"{scenario.Id}: {error}");
            }
        }
        Assert.Empty(problems);
    }

    [TckFact]
    public void EveryProcedureDeclaration_Should_Parse()
    {
        var declarations = Scenarios.Value.SelectMany(s => s.Steps)
            .Where(s => s.Text.StartsWith("there exists a procedure ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(declarations);
        foreach (var step in declarations)
            TckProcedure.Parse(step.Text["there exists a procedure ".Length..], step.Table);
    }
}
