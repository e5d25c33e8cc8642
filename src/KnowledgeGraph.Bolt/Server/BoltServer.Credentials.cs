using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>What a credentials check decided.</summary>
public enum CredentialCheck
{
    /// <summary>Unknown user or wrong password.</summary>
    Refused,

    /// <summary>The read-write user (<c>Bolt:Username</c>).</summary>
    ReadWrite,

    /// <summary>The read-only user (<c>Bolt:ReadOnlyUsername</c>): writes are forbidden.</summary>
    ReadOnly,

    /// <summary>Too many failures for this user or address: not checked (Neo.ClientError.Security.AuthenticationRateLimit).</summary>
    RateLimited,
}

/// <summary>
/// The Bolt users, offered to the other front doors of the service (the Query API over HTTP) so that one set of
/// users and one login throttle guard every way in.
/// </summary>
public sealed partial class BoltServer
{
    /// <summary>
    /// Checks a user name and password against the Bolt users (after the Development default was applied), behind
    /// the same throttle as Bolt logins: a throttled attempt waits its turn, or is refused when that wait would be
    /// longer than <see cref="BoltServerOptions.HandshakeTimeout"/>. Passwords are compared in constant time.
    /// </summary>
    public Task<CredentialCheck> CheckCredentialsAsync(string user, string password, IPAddress address, CancellationToken cancellationToken)
    {
        if (_listener is null) throw new InvalidOperationException("The Bolt server has not started; its users are not resolved yet.");
        return CheckCredentialsAsync(Options, Throttle, user, password, address, cancellationToken);
    }

    /// <summary>The users of <paramref name="options"/> (after the Development default), for SHOW USERS.</summary>
    internal static IReadOnlyList<KnowledgeGraph.Driver.ServerUser> UsersOf(BoltServerOptions options) =>
        options.Password is null || options.Username is null ? []
        : options.ReadOnlyUsername is { } reader && options.ReadOnlyPassword is not null
            ? [new(options.Username, false), new(reader, true)]
            : [new(options.Username, false)];

    /// <summary>The check shared by the Bolt port and <see cref="BoltUserDirectory"/>: throttle first, then the
    /// read-write user, then the read-only one.</summary>
    internal static async Task<CredentialCheck> CheckCredentialsAsync(BoltServerOptions options, LoginThrottle throttle, string user, string password, IPAddress address,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(address);
        var from = address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
        if (throttle.Reserve(user, from, options.HandshakeTimeout) is not { } wait) return CredentialCheck.RateLimited;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        var verdict = options.Username is not null && user == options.Username && SecretEquals(password, options.Password) ? CredentialCheck.ReadWrite
            : options.ReadOnlyUsername is not null && user == options.ReadOnlyUsername && SecretEquals(password, options.ReadOnlyPassword) ? CredentialCheck.ReadOnly
            : CredentialCheck.Refused;
        if (verdict == CredentialCheck.Refused) throttle.Failed(user, from);
        else throttle.Succeeded(user, from);
        return verdict;
    }

    /// <summary>Applies the Development default user when no password is configured; null outside Development
    /// (there are then no users).</summary>
    internal static BoltServerOptions? WithDevelopmentDefault(BoltServerOptions options, bool isDevelopment)
    {
        if (options.Password is not null) return options;
        if (!isDevelopment) return null;
        return options with
        {
            Username = options.Username ?? BoltServerOptions.DevelopmentUsername,
            Password = BoltServerOptions.DevelopmentPassword,
        };
    }

    private static bool SecretEquals(string given, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
