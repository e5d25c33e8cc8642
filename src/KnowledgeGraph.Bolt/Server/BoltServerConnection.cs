using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol;
using KnowledgeGraph.Bolt.Protocol.Chunking;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;
using KnowledgeGraph.Errors;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Bolt.Server;

/// <summary>
/// One client connection: the handshake, then a strict request/response loop driving the Bolt 5 state machine.
/// Requests are handled one at a time in arrival order (Bolt pipelining only queues them); replies are
/// buffered and flushed when no further request is already buffered, so a pipelined RUN+PULL costs one write.
/// Any protocol violation, malformed message, timeout or I/O error ends the connection, never the server.
/// </summary>
internal sealed partial class BoltServerConnection : IAsyncDisposable
{
    private const int FlushThreshold = 256 * 1024;

    private readonly BoltServer _server;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _abort;
    private readonly PackStreamWriter _packer = new();
    private Stream? _stream;
    private ChunkReader? _reader;
    private ChunkWriter? _writer;
    private BoltConnectionState _state = BoltConnectionState.Negotiation;
    private int _minor;
    private bool _readOnlyUser;
    private string? _routingAddress;

    public BoltServerConnection(BoltServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        _socket.NoDelay = true;
        Id = id;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(server.Stopping);
    }

    public long Id { get; }

    public BoltConnectionState State => _state;

    private BoltServerOptions Options => _server.Options;

    private ILogger Logger => _server.Logger;

