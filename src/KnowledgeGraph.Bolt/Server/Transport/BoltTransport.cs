using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server.Transport;

/// <summary>
/// Chooses the transport of a new connection from its first bytes, as Neo4j's server does on its one Bolt port:
/// the Bolt magic (<c>60 60 B0 17</c>) means plain Bolt; an HTTP request line means a browser opening a WebSocket,
/// which is upgraded here and then carries the same Bolt handshake and chunked messages in binary frames. Anything
/// else is handed on as plain Bolt, whose handshake refuses it. Runs after TLS, so <c>wss://</c> works wherever
/// <c>bolt+s://</c> does. Every read here is bounded by the caller's login deadline.
/// </summary>
internal static class BoltTransport
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Returns the stream the Bolt connection runs on (plain bytes or the WebSocket's payload), or null when the
    /// client sent an HTTP request that cannot be upgraded; it was answered with an HTTP error, and the caller closes.
    /// </summary>
    public static async Task<Stream?> SelectAsync(Stream stream, long connectionId, ILogger logger, CancellationToken cancellationToken)
    {
        // Invariant: buffer[..filled] holds every byte read so far, nothing has been consumed.
        var buffer = new byte[HttpUpgradeRequest.MaxBytes];
        var filled = 0;
        while (filled < 4)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled, 4 - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The client closed the connection before its handshake.");
            filled += read;
        }
        if (!LooksLikeHttp(buffer.AsSpan(0, 4))) return new ReplayStream(buffer.AsSpan(0, filled), stream);

        int end;
        while ((end = HttpUpgradeRequest.EndOfHead(buffer.AsSpan(0, filled))) < 0)
        {
            if (filled == buffer.Length)
            {
                await RefuseAsync(stream, 431, "Request Header Fields Too Large", "The upgrade request is larger than 8 KiB.", cancellationToken).ConfigureAwait(false);
                return null;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The client closed the connection inside its HTTP request.");
            filled += read;
        }
        var request = HttpUpgradeRequest.Parse(buffer.AsSpan(0, end - 4));
        if (request is null)
        {
            await RefuseAsync(stream, 400, "Bad Request", "Malformed HTTP request. This is a Bolt port: it accepts Bolt, and Bolt over WebSocket.", cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (request.Refusal is { } refusal)
        {
            logger.LogDebug("Bolt connection {Id}: HTTP {Method} {Target} refused with {Status} (not a WebSocket upgrade).", connectionId, request.Method, request.Target, refusal.Status);
            await RefuseAsync(stream, refusal.Status, refusal.Reason,
                "This is a Bolt port: it accepts Bolt, and Bolt over WebSocket (GET with Upgrade: websocket, Sec-WebSocket-Version: 13).",
                cancellationToken).ConfigureAwait(false);
            return null;
        }

        // No subprotocol and no extension is negotiated: Neo4j's drivers ask for neither, and a browser accepts a
        // response that names none when it proposed some (permessage-deflate is simply not used).
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {request.AcceptKey()}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Bolt connection {Id}: upgraded to WebSocket ({Target}).", connectionId, request.Target);

        // A client may pipeline its first frame behind the request: those bytes are the WebSocket's first input.
        var frames = end < filled ? new ReplayStream(buffer.AsSpan(end, filled - end), stream) : stream;
        var webSocket = WebSocket.CreateFromStream(frames, new WebSocketCreationOptions { IsServer = true });
        // Each write of the Bolt writer (one flush of replies) becomes one binary message; reads join frames and
        // messages into one byte stream, as Bolt's chunking needs. Disposing sends a close frame (1 s at most).
        return WebSocketStream.Create(webSocket, WebSocketMessageType.Binary, CloseTimeout);
    }

    /// <summary>Sends a close frame (normal closure) if the transport is a WebSocket that is still open for sending.</summary>
    public static async Task CloseOutputAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream is not WebSocketStream { WebSocket: { State: WebSocketState.Open or WebSocketState.CloseReceived } webSocket }) return;
        await webSocket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
    }

    // An HTTP method is upper-case ASCII letters followed by a space ("GET ", "POST", "HEAD", "PUT "); the Bolt magic
    // starts with 0x60, never a letter.
    internal static bool LooksLikeHttp(ReadOnlySpan<byte> first4)
    {
        foreach (var b in first4)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (byte)' ')) return false;
        }
        return first4[0] != (byte)' ';
    }

    private static async Task RefuseAsync(Stream stream, int status, string reason, string body, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(body + "\n");
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n"
            + (status == 426 ? "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n" : "")
            + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
