using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>Which failures a managed transaction retries, and how long it waits between attempts.</summary>
internal static class RetryPolicy
{
    /// <summary>Transient errors (except the two Neo4j reclassified as client errors), lost connections and
    /// cluster leader changes are worth retrying; everything else is the caller's problem.</summary>
    public static bool IsRetriable(Exception e) => e is GraphException g && (
        (g.IsTransient && g.Code is not ("Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped"))
        || g.Code is ErrorCodes.ServiceUnavailable or "Neo.ClientError.Cluster.NotALeader" or "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase");

    /// <summary>Exponential back-off with ±20% jitter.</summary>
    public static TimeSpan Delay(TimeSpan initial, int attempt)
    {
        var baseMs = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var jitter = 1 + ((Random.Shared.NextDouble() * 0.4) - 0.2);
        return TimeSpan.FromMilliseconds(Math.Min(baseMs * jitter, 60_000));
    }
}
