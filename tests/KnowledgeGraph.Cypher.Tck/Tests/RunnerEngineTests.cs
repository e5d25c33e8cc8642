using KnowledgeGraph.Cypher.Tck.Engine;
using KnowledgeGraph.Cypher.Tck.Gherkin;
using KnowledgeGraph.Cypher.Tck.Running;

namespace KnowledgeGraph.Cypher.Tck.Tests;

/// <summary>The runner end to end on the real embedded engine, with small hand-written scenarios.</summary>
public class RunnerEngineTests
{
    private static async Task<ScenarioResult> RunAsync(string steps, string? graphsDir = null, TimeSpan? timeout = null)
    {
        var text = "Feature: Runner\n\n  Scenario: [1] s\n" + string.Join('\n', steps.Split('\n').Select(l => "    " + l.TrimEnd('\r')));
        var scenario = Assert.Single(FeatureLoader.LoadFeature("runner/Runner.feature", text));
        var runner = new TckRunner(EmbeddedTckDatabase.Create, new TckRunOptions { GraphsDir = graphsDir, ScenarioTimeout = timeout ?? TimeSpan.FromSeconds(10) });
        return await runner.RunOneAsync(scenario);
    }

    private static void AssertPassed(ScenarioResult result) => Assert.True(result.Passed, $"[{result.Category}] {result.Reason}");

    [Fact]
    public async Task Run_Should_Pass_When_ResultMatches()
    {
        var result = await RunAsync(""""
            Given an empty graph
            And parameters are:
              | p | [1, 'two'] |
            When executing query:
              """
              RETURN 1 AS x, $p AS p
              """
            Then the result should be, in any order:
              | x | p          |
              | 1 | [1, 'two'] |
            And no side effects
            """");
        AssertPassed(result);
    }

    [Fact]
    public async Task Run_Should_Fail_When_ValueDiffersInType()
    {
        var result = await RunAsync(""""
            Given any graph
            When executing query:
              """
              RETURN 1 AS x
              """
            Then the result should be, in order:
              | x   |
              | 1.0 |
            """");
        Assert.False(result.Passed);
        Assert.Equal("wrong result", result.Category);
        Assert.Contains("RETURN 1 AS x", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_Fail_When_ColumnsDiffer()
    {
        var result = await RunAsync(""""
            Given any graph
            When executing query:
              """
              RETURN 1 AS x
              """
            Then the result should be, in any order:
              | y |
              | 1 |
            """");
        Assert.Equal("wrong columns", result.Category);
    }

    [Fact]
    public async Task Run_Should_CountSideEffectsAsTheTckDoes()
    {
        var result = await RunAsync(""""
            Given an empty graph
            And having executed:
              """
              CREATE (:A {v: 1, w: 2})
              """
            When executing query:
              """
              MATCH (a:A)
              SET a.v = 10
              CREATE (:A), (:B {k: 'x'})-[:T {p: 1}]->(:C)
              """
            Then the result should be empty
            And the side effects should be:
              | +nodes         | 3 |
              | +relationships | 1 |
              | +labels        | 2 |
              | +properties    | 3 |
              | -properties    | 1 |
            """");
        AssertPassed(result);
    }

    [Fact]
    public async Task Run_Should_Fail_When_SideEffectsWereNotExpected()
    {
        var result = await RunAsync(""""
            Given an empty graph
            When executing query:
              """
              CREATE ()
              """
            Then the result should be empty
            And no side effects
            """");
        Assert.Equal("wrong side effects", result.Category);
        Assert.Contains("+nodes expected 0 got 1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Should_Pass_When_ExpectedCompileTimeErrorIsRaised()
    {
        var result = await RunAsync(""""
            Given any graph
            When executing query:
              """
              RETURN undefinedVariable
              """
            Then a SyntaxError should be raised at compile time: UndefinedVariable
            """");
        AssertPassed(result);
    }

    [Fact]
    public async Task Run_Should_Fail_When_ExpectedErrorIsNotRaised()
    {
        var result = await RunAsync(""""
            Given any graph
            When executing query:
              """
              RETURN 1 AS x
              """
            Then a TypeError should be raised at runtime: InvalidArgumentType
            """");
        Assert.Equal("error not raised", result.Category);
    }

    [Fact]
    public async Task Run_Should_CallRegisteredProcedure()
    {
        var result = await RunAsync(""""
            Given an empty graph
            And there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):
              | in | out   |
              | 1  | 'one' |
              | 2  | 'two' |
              | 1  | 'uno' |
            When executing query:
              """
              CALL test.my.proc(1) YIELD out
              RETURN out
              """
            Then the result should be, in any order:
              | out   |
              | 'one' |
              | 'uno' |
            And no side effects
            """");
        AssertPassed(result);
    }

    [TckFact]
    public async Task Run_Should_LoadNamedGraph()
    {
        var result = await RunAsync(""""
            Given the binary-tree-1 graph
            When executing query:
              """
              MATCH (a:A)
              RETURN a.name AS name
              """
            Then the result should be, in any order:
              | name |
              | 'a'  |
            And no side effects
            """", TckPaths.GraphsDir);
        AssertPassed(result);
    }

    [Fact]
    public async Task Run_Should_FailAsTimeout_When_ScenarioRunsTooLong()
    {
        // 10^8 rows: far more than a second's work, yet finite should the engine ignore cancellation.
        var result = await RunAsync(""""
            Given any graph
            When executing query:
              """
              UNWIND range(1, 10000) AS x
              UNWIND range(1, 10000) AS y
              RETURN count(*) AS c
              """
            Then the result should be, in any order:
              | c         |
              | 100000000 |
            """", timeout: TimeSpan.FromMilliseconds(500));
        Assert.False(result.Passed);
        Assert.Equal("timeout", result.Category);
    }
}
