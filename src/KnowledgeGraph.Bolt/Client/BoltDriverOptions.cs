using System.Net.Security;

namespace KnowledgeGraph.Bolt.Client;

/// <summary>Settings of a <see cref="BoltDriver"/>.</summary>
public sealed record BoltDriverOptions
{
    /// <summary>The server URI, e.g. <c>bolt://localhost:7687</c> or <c>neo4j+s://cluster.example.org</c>.</summary>
    public required string Uri { get; init; }

    /// <summary>User for the basic auth scheme.</summary>
    public string Username { get; init; } = "neo4j";

    /// <summary>Password for the basic auth scheme.</summary>
    public string Password { get; init; } = "";

    /// <summary>Sent in HELLO.</summary>
    public string UserAgent { get; init; } = "KnowledgeGraph.Bolt/0.1";

    /// <summary>Most connections per server (in use plus idle).</summary>
    public int MaxConnectionPoolSize { get; init; } = 100;

    /// <summary>How long to wait for a free pooled connection.</summary>
    public TimeSpan ConnectionAcquisitionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for TCP connect, TLS, handshake and authentication.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle pooled connections older than this are closed rather than reused.</summary>
    public TimeSpan MaxIdleTime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Records requested per PULL; -1 pulls everything at once.</summary>
    public long FetchSize { get; init; } = 1000;

    /// <summary>Total time managed transactions keep retrying transient failures.</summary>
    public TimeSpan MaxTransactionRetryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First back-off delay between retries (doubles each attempt, ±20% jitter).</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra TLS validation (e.g. pinning a test certificate); null uses the platform's validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }
}