    /// <summary>Closes the socket; the loop notices at its next await.</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }
        _socket.Dispose();
    }

    public async Task RunAsync()
    {
        _stream = new NetworkStream(_socket, ownsSocket: true);
        try
        {
            if (Options.Certificate is { } certificate)
            {
                var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
                _stream = ssl;
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
                cts.CancelAfter(Options.HandshakeTimeout);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cts.Token).ConfigureAwait(false);
            }
            _reader = new ChunkReader(_stream, Options.MaxMessageBytes);
            _writer = new ChunkWriter(_stream);
            if (!await HandshakeAsync().ConfigureAwait(false)) return;
            while (_state != BoltConnectionState.Defunct)
            {
                var raw = await ReadWithTimeoutAsync().ConfigureAwait(false);
                IBoltMessage message;
                try
                {
                    message = BoltMessageCodec.ReadRequest(raw);
                }
                catch (PackStreamException e)
                {
                    await CloseWithFailureAsync(ErrorCodes.InvalidFormat, e.Message).ConfigureAwait(false);
                    return;
                }
                await HandleAsync(message).ConfigureAwait(false);
                if (!_reader.HasBufferedInput || _writer.PendingBytes > FlushThreshold)
                    await FlushRepliesAsync().ConfigureAwait(false);
            }
            await FlushRepliesAsync().ConfigureAwait(false);
        }
        catch (BoltProtocolException e)
        {
            Logger.LogDebug("Bolt connection {Id}: protocol violation: {Message}", Id, e.Message);
            await CloseWithFailureAsync(ErrorCodes.ProtocolError, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Logger.LogDebug("Bolt connection {Id} timed out or the server is stopping.", Id);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            Logger.LogDebug("Bolt connection {Id} closed: {Message}", Id, e.Message);
        }
        finally
        {
            _state = BoltConnectionState.Defunct;
            await CloseWorkAsync().ConfigureAwait(false);
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadWithTimeoutAsync()
    {
        var timeout = _state is BoltConnectionState.Connected or BoltConnectionState.Authentication
            ? Options.HandshakeTimeout
            : Options.IdleTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        cts.CancelAfter(timeout);
        return await _reader!.ReadMessageAsync(cts.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the 4-byte magic and four 4-byte proposals (<c>00 range minor major</c>). When a proposal is the
    /// manifest v1 (<c>00 00 01 FF</c>), answers with the manifest: <c>00 00 01 FF</c>, varint 1, the range
    /// <c>00 08 08 05</c> (5.8 down to 5.0), varint capabilities 0; the client then sends its choice
    /// (<c>00 00 minor major</c> + varint capabilities). Otherwise picks the highest 5.x minor (≤ 8) any proposal
    /// covers and answers old-style with 4 bytes, or zeros (then closes) when none fits.
    /// </summary>
    private async Task<bool> HandshakeAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        cts.CancelAfter(Options.HandshakeTimeout);
        var hello = await _reader!.ReadRawAsync(20, cts.Token).ConfigureAwait(false);
        var bytes = hello.Span;
        if (bytes[0] != 0x60 || bytes[1] != 0x60 || bytes[2] != 0xB0 || bytes[3] != 0x17)
        {
            Logger.LogDebug("Bolt connection {Id}: not a Bolt client (bad magic); closing.", Id);
            return false;
        }
        var chosen = -1;
        var manifest = false;
        for (var i = 0; i < 4; i++)
        {
            var p = bytes.Slice(4 + i * 4, 4);
            int range = p[1], minor = p[2], major = p[3];
            if (major == 0xFF && minor == 1) manifest = true;
            if (major != 5) continue;
            var top = Math.Min(minor, 8);
            var bottom = minor - range;
            if (top >= bottom && top > chosen) chosen = top;
        }
        if (manifest) return await ManifestHandshakeAsync(cts.Token).ConfigureAwait(false);
        if (chosen < 0)
        {
            _writer!.WriteRaw([0, 0, 0, 0]);
            await _writer.FlushAsync(_abort.Token).ConfigureAwait(false);
            Logger.LogDebug("Bolt connection {Id}: no common protocol version; closing.", Id);
            return false;
        }
        _minor = chosen;
        _writer!.WriteRaw([0, 0, (byte)chosen, 5]);
        await _writer.FlushAsync(_abort.Token).ConfigureAwait(false);
        _state = BoltConnectionState.Connected;
        return true;
    }

    private async Task<bool> ManifestHandshakeAsync(CancellationToken cancellationToken)
    {
        // Everything in one write: clients parse the manifest from the same read as the 4-byte reply.
        _writer!.WriteRaw([0, 0, 1, 0xFF, 0x01, 0x00, 0x08, 0x08, 0x05, 0x00]);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var choice = (await _reader!.ReadRawAsync(4, cancellationToken).ConfigureAwait(false)).ToArray();
        // Capabilities: a varint (7 bits per byte, high bit = more); we offer none and ignore what comes back.
        for (var i = 0; ; i++)
        {
            var b = (await _reader.ReadRawAsync(1, cancellationToken).ConfigureAwait(false)).Span[0];
            if ((b & 0x80) == 0) break;
            if (i >= 9) throw new BoltProtocolException("Malformed capabilities varint in the handshake.");
        }
        if (choice[3] != 5 || choice[2] > 8)
        {
            Logger.LogDebug("Bolt connection {Id}: client chose {Major}.{Minor} from the manifest; closing.", Id, choice[3], choice[2]);
            return false;
        }
        _minor = choice[2];
        _state = BoltConnectionState.Connected;
        return true;
    }

    /// <summary>
    /// Sends buffered replies. A client that stops reading fills its socket buffers and would park this task on
    /// the write forever (holding its transaction); the idle timeout bounds that wait too.
    /// </summary>
    private async Task FlushRepliesAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        cts.CancelAfter(Options.IdleTimeout);
        await _writer!.FlushAsync(cts.Token).ConfigureAwait(false);
    }

    private void Send(IBoltMessage message)
    {
        _packer.Reset();
        message.Write(_packer);
        _writer!.WriteMessage(_packer.Written.Span);
    }

    private void SendSuccess(IReadOnlyDictionary<string, object?> metadata) => Send(new SuccessMessage(metadata));

    private void SendIgnored() => Send(IgnoredMessage.Instance);

    private async Task CloseWithFailureAsync(string code, string message)
    {
        try
        {
            Send(new FailureMessage(FailureMetadata(code, message)));
            await _writer!.FlushAsync(_abort.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the peer is gone; nothing more to tell it
        }
        _state = BoltConnectionState.Defunct;
    }

    private string RouteAddress()
    {
        if (Options.AdvertisedAddress is { } advertised) return advertised;
        if (_routingAddress is { } dialled) return dialled;
        var local = (IPEndPoint)_socket.LocalEndPoint!;
        var host = local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4().ToString() : local.Address.ToString();
        return local.AddressFamily == AddressFamily.InterNetworkV6 && !local.Address.IsIPv4MappedToIPv6
            ? $"[{host}]:{local.Port}"
            : $"{host}:{local.Port}";
    }

    public async ValueTask DisposeAsync()
    {
        await CloseWorkAsync().ConfigureAwait(false);
        if (_stream is not null) await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _abort.Dispose();
    }
}
