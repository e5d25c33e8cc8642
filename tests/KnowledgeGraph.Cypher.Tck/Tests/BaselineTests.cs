using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Reporting;
using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Tests;

public sealed class BaselineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tck-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ScenarioResult Result(string name, bool passed)
    {
        var scenario = new TckScenario("f/F.feature", "F", name, null, [], [], 1);
        return passed
            ? new ScenarioResult(scenario, true, null, null, null, TimeSpan.Zero)
            : ScenarioResult.Fail(scenario, "wrong result", "because", TimeSpan.Zero);
    }

    [Fact]
    public void Update_Should_MergeAndNeverDropIds()
    {
        var file = Path.Combine(_dir, "baseline.txt");
        File.WriteAllLines(file, ["# comment", "f/F.feature:[1] a", "f/F.feature:[9] gone"]);
        var results = new[] { Result("[1] a", false), Result("[2] b", true), Result("[3] c", true) };

        var added = Baseline.Update(file, results);

        Assert.Equal(2, added);
        Assert.Equal(["f/F.feature:[1] a", "f/F.feature:[2] b", "f/F.feature:[3] c", "f/F.feature:[9] gone"], File.ReadAllLines(file));
        var baseline = Baseline.Read(file);
        Assert.Equal(["f/F.feature:[1] a"], Baseline.Regressions(baseline, results).Select(r => r.Scenario.Id));
        Assert.Equal(["f/F.feature:[9] gone"], Baseline.Missing(baseline, results));
    }

    [Fact]
    public void Read_Should_GiveEmptySet_When_FileIsAbsent() =>
        Assert.Empty(Baseline.Read(Path.Combine(_dir, "none.txt")));
}
