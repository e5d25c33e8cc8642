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
    public async Task<CredentialCheck> CheckCredentialsAsync(string user, string password, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(address);
        if (_listener is null) throw new InvalidOperationException("The Bolt server has not started; its users are not resolved yet.");
        var from = address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
        if (Throttle.Reserve(user, from, Options.HandshakeTimeout) is not { } wait) return CredentialCheck.RateLimited;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        var verdict = user == Options.Username && SecretEquals(password, Options.Password) ? CredentialCheck.ReadWrite
            : Options.ReadOnlyUsername is not null && user == Options.ReadOnlyUsername && SecretEquals(password, Options.ReadOnlyPassword) ? CredentialCheck.ReadOnly
            : CredentialCheck.Refused;
        if (verdict == CredentialCheck.Refused) Throttle.Failed(user, from);
        else Throttle.Succeeded(user, from);
        return verdict;
    }

    private static bool SecretEquals(string given, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
