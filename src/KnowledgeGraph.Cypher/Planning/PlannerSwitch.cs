namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The engine's internal switch between the planner and the interpreted clause pipeline, for the differential tests
/// and the <c>plan</c> bench (not a user setting). Scoped to the calling async flow, so a test forcing the
/// interpreter does not affect queries running beside it.
/// </summary>
internal static class PlannerSwitch
{
    private static readonly FlowFlag Interpreted = new();

    /// <summary>True while the current flow forces the interpreted pipeline.</summary>
    public static bool ForceInterpreted => Interpreted.IsSet;

    /// <summary>Forces the interpreted pipeline for the current async flow until disposed.</summary>
    public static IDisposable UseInterpreter() => Interpreted.Set();
}
