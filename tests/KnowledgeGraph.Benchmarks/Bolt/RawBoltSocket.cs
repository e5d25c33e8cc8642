using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Protocol.PackStream;

namespace KnowledgeGraph.Benchmarks.Bolt;

/// <summary>
/// A blocking Bolt 5 client on one socket for the <c>bolt-tx</c> bench: requests are encoded once, sent as they
/// would be pipelined by a driver, and replies are only framed and counted (plus the signature checked), so the
/// client costs as little CPU as a client can and the process's CPU is mostly the server's.
/// </summary>
internal sealed class RawBoltSocket : IDisposable
{
    private const byte Failure = 0x7F;

    private readonly Socket _socket;
    private readonly byte[] _input = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawBoltSocket(Socket socket) => _socket = socket;

    public static RawBoltSocket ConnectReady(IPEndPoint endPoint, string user, string password)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endPoint);
        var client = new RawBoltSocket(socket);
        // Magic, then 5.8 down to 5.0 as one proposal.
        client.SendRaw([0x60, 0x60, 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        client.Fill(4);
        client._start += 4;
        client.Exchange(Encode(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "kg-bench/1.0" })), 1);
        client.Exchange(Encode(new LogonMessage(new Dictionary<string, object?>
        {
            ["scheme"] = "basic",
            ["principal"] = user,
            ["credentials"] = password,
        })), 1);
        return client;
    }

    /// <summary>The chunked bytes of the messages, back to back (one write, as a driver pipelines them).</summary>
    public static byte[] Encode(params IBoltMessage[] messages)
    {
        var packer = new PackStreamWriter();
        var output = new List<byte>();
        foreach (var message in messages)
        {
            packer.Reset();
            message.Write(packer);
            var body = packer.Written.Span;
            if (body.Length > ushort.MaxValue) throw new InvalidOperationException("The bench sends small messages only.");
            output.Add((byte)(body.Length >> 8));
            output.Add((byte)body.Length);
            output.AddRange(body.ToArray());
            output.Add(0);
            output.Add(0);
        }
        return [.. output];
    }

    /// <summary>Sends the bytes and reads <paramref name="replies"/> whole messages; a FAILURE throws.</summary>
    public void Exchange(byte[] request, int replies)
    {
        SendRaw(request);
        var signature = -1;
        while (replies > 0)
        {
            Fill(2);
            int size = BinaryPrimitives.ReadUInt16BigEndian(_input.AsSpan(_start, 2));
            _start += 2;
            if (size == 0)
            {
                if (signature == Failure) throw new InvalidOperationException("The server answered FAILURE.");
                if (signature >= 0) replies--;
                signature = -1;
                continue;
            }
            Fill(size);
            if (signature < 0) signature = _input[_start + 1];
            _start += size;
        }
    }

    private void SendRaw(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length) sent += _socket.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
    }

    private void Fill(int count)
    {
        if (_end - _start >= count) return;
        _input.AsSpan(_start, _end - _start).CopyTo(_input);
        _end -= _start;
        _start = 0;
        while (_end < count)
        {
            var read = _socket.Receive(_input, _end, _input.Length - _end, SocketFlags.None);
            if (read == 0) throw new EndOfStreamException("The server closed the connection.");
            _end += read;
        }
    }

    public void Dispose() => _socket.Dispose();
}
