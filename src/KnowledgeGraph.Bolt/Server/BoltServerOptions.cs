using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>Settings of the Bolt server (from the <c>Bolt</c> configuration section through
/// <see cref="Hosting.BoltSettings"/>, or built directly).</summary>
public sealed record BoltServerOptions
{
    /// <summary>Whether the server runs (<c>Bolt:Enabled</c>, default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Listen address (<c>Bolt:Address</c>, default 127.0.0.1).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Listen port (<c>Bolt:Port</c>, default 7687; 0 picks a free port, see <see cref="BoltServer.BoundEndpoint"/>).</summary>
    public int Port { get; init; } = 7687;

    /// <summary>User name of the read-write user (<c>Bolt:Username</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Password of the read-write user (<c>Bolt:Password</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Optional read-only user (<c>Bolt:ReadOnlyUsername</c>): its writes fail with Neo.ClientError.Security.Forbidden.</summary>
    public string? ReadOnlyUsername { get; init; }

    /// <summary>Password of the read-only user (<c>Bolt:ReadOnlyPassword</c>).</summary>
    public string? ReadOnlyPassword { get; init; }

    /// <summary>Most concurrent authenticated connections (<c>Bolt:MaxConnections</c>, default 1000). A login beyond it
    /// fails with Neo.TransientError.General.ServiceUnavailable; connections still logging in do not count.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>Most connections served in direct mode (<c>Bolt:DirectConnections</c>, default 64; 0 = none): a plain-TCP
    /// connection (no TLS, not WebSocket) gets a thread of its own that reads and writes the socket with blocking
    /// calls, which saves the thread-pool hop of every round trip. Further connections use the async path.</summary>
    public int DirectConnections { get; init; } = 64;

    /// <summary>Most connections that have not yet logged in (<c>Bolt:MaxPendingConnections</c>, default 256). When
    /// full, a new connection displaces the oldest one still logging in, so idle sockets cannot lock clients out.</summary>
    public int MaxPendingConnections { get; init; } = 256;

    /// <summary>Most connections from one IP address, logged in or not (<c>Bolt:MaxConnectionsPerAddress</c>,
    /// default 500; 0 = no limit); extra ones are closed at once.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 500;

    /// <summary>First delay after a failed login (<c>Bolt:LoginDelayMilliseconds</c>, default 100); it doubles with each
    /// further failure for the same user or address, up to <see cref="LoginMaxDelay"/>, and resets on success.</summary>
    public TimeSpan LoginDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest login delay (<c>Bolt:LoginMaxDelaySeconds</c>, default 10).</summary>
    public TimeSpan LoginMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection that sends nothing for this long is closed (<c>Bolt:IdleTimeoutSeconds</c>, default 1800).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Time allowed from connect to a completed login: TLS, version handshake, HELLO and LOGON together
    /// (<c>Bolt:HandshakeTimeoutSeconds</c>, default 5).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest request message once its chunks are joined (<c>Bolt:MaxMessageBytes</c>, default 16 MiB); a bigger
    /// one gets FAILURE Neo.ClientError.Request.Invalid and the connection is closed.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>host:port that ROUTE advertises (<c>Bolt:AdvertisedAddress</c>); default: the address the client dialled.</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Routing table time-to-live in seconds (<c>Bolt:RoutingTtlSeconds</c>, default 300).</summary>
    public long RoutingTtlSeconds { get; init; } = 300;

    /// <summary>TLS certificate (with private key); when set, every connection must start with a TLS handshake
    /// (<c>bolt+s://</c>). Loaded from <c>Bolt:Tls:CertificatePath</c> (PFX) and <c>Bolt:Tls:CertificatePassword</c>.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The user Development falls back to when nothing is configured.</summary>
    public const string DevelopmentUsername = "neo4j";

    /// <summary>The password Development falls back to when nothing is configured (a warning is logged).</summary>
    public const string DevelopmentPassword = "knowledgegraph";
}
