using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using KnowledgeGraph.GraphQL.Execution;
using KnowledgeGraph.GraphQL.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.GraphQL.Http;

/// <summary>
/// One WebSocket connection speaking <c>graphql-transport-ws</c> (the protocol of the graphql-ws library):
/// <c>connection_init</c>/<c>connection_ack</c>, <c>subscribe</c>/<c>next</c>/<c>error</c>/<c>complete</c>,
/// <c>ping</c>/<c>pong</c>, with the protocol's close codes (4400 invalid message, 4401 subscribe before ack, 4403
/// origin not allowed, 4406 subprotocol, 4408 init timeout, 4409 duplicate id, 4429 second init). Outgoing messages
/// go through a bounded queue; a client that lets it fill (it does not read) is dropped with close code 1008.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection
{
    public const string Subprotocol = "graphql-transport-ws";
    public const WebSocketCloseStatus SlowConsumer = WebSocketCloseStatus.PolicyViolation;

    private readonly WebSocket _socket;
    private readonly GraphQLHttpEndpoint _endpoint;
    private readonly SubscriptionOptions _options;
    private readonly SubscriptionLimiter _limiter;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly Channel<string> _outgoing;
    private readonly Dictionary<string, IDisposable?> _operations = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closed;
    private (WebSocketCloseStatus Code, string Reason)? _close;
    private volatile bool _overflow;
    private bool _initReceived;
    private volatile bool _acknowledged;
    private CuratorAccess _access;

    public GraphQLWebSocketConnection(WebSocket socket, GraphQLHttpEndpoint endpoint, SubscriptionOptions options, SubscriptionLimiter limiter,
        IServiceProvider services, ILogger logger, CancellationToken aborted)
    {
        _socket = socket;
        _endpoint = endpoint;
        _options = options;
        _limiter = limiter;
        _services = services;
        _logger = logger;
        _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(options.SendQueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _access = GraphQLHttpEndpoint.AccessOfKey(null, endpoint.Service.Options);
    }

    /// <summary>Serves the connection until either side closes it.</summary>
    public async Task RunAsync()
    {
        var sender = SendLoopAsync();
        var initTimeout = InitTimeoutAsync();
        var keepAlive = KeepAliveAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away; nothing to tell it.
        }
        finally
        {
            Close(WebSocketCloseStatus.NormalClosure, "");
            StopAll();
            await sender.ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
            await _closed.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(initTimeout, keepAlive).ConfigureAwait(false);
            _closed.Dispose();
        }
    }

    /// <summary>
    /// After our close frame, reads (and drops) what the client still sends until its close frame, for a few seconds:
    /// closing a socket with unread input resets the connection, and the client would then lose the close frame and
    /// the messages before it.
    /// </summary>
    private async Task DrainAsync()
    {
        if (_socket.State != WebSocketState.CloseSent) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        try
        {
            while (_socket.State == WebSocketState.CloseSent)
                if ((await _socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false)).MessageType == WebSocketMessageType.Close) return;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Gone or silent: the connection ends anyway.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        var limit = _endpoint.Service.Options.MaxRequestBytes;
        while (_socket.State == WebSocketState.Open && _close is null)
        {
            var received = await _socket.ReceiveAsync(buffer, _closed.Token).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close) return;
            message.Write(buffer, 0, received.Count);
            if (message.Length > limit)
            {
                Close((WebSocketCloseStatus)4400, "Message too large");
                return;
            }
            if (!received.EndOfMessage) continue;
            if (received.MessageType != WebSocketMessageType.Text)
            {
                Close((WebSocketCloseStatus)4400, "Binary messages are not supported");
                return;
            }
            var bytes = message.ToArray();
            message.SetLength(0);
            await HandleAsync(bytes).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = _endpoint.Service.Options.MaxVariablesDepth + 4 });
        }
        catch (JsonException)
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received: not JSON");
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                Close((WebSocketCloseStatus)4400, "Invalid message received: no type");
                return;
            }
            switch (typeElement.GetString())
            {
                case "connection_init":
                    if (_initReceived)
                    {
                        Close((WebSocketCloseStatus)4429, "Too many initialisation requests");
                        return;
                    }
                    _initReceived = true;
                    if (root.TryGetProperty("payload", out var init) && init.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in new[] { "Authorization", "authorization" })
                            if (init.TryGetProperty(name, out var auth) && auth.ValueKind == JsonValueKind.String)
                                _access = GraphQLHttpEndpoint.AccessOfKey(auth.GetString(), _endpoint.Service.Options);
                    }
                    _acknowledged = true;
                    Send("{\"type\":\"connection_ack\"}");
                    return;
                case "ping":
                    Send("{\"type\":\"pong\"}");
                    return;
                case "pong":
                    return;
                case "subscribe":
                    await SubscribeAsync(root).ConfigureAwait(false);
                    return;
                case "complete":
                    if (Id(root) is { } done) Stop(done);
                    return;
                default:
                    Close((WebSocketCloseStatus)4400, "Invalid message received: unknown type");
                    return;
            }
        }
    }

    private static string? Id(JsonElement root) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } s ? s : null;

    private async Task SubscribeAsync(JsonElement root)
    {
        if (!_acknowledged)
        {
            Close((WebSocketCloseStatus)4401, "Unauthorized");
            return;
        }
        var id = Id(root);
        if (id is null || !root.TryGetProperty("payload", out var payload))
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received: subscribe needs id and payload");
            return;
        }
        var (request, error) = _endpoint.ParsePayload(payload);
        if (request is null)
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received: " + error);
            return;
        }
        lock (_lock)
        {
            if (_operations.ContainsKey(id))
            {
                Close((WebSocketCloseStatus)4409, $"Subscriber for {id} already exists");
                return;
            }
            if (_operations.Count >= _options.MaxPerConnection)
            {
                SendError(id, KgErrorCodes.SubscriptionLimit, $"This connection already runs {_options.MaxPerConnection} operations (GraphQL:Subscriptions:MaxPerConnection).");
                return;
            }
            _operations[id] = null; // reserved while it starts
        }
        if (!_limiter.TryAcquire(_options.MaxPerServer))
        {
            lock (_lock) _operations.Remove(id);
            SendError(id, KgErrorCodes.SubscriptionLimit, $"The server already runs {_options.MaxPerServer} subscriptions (GraphQL:Subscriptions:MaxPerServer).");
            return;
        }
        var acquired = true;
        try
        {
            var result = await _endpoint.ExecuteOperationAsync(request, _access, _services, _closed.Token).ConfigureAwait(false);
            if (result.Streams is { Count: > 0 } streams)
            {
                var observer = new Observer(this, id);
                var subscription = streams.Values.First().Subscribe(observer);
                lock (_lock)
                {
                    if (_operations.ContainsKey(id) && !observer.Finished)
                    {
                        _operations[id] = new Release(subscription, _limiter);
                        acquired = false;
                        return;
                    }
                }
                subscription.Dispose();
                return;
            }
            // A request that failed before any data (validation, a refused subscription) is the protocol's error message.
            if (!result.Executed || (result.Data is null && result.Errors is { Count: > 0 })) SendRaw(id, "error", ErrorsJson(result));
            else
            {
                SendRaw(id, "next", _endpoint.Service.Serializer.Serialize(result));
                SendRaw(id, "complete", null);
            }
            lock (_lock) _operations.Remove(id);
        }
        finally
        {
            if (acquired) _limiter.Release();
        }
    }

    private string ErrorsJson(ExecutionResult result)
    {
        // The error message's payload is the errors array of the result.
        using var json = JsonDocument.Parse(_endpoint.Service.Serializer.Serialize(result));
        return json.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private void SendError(string id, string code, string message) =>
        SendRaw(id, "error", ErrorsJson(new ExecutionResult(new ExecutionError(message) { Code = code })));

    private void SendRaw(string id, string type, string? payload)
    {
        var sb = new StringBuilder("{\"id\":").Append(JsonSerializer.Serialize(id)).Append(",\"type\":\"").Append(type).Append('"');
        if (payload is not null) sb.Append(",\"payload\":").Append(payload);
        Send(sb.Append('}').ToString());
    }

    private void Send(string message)
    {
        if (_close is not null) return;
        if (_outgoing.Writer.TryWrite(message)) return;
        // The client does not read: it is dropped rather than letting its messages pile up.
        _overflow = true;
        LogSlowConsumer(_options.SendQueueLimit);
        Close(SlowConsumer, $"Slow consumer: more than {_options.SendQueueLimit} messages waiting");
        _ = AbortLaterAsync();
    }

    /// <summary>A client that does not read cannot receive the close frame either: it gets
    /// <see cref="SlowConsumerGrace"/> to read what is in flight and the close frame, then the connection is reset.</summary>
    private async Task AbortLaterAsync()
    {
        try
        {
            await Task.Delay(SlowConsumerGrace, _closed.Token).ConfigureAwait(false);
            _socket.Abort();
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>How long a dropped slow consumer has to read its close frame.</summary>
    public static readonly TimeSpan SlowConsumerGrace = TimeSpan.FromSeconds(30);

    private void Close(WebSocketCloseStatus code, string reason)
    {
        lock (_lock)
        {
            if (_close is not null) return;
            _close = (code, reason);
        }
        _outgoing.Writer.TryComplete();
        StopAll();
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_closed.Token).ConfigureAwait(false))
            {
                if (_overflow) continue; // dropped: only the close frame follows
                var bytes = Encoding.UTF8.GetBytes(message);
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _closed.Token).ConfigureAwait(false);
            }
            if (_close is { } close && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var grace = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
                grace.CancelAfter(_overflow ? SlowConsumerGrace : TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(close.Code, close.Reason, grace.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            _socket.Abort();
        }
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _closed.Token).ConfigureAwait(false);
            if (!_initReceived) Close((WebSocketCloseStatus)4408, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(_options.KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(_closed.Token).ConfigureAwait(false))
                if (_acknowledged) Send("{\"type\":\"ping\"}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Stop(string id)
    {
        IDisposable? operation;
        lock (_lock)
        {
            if (!_operations.Remove(id, out operation)) return;
        }
        operation?.Dispose();
    }

    private void StopAll()
    {
        List<IDisposable?> all;
        lock (_lock)
        {
            all = [.. _operations.Values];
            _operations.Clear();
        }
        foreach (var op in all) op?.Dispose();
    }

    private sealed class Release(IDisposable subscription, SubscriptionLimiter limiter) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            subscription.Dispose();
            limiter.Release();
        }
    }

    /// <summary>Turns a subscription's results into messages of its id.</summary>
    private sealed class Observer(GraphQLWebSocketConnection connection, string id) : IObserver<ExecutionResult>
    {
        public bool Finished { get; private set; }

        public void OnNext(ExecutionResult value) =>
            connection.SendRaw(id, "next", connection._endpoint.Service.Serializer.Serialize(value));

        public void OnError(Exception error)
        {
            Finished = true;
            var e = error as ExecutionError ?? new ExecutionError(error.Message) { Code = KgErrorCodes.Unexpected };
            connection.SendRaw(id, "error", connection.ErrorsJson(new ExecutionResult(e)));
            connection.Stop(id);
        }

        public void OnCompleted()
        {
            Finished = true;
            connection.SendRaw(id, "complete", null);
            connection.Stop(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL WebSocket client dropped: more than {Limit} messages waiting (slow consumer)")]
    private partial void LogSlowConsumer(int limit);
}
