using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using KnowledgeGraph.Bolt.Server;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Bolt.Hosting;

/// <summary>The <c>Bolt</c> configuration section as written (seconds, milliseconds, a certificate path); turned into
/// the server's <see cref="BoltServerOptions"/> by <see cref="ToServerOptions"/>. Defaults are the server's.</summary>
public sealed class BoltSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bolt";

    private static readonly BoltServerOptions Defaults = new();

    /// <summary><c>Bolt:Enabled</c> (default true).</summary>
    public bool Enabled { get; set; } = Defaults.Enabled;

    /// <summary><c>Bolt:Address</c>: an IP address, <c>localhost</c>, or <c>*</c> for all (default 127.0.0.1).</summary>
    public string? Address { get; set; }

    /// <summary><c>Bolt:Port</c> (default 7687; 0 picks a free port).</summary>
    public int Port { get; set; } = Defaults.Port;

    /// <summary><c>Bolt:Username</c>.</summary>
    public string? Username { get; set; }

    /// <summary><c>Bolt:Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary><c>Bolt:ReadOnlyUsername</c>.</summary>
    public string? ReadOnlyUsername { get; set; }

    /// <summary><c>Bolt:ReadOnlyPassword</c>.</summary>
    public string? ReadOnlyPassword { get; set; }

    /// <summary><c>Bolt:MaxConnections</c> (default 1000).</summary>
    public int MaxConnections { get; set; } = Defaults.MaxConnections;

    /// <summary><c>Bolt:DirectConnections</c> (default 64; 0 = none).</summary>
    public int DirectConnections { get; set; } = Defaults.DirectConnections;

    /// <summary><c>Bolt:MaxPendingConnections</c> (default 256).</summary>
    public int MaxPendingConnections { get; set; } = Defaults.MaxPendingConnections;

    /// <summary><c>Bolt:MaxConnectionsPerAddress</c> (default 500; 0 = no limit).</summary>
    public int MaxConnectionsPerAddress { get; set; } = Defaults.MaxConnectionsPerAddress;

    /// <summary><c>Bolt:LoginDelayMilliseconds</c> (default 100).</summary>
    public int LoginDelayMilliseconds { get; set; } = (int)Defaults.LoginDelay.TotalMilliseconds;

    /// <summary><c>Bolt:LoginMaxDelaySeconds</c> (default 10).</summary>
    public int LoginMaxDelaySeconds { get; set; } = (int)Defaults.LoginMaxDelay.TotalSeconds;

    /// <summary><c>Bolt:IdleTimeoutSeconds</c> (default 1800).</summary>
    public int IdleTimeoutSeconds { get; set; } = (int)Defaults.IdleTimeout.TotalSeconds;

    /// <summary><c>Bolt:HandshakeTimeoutSeconds</c> (default 5).</summary>
    public int HandshakeTimeoutSeconds { get; set; } = (int)Defaults.HandshakeTimeout.TotalSeconds;

    /// <summary><c>Bolt:MaxMessageBytes</c> (default 16 MiB).</summary>
    public int MaxMessageBytes { get; set; } = Defaults.MaxMessageBytes;

    /// <summary><c>Bolt:AdvertisedAddress</c>: host:port that ROUTE advertises.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary><c>Bolt:RoutingTtlSeconds</c> (default 300).</summary>
    public long RoutingTtlSeconds { get; set; } = Defaults.RoutingTtlSeconds;

    /// <summary><c>Bolt:Tls:*</c>.</summary>
    public BoltTlsSettings Tls { get; set; } = new();

    /// <summary>The server options these settings describe (the certificate loaded). Call after validation.</summary>
    public BoltServerOptions ToServerOptions() => new()
    {
        Enabled = Enabled,
        Address = ParseAddress(Address) ?? Defaults.Address,
        Port = Port,
        Username = NullIfEmpty(Username),
        Password = NullIfEmpty(Password),
        ReadOnlyUsername = NullIfEmpty(ReadOnlyUsername),
        ReadOnlyPassword = NullIfEmpty(ReadOnlyPassword),
        MaxConnections = MaxConnections,
        MaxPendingConnections = MaxPendingConnections,
        DirectConnections = DirectConnections,
        MaxConnectionsPerAddress = MaxConnectionsPerAddress,
        LoginDelay = TimeSpan.FromMilliseconds(LoginDelayMilliseconds),
        LoginMaxDelay = TimeSpan.FromSeconds(LoginMaxDelaySeconds),
        IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds),
        HandshakeTimeout = TimeSpan.FromSeconds(HandshakeTimeoutSeconds),
        MaxMessageBytes = MaxMessageBytes,
        AdvertisedAddress = NullIfEmpty(AdvertisedAddress),
        RoutingTtlSeconds = RoutingTtlSeconds,
        Certificate = LoadCertificate(),
    };

    internal static IPAddress? ParseAddress(string? raw) => NullIfEmpty(raw) switch
    {
        null => null,
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        var text => IPAddress.TryParse(text, out var value) ? value : null,
    };

    internal static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private X509Certificate2? LoadCertificate()
    {
        var path = NullIfEmpty(Tls.CertificatePath);
        if (path is null) return null;
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, Tls.CertificatePassword);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"Bolt:Tls:CertificatePath must name a readable PKCS#12 (.pfx) file with its key ({e.Message}).", e);
        }
    }
}

