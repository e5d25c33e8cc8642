namespace KnowledgeGraph.Cypher.Planning;

/// <summary>
/// The engine's internal switch that bypasses the cache of built plans (<see cref="PlanCache"/>), for tests and the
/// <c>stmt</c> bench (not a user setting). Scoped to the calling async flow, so a bench measuring the uncached path
/// does not affect statements running beside it.
/// </summary>
internal static class PlanCacheSwitch
{
    private static readonly AsyncLocal<bool> Bypassed = new();

    /// <summary>True while the current flow plans every statement afresh.</summary>
    public static bool IsBypassed => Bypassed.Value;

    /// <summary>Bypasses the plan cache for the current async flow until disposed.</summary>
    public static IDisposable Bypass()
    {
        var previous = Bypassed.Value;
        Bypassed.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Bypassed.Value = previous;
    }
}
