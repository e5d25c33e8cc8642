namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The engine's internal switch that bypasses the cache of built plans (<see cref="PlanCache"/>), for tests and the
/// <c>stmt</c> bench (not a user setting). Scoped to the calling async flow, so a bench measuring the uncached path
/// does not affect statements running beside it.
/// </summary>
internal static class PlanCacheSwitch
{
    private static readonly FlowFlag Bypassed = new();

    /// <summary>True while the current flow plans every statement afresh.</summary>
    public static bool IsBypassed => Bypassed.IsSet;

    /// <summary>Bypasses the plan cache for the current async flow until disposed.</summary>
    public static IDisposable Bypass() => Bypassed.Set();
}