/// <summary>The <c>Bolt:Tls</c> section: a PKCS#12 certificate with its key; when set, connections must use TLS.</summary>
public sealed class BoltTlsSettings
{
    /// <summary><c>Bolt:Tls:CertificatePath</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary><c>Bolt:Tls:CertificatePassword</c>.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>The one validator of <see cref="BoltSettings"/>: ranges, address forms and the user pairs.</summary>
public sealed class BoltSettingsValidator : IValidateOptions<BoltSettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BoltSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(BoltSettings o)
    {
        if (BoltSettings.NullIfEmpty(o.Address) is { } address && BoltSettings.ParseAddress(address) is null)
            yield return $"Bolt:Address must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{address}').";
        foreach (var problem in new[]
        {
            Range("Port", o.Port, 0, 65535),
            Range("MaxConnections", o.MaxConnections, 1, 1_000_000),
            Range("MaxPendingConnections", o.MaxPendingConnections, 1, 1_000_000),
            Range("DirectConnections", o.DirectConnections, 0, 100_000),
            Range("MaxConnectionsPerAddress", o.MaxConnectionsPerAddress, 0, 1_000_000),
            Range("LoginDelayMilliseconds", o.LoginDelayMilliseconds, 0, 60_000),
            Range("LoginMaxDelaySeconds", o.LoginMaxDelaySeconds, 0, 3600),
            Range("IdleTimeoutSeconds", o.IdleTimeoutSeconds, 1, int.MaxValue),
            Range("HandshakeTimeoutSeconds", o.HandshakeTimeoutSeconds, 1, 3600),
            Range("MaxMessageBytes", o.MaxMessageBytes, 1024, 1024 * 1024 * 1024),
            Range("RoutingTtlSeconds", o.RoutingTtlSeconds, 1, int.MaxValue),
        })
        {
            if (problem is not null) yield return problem;
        }
        if (BoltSettings.NullIfEmpty(o.AdvertisedAddress) is { } advertised)
        {
            var colon = advertised.LastIndexOf(':');
            if (!(colon > 0 && int.TryParse(advertised[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535))
                yield return $"Bolt:AdvertisedAddress must be host:port, e.g. graph.example.org:7687 (got '{advertised}').";
        }
        var user = BoltSettings.NullIfEmpty(o.Username);
        var readOnlyUser = BoltSettings.NullIfEmpty(o.ReadOnlyUsername);
        if ((readOnlyUser is null) != (BoltSettings.NullIfEmpty(o.ReadOnlyPassword) is null))
            yield return "Bolt:ReadOnlyUsername and Bolt:ReadOnlyPassword must be set together (or neither).";
        else if (readOnlyUser is not null && readOnlyUser == (user ?? BoltServerOptions.DevelopmentUsername))
            yield return "Bolt:ReadOnlyUsername must differ from Bolt:Username.";
        if (BoltSettings.NullIfEmpty(o.Password) is not null && user is null)
            yield return "Bolt:Username must be set when Bolt:Password is (expected a non-empty user name).";
    }

    private static string? Range(string key, long value, long min, long max) =>
        value >= min && value <= max ? null : $"Bolt:{key} must be an integer from {min} to {max} (got '{value}').";
}
