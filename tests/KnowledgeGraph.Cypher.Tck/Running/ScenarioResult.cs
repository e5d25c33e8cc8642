using KnowledgeGraph.Cypher.Tck.Gherkin;

namespace KnowledgeGraph.Cypher.Tck.Running;

/// <summary>The outcome of one scenario.</summary>
/// <param name="Scenario">The scenario that ran.</param>
/// <param name="Passed">True when every step held.</param>
/// <param name="Category">For a failure, a short stable class of reason (e.g. <c>wrong result</c>, <c>unexpected error Neo.ClientError.Statement.SyntaxError</c>).</param>
/// <param name="Reason">For a failure, what went wrong: the query, expected against actual, in short.</param>
/// <param name="DetailMismatch">For a passed error scenario, the TCK detail the engine did not report (informational).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record ScenarioResult(TckScenario Scenario, bool Passed, string? Category, string? Reason, string? DetailMismatch, TimeSpan Elapsed)
{
    /// <summary>A failed outcome.</summary>
    public static ScenarioResult Fail(TckScenario scenario, string category, string reason, TimeSpan elapsed) =>
        new(scenario, false, category, reason, null, elapsed);
}

/// <summary>A step expectation that did not hold; carries the category and text for the report.</summary>
public sealed class StepFailedException(string category, string message) : Exception(message)
{
    /// <summary>The failure's category.</summary>
    public string Category { get; } = category;
}
