using System.Net.Security;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Bolt.Client;

internal sealed partial class BoltClientConnection
{
    /// <summary>Connects, optionally wraps in TLS, negotiates Bolt 5.0–5.8 and authenticates (HELLO, and LOGON from 5.1).</summary>
    public static async Task<BoltClientConnection> OpenAsync(
        ServerAddress address, BoltTlsMode tls, BoltDriverOptions options,
        IReadOnlyDictionary<string, string>? routingContext, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectionTimeout);
        var token = timeout.Token;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: false);
            if (tls != BoltTlsMode.None)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = address.Host,
                    RemoteCertificateValidationCallback = tls == BoltTlsMode.SelfSigned
                        ? (_, _, _, _) => true
                        : options.CertificateValidation,
                }, token).ConfigureAwait(false);
            }
            var connection = new BoltClientConnection(address, socket, stream);
            try
            {
                await connection.HandshakeAsync(token).ConfigureAwait(false);
                await connection.AuthenticateAsync(options, routingContext, token).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Cleanup();
            throw new GraphException(ErrorCodes.ServiceUnavailable, $"Connecting to {address} timed out after {options.ConnectionTimeout.TotalSeconds:0.#}s.");
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            Cleanup();
            throw new GraphException(ErrorCodes.ServiceUnavailable, $"Unable to connect to {address}: {e.Message}", e);
        }

        void Cleanup()
        {
            stream?.Dispose();
            socket.Dispose();
        }
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        // Magic, then one proposal covering 5.8 down to 5.0 (range 8), and three empty slots.
        _writer.WriteRaw([0x60, 0x60, 0xB0, 0x17, 0x00, 0x08, 0x08, 0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var reply = (await _reader.ReadRawAsync(4, cancellationToken).ConfigureAwait(false)).ToArray();
        if (reply[3] != 5 || reply[2] > 8)
        {
            IsDefunct = true;
            throw new GraphException(ErrorCodes.ServiceUnavailable,
                reply.All(b => b == 0)
                    ? $"The server at {Address} supports none of the Bolt versions 5.0-5.8."
                    : $"The server at {Address} chose an unexpected Bolt version {reply[3]}.{reply[2]}.");
        }
        Minor = reply[2];
    }

    private async Task AuthenticateAsync(BoltDriverOptions options, IReadOnlyDictionary<string, string>? routingContext, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, object?> { ["user_agent"] = options.UserAgent };
        if (routingContext is not null)
            extra["routing"] = routingContext.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        if (Minor >= 3)
        {
            extra["bolt_agent"] = new Dictionary<string, object?>
            {
                ["product"] = options.UserAgent,
                ["platform"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["language"] = "C#/" + Environment.Version,
            };
        }
        var auth = new Dictionary<string, object?>
        {
            ["scheme"] = "basic",
            ["principal"] = options.Username,
            ["credentials"] = options.Password,
        };
        if (Minor == 0)
        {
            foreach (var (k, v) in auth) extra[k] = v;
        }
        Enqueue(new HelloMessage(extra));
        if (Minor >= 1) Enqueue(new LogonMessage(auth));
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var hello = await ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
        ServerAgent = hello.GetString("server");
        if (Minor >= 1) await ExpectSuccessAsync(cancellationToken).ConfigureAwait(false);
    }
}
