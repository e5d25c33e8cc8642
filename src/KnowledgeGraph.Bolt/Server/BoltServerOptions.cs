using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>Settings of the Bolt server, read from the <c>Bolt</c> configuration section.</summary>
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

    /// <summary>
    /// Reads and validates the <c>Bolt</c> section. An invalid value throws <see cref="InvalidOperationException"/>
    /// with one line naming the key and the expected form.
    /// </summary>
    public static BoltServerOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection("Bolt");
        var o = new BoltServerOptions();
        var parsed = o with
        {
            Enabled = ParseBool(s, "Enabled", o.Enabled),
            Address = ParseAddress(s, "Address", o.Address),
            Port = ParseInt(s, "Port", o.Port, 0, 65535),
            Username = NullIfEmpty(s["Username"]),
            Password = NullIfEmpty(s["Password"]),
            ReadOnlyUsername = NullIfEmpty(s["ReadOnlyUsername"]),
            ReadOnlyPassword = NullIfEmpty(s["ReadOnlyPassword"]),
            MaxConnections = ParseInt(s, "MaxConnections", o.MaxConnections, 1, 1_000_000),
            MaxPendingConnections = ParseInt(s, "MaxPendingConnections", o.MaxPendingConnections, 1, 1_000_000),
            MaxConnectionsPerAddress = ParseInt(s, "MaxConnectionsPerAddress", o.MaxConnectionsPerAddress, 0, 1_000_000),
            LoginDelay = TimeSpan.FromMilliseconds(ParseInt(s, "LoginDelayMilliseconds", (int)o.LoginDelay.TotalMilliseconds, 0, 60_000)),
            LoginMaxDelay = TimeSpan.FromSeconds(ParseInt(s, "LoginMaxDelaySeconds", (int)o.LoginMaxDelay.TotalSeconds, 0, 3600)),
            IdleTimeout = TimeSpan.FromSeconds(ParseInt(s, "IdleTimeoutSeconds", (int)o.IdleTimeout.TotalSeconds, 1, int.MaxValue)),
            HandshakeTimeout = TimeSpan.FromSeconds(ParseInt(s, "HandshakeTimeoutSeconds", (int)o.HandshakeTimeout.TotalSeconds, 1, 3600)),
            MaxMessageBytes = ParseInt(s, "MaxMessageBytes", o.MaxMessageBytes, 1024, 1024 * 1024 * 1024),
            AdvertisedAddress = ParseHostPort(s, "AdvertisedAddress"),
            RoutingTtlSeconds = ParseInt(s, "RoutingTtlSeconds", (int)o.RoutingTtlSeconds, 1, int.MaxValue),
            Certificate = LoadCertificate(s),
        };
        return parsed.CheckUsers();
    }

    private BoltServerOptions CheckUsers()
    {
        if ((ReadOnlyUsername is null) != (ReadOnlyPassword is null))
            throw new InvalidOperationException("Bolt:ReadOnlyUsername and Bolt:ReadOnlyPassword must be set together (or neither).");
        if (ReadOnlyUsername is not null && ReadOnlyUsername == (Username ?? DevelopmentUsername))
            throw new InvalidOperationException("Bolt:ReadOnlyUsername must differ from Bolt:Username.");
        if (Password is not null && Username is null)
            throw new InvalidOperationException("Bolt:Username must be set when Bolt:Password is (expected a non-empty user name).");
        return this;
    }

    private static X509Certificate2? LoadCertificate(IConfigurationSection s)
    {
        var path = NullIfEmpty(s["Tls:CertificatePath"]);
        if (path is null) return null;
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, s["Tls:CertificatePassword"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"Bolt:Tls:CertificatePath must name a readable PKCS#12 (.pfx) file with its key ({e.Message}).", e);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool ParseBool(IConfigurationSection s, string key, bool fallback)
    {
        var raw = NullIfEmpty(s[key]);
        if (raw is null) return fallback;
        return bool.TryParse(raw, out var value)
            ? value
            : throw new InvalidOperationException($"Bolt:{key} must be true or false (got '{raw}').");
    }

    private static int ParseInt(IConfigurationSection s, string key, int fallback, int min, int max)
    {
        var raw = NullIfEmpty(s[key]);
        if (raw is null) return fallback;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Bolt:{key} must be an integer from {min} to {max} (got '{raw}').");
    }

    private static IPAddress ParseAddress(IConfigurationSection s, string key, IPAddress fallback)
    {
        var raw = NullIfEmpty(s[key]);
        if (raw is null) return fallback;
        if (raw is "localhost") return IPAddress.Loopback;
        if (raw is "*" or "+") return IPAddress.Any;
        return IPAddress.TryParse(raw, out var value)
            ? value
            : throw new InvalidOperationException($"Bolt:{key} must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{raw}').");
    }

    private static string? ParseHostPort(IConfigurationSection s, string key)
    {
        var raw = NullIfEmpty(s[key]);
        if (raw is null) return null;
        var colon = raw.LastIndexOf(':');
        return colon > 0 && int.TryParse(raw[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? raw
            : throw new InvalidOperationException($"Bolt:{key} must be host:port, e.g. graph.example.org:7687 (got '{raw}').");
    }
}
