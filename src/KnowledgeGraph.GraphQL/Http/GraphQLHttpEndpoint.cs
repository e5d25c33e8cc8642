using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQLParser.AST;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST <c>application/json</c> and GET, responses as
/// <c>application/graphql-response+json</c> or <c>application/json</c> by Accept, with the spec's status codes.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint
{
    internal const string GraphQLResponseJson = "application/graphql-response+json";
    internal const string Json = "application/json";

    /// <summary>HttpContext.Items key: the operation type once the request is known to be a GraphQL request.</summary>
    private const string OperationItem = "kg.graphql.operation";

    private readonly KgGraphQLService _service;
    private readonly IdeEndpoint _ide;
    private readonly ILogger<GraphQLHttpEndpoint> _logger;

    public GraphQLHttpEndpoint(KgGraphQLService service, IdeEndpoint ide, ILogger<GraphQLHttpEndpoint> logger)
    {
        _service = service;
        _ide = ide;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        using var activity = GraphQLTelemetry.StartRequest();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await HandleCoreAsync(http, activity).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // Whatever escaped is our bug, not the client's: log it, and answer in GraphQL's shape while we still can,
            // instead of a 500 with an empty body.
            _logger.LogError(e, "GraphQL request failed unexpectedly");
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            http.Items[OperationItem] ??= "unknown";
            if (http.Response.HasStarted) throw;
            http.Response.Clear();
            GraphQLTelemetry.Refused(KgErrorCodes.Unexpected);
            await WriteRequestErrorAsync(http, Json, StatusCodes.Status500InternalServerError, KgErrorCodes.Unexpected,
                "Unexpected Execution Error").ConfigureAwait(false);
        }
        finally
        {
            if (http.Items.TryGetValue(OperationItem, out var type))
                GraphQLTelemetry.Finished(activity, type as string, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task HandleCoreAsync(HttpContext http, Activity? activity)
    {
        var options = _service.Options;
        if (!Cors.Apply(http, options)) return;
        if (http.WebSockets.IsWebSocketRequest)
        {
            http.Items[OperationItem] = "subscription";
            await AcceptWebSocketAsync(http).ConfigureAwait(false);
            return;
        }
        var method = http.Request.Method;
        if (!HttpMethods.IsOptions(method) && AcceptsEventStream(http.Request))
        {
            await HandleSseAsync(http).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsOptions(method))
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            http.Response.Headers.Allow = "GET, POST, OPTIONS";
            return;
        }
        if (HttpMethods.IsGet(method) && http.Request.Query.ContainsKey("sdl"))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(_service.Sdl, http.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(method) && options.EnableIde && !http.Request.Query.ContainsKey("query") && AcceptsHtml(http.Request))
        {
            // The IDE's assets are relative to /graphql/, so a browser at /graphql is sent there.
            if (http.Request.Path.Value!.EndsWith('/'))
                await _ide.HandleAsync(http, KnowledgeGraphGraphQLExtensions.EndpointPath).ConfigureAwait(false);
            else
                http.Response.Redirect(http.Request.PathBase + http.Request.Path.Value + "/");
            return;
        }
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, POST, OPTIONS";
            return;
        }
        http.Items[OperationItem] = "unknown";
        var mediaType = Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, Json, StatusCodes.Status406NotAcceptable, KgErrorCodes.InvalidRequest,
                "Accept must allow application/graphql-response+json or application/json.").ConfigureAwait(false);
            return;
        }
        var parsed = HttpMethods.IsPost(method)
            ? await ReadPostAsync(http, options).ConfigureAwait(false)
            : ReadGet(http, options);
        if (parsed.Error is { } error)
        {
            GraphQLTelemetry.Refused(error.Code);
            await WriteRequestErrorAsync(http, mediaType, error.Status, error.Code, error.Message).ConfigureAwait(false);
            return;
        }
        var request = parsed.Request!;
        var document = _service.Documents.Find(request.Query);
        BudgetViolation? violation = null;
        if (document is null)
        {
            (document, violation) = DocumentBudget.Parse(request.Query, options);
            if (document is not null) violation ??= DocumentBudget.Check(request.Query, document, options);
            if (document is not null && violation is null) _service.Documents.Add(request.Query, document);
        }
        var operationType = document is null ? null : KgGraphQLService.OperationTypeOf(document, request.OperationName);
        var typeName = operationType?.ToString().ToLowerInvariant();
        http.Items[OperationItem] = typeName ?? "unknown";
        GraphQLTelemetry.Describe(activity, typeName, request.OperationName);
        if (violation is not null)
        {
            GraphQLTelemetry.Refused(violation.Code);
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, violation.Code, violation.Message).ConfigureAwait(false);
            return;
        }
        if (operationType == OperationType.Subscription)
        {
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, KgErrorCodes.SubscriptionTransport,
                "Subscriptions need a stream: a WebSocket on /graphql (graphql-transport-ws) or Accept: text/event-stream (GraphQL over SSE).").ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(method) && operationType == OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, KgErrorCodes.MutationOverGet,
                "Mutations are only allowed over POST.").ConfigureAwait(false);
            return;
        }
        var explain = options.ExplainAlways || IsTrue(http.Request.Headers["X-KG-Explain"]);
        var services = http.RequestServices;
        var context = new KgRequestContext(_service.Model, options, () => services.GetRequiredService<IGraphDriver>(), AccessOf(http, options))
        {
            DryRun = IsTrue(http.Request.Headers["X-KG-Dry-Run"]),
        };
        // Shutdown cancels running requests too, so SIGTERM is answered within the host's shutdown timeout.
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        ExecutionResult result;
        try
        {
            if (operationType == OperationType.Query && document is not null
                && await _service.TryExecuteDirectAsync(request, document, context, explain, services, cancel.Token).ConfigureAwait(false) is { } direct)
            {
                using (direct)
                {
                    http.Response.StatusCode = StatusCodes.Status200OK;
                    http.Response.ContentType = mediaType + "; charset=utf-8";
                    http.Response.ContentLength = direct.Body.Length;
                    await http.Response.Body.WriteAsync(direct.Body, http.RequestAborted).ConfigureAwait(false);
                }
                return;
            }
            result = await _service.ExecuteAsync(request, document, context, explain, services, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status503ServiceUnavailable, KgErrorCodes.ServerStopping,
                "The service is stopping; retry later.").ConfigureAwait(false);
            return;
        }
        GraphQLTelemetry.Executed(result);
        // graphql-response+json: a request error (nothing executed) is 400; application/json is always 200.
        http.Response.StatusCode = mediaType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await _service.Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsTrue(StringValues value) => string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static CuratorAccess AccessOf(HttpContext http, KgGraphQLOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey)) return CuratorAccess.Disabled;
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return CuratorAccess.Anonymous;
        var given = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(options.ApiKey);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? CuratorAccess.Curator : CuratorAccess.Anonymous;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The response media type for an Accept header; null when neither JSON type is acceptable.</summary>
    internal static string? Negotiate(StringValues accept)
    {
        var text = accept.ToString();
        if (string.IsNullOrWhiteSpace(text)) return Json; // legacy clients send no Accept
        string? best = null;
        var bestQ = -1.0;
        foreach (var range in text.Split(','))
        {
            var parts = range.Split(';');
            var type = parts[0].Trim().ToLowerInvariant();
            var q = 1.0;
            foreach (var p in parts.Skip(1))
            {
                var kv = p.Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim() == "q" && double.TryParse(kv[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var qv)) q = qv;
            }
            if (q <= 0) continue;
            var candidate = type switch
            {
                GraphQLResponseJson => GraphQLResponseJson,
                Json or "*/*" or "application/*" => Json,
                _ => null,
            };
            if (candidate is null) continue;
            if (q > bestQ || (q == bestQ && candidate == GraphQLResponseJson))
            {
                best = candidate;
                bestQ = q;
            }
        }
        return best;
    }

    private async Task WriteRequestErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult(new ExecutionError(message) { Code = code });
        await _service.Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
    }
}
