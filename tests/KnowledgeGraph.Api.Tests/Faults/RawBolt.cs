using System.Net;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>Bare Bolt 5 connections (the shared <see cref="RawBoltClient"/>) to the API process, for requests a driver
/// would never send.</summary>
internal static class RawBolt
{
    public const string User = "neo4j";
    public const string Password = "knowledgegraph"; // the Development default the API falls back to

    /// <summary>Connects (from <paramref name="from"/>, e.g. 127.0.0.2, when given) and negotiates Bolt 5.8..5.1; the
    /// service process is slower than an in-process server, so waits are longer, and replies may be large.</summary>
    public static async Task<RawBoltClient> ConnectAsync(int port, IPAddress? from = null)
    {
        var bolt = await RawBoltClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), from, maxMessageSize: 64 * 1024 * 1024);
        bolt.ReceiveTimeoutMs = 30_000;
        bolt.CloseTimeoutMs = 10_000;
        var version = await bolt.HandshakeAsync([0, 8, 8, 5]);
        if (version[3] != 5 || version[2] < 1) throw new InvalidOperationException($"unexpected version {version[3]}.{version[2]}");
        return bolt;
    }

    /// <summary>HELLO then LOGON with the service's credentials; returns LOGON's reply.</summary>
    public static Task<IBoltMessage> LogInAsync(this RawBoltClient bolt, string user = User, string password = Password) =>
        bolt.LogInAsync(user, password, userAgent: "fault-tests/1");

    public static async Task<RawBoltClient> ConnectReadyAsync(int port)
    {
        var bolt = await ConnectAsync(port);
        var reply = await bolt.LogInAsync();
        if (reply is not SuccessMessage) throw new InvalidOperationException($"login failed: {RawBoltClient.Describe(reply)}");
        return bolt;
    }
}
