using System.Net;
using System.Text;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Api.QueryApi;

/// <summary>Who sent a Query API request: a Bolt user, and whether it may write.</summary>
internal sealed record QueryApiUser(string Name, bool ReadOnly);

/// <summary>
/// HTTP basic authentication against the configured Bolt users (<c>Bolt:Username</c>/<c>Bolt:Password</c> and the
/// read-only pair), behind the Bolt login throttle when the Bolt server runs (one set of users and one throttle guard
/// both doors) and behind a throttle of its own with <c>Bolt:Enabled=false</c>.
/// </summary>
internal static class QueryApiAuthentication
{
    public static async Task<QueryApiUser> AuthenticateAsync(HttpContext context, BoltUserDirectory? users)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0) throw new QueryApiException(ErrorCodes.Unauthorized, "No authentication header supplied.");
        if (users is null || !users.HasUsers)
            throw new QueryApiException(ErrorCodes.Unauthorized, "No users are configured: set Bolt:Username and Bolt:Password.");
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            throw new QueryApiException(ErrorCodes.Unauthorized, "Unsupported authentication scheme: only Basic is accepted.");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            throw new QueryApiException(ErrorCodes.Unauthorized, "Invalid authentication header: the Basic credentials are not base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) throw new QueryApiException(ErrorCodes.Unauthorized, "Invalid authentication header: expected base64(user:password).");
        var user = decoded[..colon];
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return await users.CheckCredentialsAsync(user, decoded[(colon + 1)..], address, context.RequestAborted).ConfigureAwait(false) switch
        {
            CredentialCheck.ReadWrite => new QueryApiUser(user, ReadOnly: false),
            CredentialCheck.ReadOnly => new QueryApiUser(user, ReadOnly: true),
            CredentialCheck.RateLimited => throw new QueryApiException("Neo.ClientError.Security.AuthenticationRateLimit",
                "The client has provided incorrect authentication details too many times in a row."),
            _ => throw new QueryApiException(ErrorCodes.Unauthorized, "The client is unauthorized due to authentication failure."),
        };
    }
}
