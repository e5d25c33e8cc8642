using System.Net;
using Xunit;
using KnowledgeGraph.Bolt.Protocol.Messages;
using KnowledgeGraph.Bolt.Tests.Infrastructure;

namespace KnowledgeGraph.Testing;

/// <summary>The in-process test server's way in (its credentials, any 5.x minor, HELLO with auth on 5.0).</summary>
public sealed partial class RawBoltClient
{
    /// <summary>Connects, negotiates (5.8..5.0 by default), and for a known version sends HELLO (+LOGON).</summary>
    public static async Task<RawBoltClient> ConnectReadyAsync(IPEndPoint endPoint, int maxMinor = 8, string user = BoltTestServer.User, string password = BoltTestServer.Password)
    {
        var client = await ConnectAsync(endPoint);
        var version = await client.HandshakeAsync([0, (byte)maxMinor, (byte)maxMinor, 5]);
        Assert.Equal(5, version[3]);
        var auth = new Dictionary<string, object?> { ["scheme"] = "basic", ["principal"] = user, ["credentials"] = password };
        if (client.Minor == 0)
        {
            var hello = new Dictionary<string, object?>(auth) { ["user_agent"] = "raw/1" };
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(hello)));
        }
        else
        {
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new HelloMessage(new Dictionary<string, object?> { ["user_agent"] = "raw/1" })));
            Assert.IsType<SuccessMessage>(await client.RequestAsync(new LogonMessage(auth)));
        }
        return client;
    }
}
