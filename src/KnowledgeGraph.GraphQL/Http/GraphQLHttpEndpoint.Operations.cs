using GraphQL;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>Operations run by the streaming transports (WebSocket, SSE): the same budget, validation and
/// complexity rules as GraphQL over HTTP.</summary>
internal sealed partial class GraphQLHttpEndpoint
{
    /// <summary>Parses, checks the document budget and executes; a subscription's result carries its stream in
    /// <see cref="ExecutionResult.Streams"/>.</summary>
    internal async Task<ExecutionResult> ExecuteOperationAsync(KgGraphQLRequest request, CuratorAccess access, IServiceProvider services, CancellationToken ct)
    {
        var options = _service.Options;
        var (document, violation) = DocumentBudget.Parse(request.Query, options);
        if (document is not null) violation ??= DocumentBudget.Check(request.Query, document, options);
        if (violation is not null)
        {
            GraphQLTelemetry.Refused(violation.Code);
            return new ExecutionResult(new ExecutionError(violation.Message) { Code = violation.Code }) { Executed = false };
        }
        var context = new KgRequestContext(_service.Model, options, () => services.GetRequiredService<IGraphDriver>(), access);
        var result = await _service.ExecuteAsync(request, document, context, explain: false, services, ct).ConfigureAwait(false);
        GraphQLTelemetry.Executed(result);
        return result;
    }

    /// <summary>Parses the JSON payload of a graphql-transport-ws <c>subscribe</c> message.</summary>
    internal (KgGraphQLRequest? Request, string? Error) ParsePayload(System.Text.Json.JsonElement payload)
    {
        if (payload.ValueKind != System.Text.Json.JsonValueKind.Object) return (null, "payload must be an object");
        var parsed = Build(
            payload.TryGetProperty("query", out var q) ? q : default,
            payload.TryGetProperty("operationName", out var o) ? o : default,
            payload.TryGetProperty("variables", out var v) ? v : default,
            payload.TryGetProperty("extensions", out var e) ? e : default);
        return (parsed.Request, parsed.Error?.Message);
    }

    internal KgGraphQLService Service => _service;

    internal static CuratorAccess AccessOfKey(string? bearer, KgGraphQLOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey)) return CuratorAccess.Disabled;
        const string prefix = "Bearer ";
        if (bearer is null || !bearer.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return CuratorAccess.Anonymous;
        var given = System.Text.Encoding.UTF8.GetBytes(bearer[prefix.Length..].Trim());
        var expected = System.Text.Encoding.UTF8.GetBytes(options.ApiKey);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected) ? CuratorAccess.Curator : CuratorAccess.Anonymous;
    }

    private static bool AcceptsEventStream(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private static SubscriptionOptions SubscriptionOptionsOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SubscriptionOptions>>().Value;

    /// <summary>Upgrades to a graphql-transport-ws connection and serves it.</summary>
    private async Task AcceptWebSocketAsync(HttpContext http)
    {
        var options = SubscriptionOptionsOf(http);
        var offered = http.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketConnection.Subprotocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(offered ? GraphQLWebSocketConnection.Subprotocol : null).ConfigureAwait(false);
        var origin = http.Request.Headers.Origin.ToString();
        var cors = _service.Options.CorsOrigins;
        var sameHost = Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        System.Net.WebSockets.WebSocketCloseStatus? refuse =
            !offered ? (System.Net.WebSockets.WebSocketCloseStatus)4406
            : !options.Enabled ? (System.Net.WebSockets.WebSocketCloseStatus)4403
            : origin.Length > 0 && !sameHost && !cors.Contains("*") && !cors.Contains(origin, StringComparer.OrdinalIgnoreCase) ? (System.Net.WebSockets.WebSocketCloseStatus)4403
            : null;
        if (refuse is { } code)
        {
            var reason = (int)code == 4406 ? "Subprotocol not acceptable: use graphql-transport-ws" : "Forbidden";
            await socket.CloseAsync(code, reason, http.RequestAborted).ConfigureAwait(false);
            return;
        }
        var connection = new GraphQLWebSocketConnection(socket, this, options, http.RequestServices.GetRequiredService<SubscriptionLimiter>(),
            http.RequestServices, _logger, http.RequestAborted);
        await connection.RunAsync().ConfigureAwait(false);
    }
}
