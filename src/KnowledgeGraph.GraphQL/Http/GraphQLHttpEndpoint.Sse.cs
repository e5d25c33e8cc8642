using System.Text;
using System.Threading.Channels;
using GraphQL;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>
/// GraphQL over server-sent events, distinct connections mode (the graphql-sse protocol): a POST (JSON body) or GET
/// with <c>Accept: text/event-stream</c> opens one stream for one operation, answered with <c>event: next</c> per result
/// and <c>event: complete</c> at the end. A request or validation error is answered before the stream, as JSON with
/// status 400. Results queue in a bounded queue; a client that lets it fill is disconnected (SSE has no close code).
/// </summary>
internal sealed partial class GraphQLHttpEndpoint
{
    private async Task HandleSseAsync(HttpContext http)
    {
        var options = _service.Options;
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, POST, OPTIONS";
            return;
        }
        http.Items[OperationItem] = "subscription";
        var parsed = HttpMethods.IsPost(method) ? await ReadPostAsync(http, options).ConfigureAwait(false) : ReadGet(http, options);
        if (parsed.Error is { } error)
        {
            await WriteRequestErrorAsync(http, Json, error.Status, error.Code, error.Message).ConfigureAwait(false);
            return;
        }
        var subscriptions = SubscriptionOptionsOf(http);
        var limiter = http.RequestServices.GetRequiredService<SubscriptionLimiter>();
        if (!limiter.TryAcquire(subscriptions.MaxPerServer))
        {
            await WriteRequestErrorAsync(http, Json, StatusCodes.Status429TooManyRequests, KgErrorCodes.SubscriptionLimit,
                $"The server already runs {subscriptions.MaxPerServer} subscriptions (GraphQL:Subscriptions:MaxPerServer).").ConfigureAwait(false);
            return;
        }
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            var result = await ExecuteOperationAsync(parsed.Request!, AccessOf(http, options), http.RequestServices, cancel.Token).ConfigureAwait(false);
            if (!result.Executed)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                http.Response.ContentType = Json + "; charset=utf-8";
                await _service.Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted).ConfigureAwait(false);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await http.Response.Body.FlushAsync(cancel.Token).ConfigureAwait(false);
            var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(subscriptions.SendQueueLimit) { SingleReader = true });
            IDisposable? subscription = null;
            if (result.Streams is { Count: > 0 } streams)
                subscription = streams.Values.First().Subscribe(new SseObserver(queue, _service, () =>
                {
                    _logger.LogWarning("GraphQL SSE client dropped: more than {Limit} events waiting (slow consumer)", subscriptions.SendQueueLimit);
                    http.Abort();
                }));
            else
            {
                queue.Writer.TryWrite(_service.Serializer.Serialize(result));
                queue.Writer.TryComplete();
            }
            try
            {
                await WriteEventsAsync(http, queue.Reader, subscriptions.KeepAliveInterval, cancel.Token).ConfigureAwait(false);
            }
            finally
            {
                subscription?.Dispose();
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client left or the server stops.
        }
        catch (IOException)
        {
            // The client left mid-write.
        }
        finally
        {
            limiter.Release();
        }
    }

    private static async Task WriteEventsAsync(HttpContext http, ChannelReader<string> events, TimeSpan keepAlive, CancellationToken ct)
    {
        var body = http.Response.Body;
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
            tick.CancelAfter(keepAlive);
            bool more;
            try
            {
                more = await events.WaitToReadAsync(tick.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Nothing to send for a while: a comment keeps proxies and the client from timing out.
                await body.WriteAsync(":\n\n"u8.ToArray(), ct).ConfigureAwait(false);
                await body.FlushAsync(ct).ConfigureAwait(false);
                continue;
            }
            if (!more) break;
            while (events.TryRead(out var payload))
                await body.WriteAsync(Encoding.UTF8.GetBytes("event: next\ndata: " + payload + "\n\n"), ct).ConfigureAwait(false);
            await body.FlushAsync(ct).ConfigureAwait(false);
        }
        await body.WriteAsync("event: complete\ndata:\n\n"u8.ToArray(), ct).ConfigureAwait(false);
        await body.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Queues a subscription's results as SSE payloads; an overflowing queue drops the client.</summary>
    private sealed class SseObserver(Channel<string> queue, KgGraphQLService service, Action drop) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!queue.Writer.TryWrite(service.Serializer.Serialize(value)))
            {
                queue.Writer.TryComplete();
                drop();
            }
        }

        public void OnError(Exception error)
        {
            var e = error as ExecutionError ?? new ExecutionError(error.Message) { Code = KgErrorCodes.Unexpected };
            queue.Writer.TryWrite(service.Serializer.Serialize(new ExecutionResult(e)));
            queue.Writer.TryComplete();
        }

        public void OnCompleted() => queue.Writer.TryComplete();
    }
}
