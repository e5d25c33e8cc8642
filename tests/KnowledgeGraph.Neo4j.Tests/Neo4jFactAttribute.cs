using Xunit;

namespace KnowledgeGraph.Neo4j.Tests;

/// <summary>
/// A fact that runs against a real Neo4j 5: the one at <c>NEO4J_URI</c> (+ <c>NEO4J_USERNAME</c>,
/// <c>NEO4J_PASSWORD</c>) or a <c>neo4j:5</c> container started with Testcontainers. Skipped, with the reason,
/// when neither is possible; the check only looks at the environment (no Docker call), so skipping is instant.
/// </summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        if (Neo4jTarget.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>Where the Neo4j under test comes from.</summary>
internal static class Neo4jTarget
{
    public static string? ExternalUri => Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri ? uri : null;

    public static bool DockerReachable
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            if (!string.IsNullOrEmpty(host))
                return !host.StartsWith("unix://", StringComparison.Ordinal) || File.Exists(host["unix://".Length..]);
            return File.Exists("/var/run/docker.sock") || File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "run", "docker.sock"));
        }
    }

    public static string? SkipReason =>
        ExternalUri is null && !DockerReachable
            ? "No Neo4j to test against: NEO4J_URI is not set and no Docker engine is reachable (no DOCKER_HOST, no /var/run/docker.sock)."
            : null;
}
