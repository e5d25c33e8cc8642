using Xunit;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests.Subscriptions;

/// <summary>A graphql-transport-ws client on a plain <see cref="ClientWebSocket"/>: it reads only when asked, so it
/// can play a consumer that stops reading, and it can send what a library never would.</summary>
internal sealed class RawGraphQLSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public static async Task<RawGraphQLSocket> ConnectAsync(Uri graphql, string? subprotocol = "graphql-transport-ws")
    {
        var raw = new RawGraphQLSocket();
        if (subprotocol is not null) raw._socket.Options.AddSubProtocol(subprotocol);
        await raw._socket.ConnectAsync(new Uri(graphql.ToString().Replace("http", "ws", StringComparison.Ordinal)), CancellationToken.None);
        return raw;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public async Task InitAsync()
    {
        await SendAsync(new { type = "connection_init" });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack?.GetProperty("type").GetString());
    }

    /// <summary>The next message, or null once the server closed (see <c>CloseStatus</c>).</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            using var doc = JsonDocument.Parse(message.ToArray());
            var element = doc.RootElement.Clone();
            if (element.GetProperty("type").GetString() == "ping") // keep-alive; not what tests wait for
            {
                message.SetLength(0);
                continue;
            }
            return element;
        }
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int?> ClosedAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveAsync(timeout) is not null)
        {
        }
        return (int?)_socket.CloseStatus;
    }

    public string? CloseDescription => _socket.CloseStatusDescription;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Dispose();
    }
}
