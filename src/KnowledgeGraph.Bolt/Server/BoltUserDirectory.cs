using System.Net;
using KnowledgeGraph.Driver;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// The configured Bolt users (<c>Bolt:Username</c> / <c>Bolt:Password</c> and the read-only pair, with the Development
/// default) for the service's other front doors, such as the Query API over HTTP. With the Bolt server running it
/// answers through the server, so one login throttle guards both doors; with <c>Bolt:Enabled=false</c> it checks the
/// same settings itself, behind a throttle of its own.
/// </summary>
public sealed class BoltUserDirectory
{
    private readonly BoltServer? _server;
    private readonly BoltServerOptions? _options;
    private readonly LoginThrottle? _throttle;

    /// <summary>Users of a running (or starting) Bolt server.</summary>
    public BoltUserDirectory(BoltServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
    }

    /// <summary>Users of the Bolt settings while the Bolt server is disabled. Without a configured password outside
    /// Development there are no users, and every check is refused.</summary>
    public BoltUserDirectory(BoltServerOptions options, bool isDevelopment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = BoltServer.WithDevelopmentDefault(options, isDevelopment);
        _throttle = new LoginThrottle(options.LoginDelay, options.LoginMaxDelay, logger);
        if (_options is null)
            logger.LogWarning("Bolt:Password is not configured: the Query API has no users and refuses every request (Bolt:Enabled=false).");
    }

    /// <summary>Whether any user is configured (false only outside Development without <c>Bolt:Password</c>).</summary>
    public bool HasUsers => Users.Count > 0;

    /// <summary>The accepted users, names and read-only flags only.</summary>
    public IReadOnlyList<ServerUser> Users => _server is not null ? _server.Users : _options is null ? [] : BoltServer.UsersOf(_options);

    /// <summary>Checks a user name and password behind the login throttle (passwords compared in constant time).</summary>
    public Task<CredentialCheck> CheckCredentialsAsync(string user, string password, IPAddress address, CancellationToken cancellationToken)
    {
        if (_server is not null) return _server.CheckCredentialsAsync(user, password, address, cancellationToken);
        if (_options is null) return Task.FromResult(CredentialCheck.Refused);
        return BoltServer.CheckCredentialsAsync(_options, _throttle!, user, password, address, cancellationToken);
    }
}
