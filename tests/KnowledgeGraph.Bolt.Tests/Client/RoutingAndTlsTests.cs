using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Bolt.Tests.Infrastructure;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using Xunit;

namespace KnowledgeGraph.Bolt.Tests.Client;

public sealed class RoutingAndTlsTests
{
    private static BoltDriverOptions Options(string uri) => new()
    {
        Uri = uri,
        Username = BoltTestServer.User,
        Password = BoltTestServer.Password,
        ConnectionTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task RoutingDriver_Should_UseTableFromOurServer_When_Neo4jScheme()
    {
        await using var server = await BoltTestServer.StartAsync();
        await using var driver = new BoltDriver(Options(server.RoutingUri));
        Assert.Null(driver.RoutingTable!.Readers.FirstOrDefault().Host);
        var write = await driver.ExecuteQueryAsync("CREATE (n:Routed) RETURN 1 AS x");
        var read = await driver.ExecuteQueryAsync("MATCH (n:Routed) RETURN count(n) AS c", accessMode: AccessMode.Read);
        Assert.Equal(1L, read.Records.Single()["c"]);
        Assert.Equal(1L, write.Records.Single()["x"]);
        var table = driver.RoutingTable!;
        var expected = new ServerAddress("127.0.0.1", server.Port);
        Assert.Equal([expected], table.Routers);
        Assert.Equal([expected], table.Readers);
        Assert.Equal([expected], table.Writers);
        Assert.InRange((table.ExpiresUtc - DateTime.UtcNow).TotalSeconds, 200, 301);
    }

    [Fact]
    public async Task RoutingDriver_Should_SendWorkToAdvertisedServer_When_RouterPointsElsewhere()
    {
        // Server B holds the data; router A advertises B in every role, so reads and writes go to B.
        await using var b = await BoltTestServer.StartAsync();
        await using var a = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:AdvertisedAddress"] = $"127.0.0.1:{b.Port}" });
        await using var driver = new BoltDriver(Options(a.RoutingUri));
        await driver.ExecuteQueryAsync("CREATE (:RoutedToB {v: 1})");
        var read = await driver.ExecuteQueryAsync("MATCH (n:RoutedToB) RETURN count(n) AS c", accessMode: AccessMode.Read);
        Assert.Equal(1L, read.Records.Single()["c"]);
        Assert.Equal([new ServerAddress("127.0.0.1", b.Port)], driver.RoutingTable!.Writers);
        Assert.Equal(1L, (await b.Database.ExecuteQueryAsync("MATCH (n:RoutedToB) RETURN count(n) AS c")).Records.Single()["c"]);
        Assert.Equal(0L, (await a.Database.ExecuteQueryAsync("MATCH (n:RoutedToB) RETURN count(n) AS c")).Records.Single()["c"]);
    }

    [Fact]
    public async Task RoutingDriver_Should_FailOver_When_AdvertisedServerIsDown()
    {
        await using var b = await BoltTestServer.StartAsync();
        var bPort = b.Port;
        await using var a = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:AdvertisedAddress"] = $"127.0.0.1:{bPort}" });
        await using var driver = new BoltDriver(Options(a.RoutingUri) with { MaxTransactionRetryTime = TimeSpan.FromSeconds(2), InitialRetryDelay = TimeSpan.FromMilliseconds(10) });
        await driver.ExecuteQueryAsync("RETURN 1");
        await b.StopAsync();
        var error = await Assert.ThrowsAnyAsync<GraphException>(() => driver.ExecuteQueryAsync("RETURN 1"));
        Assert.Equal(ErrorCodes.ServiceUnavailable, error.Code);
        // The unreachable server was dropped from the table, so the next call fetches a fresh one.
        Assert.DoesNotContain(new ServerAddress("127.0.0.1", bPort), driver.RoutingTable!.Writers);
    }

    [Fact]
    public async Task RoutingTable_Should_Refresh_When_TtlExpires()
    {
        await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?> { ["Bolt:RoutingTtlSeconds"] = "1" });
        await using var driver = new BoltDriver(Options(server.RoutingUri));
        await driver.ExecuteQueryAsync("RETURN 1");
        var first = driver.RoutingTable!.ExpiresUtc;
        await Task.Delay(1100);
        await driver.ExecuteQueryAsync("RETURN 1");
        Assert.True(driver.RoutingTable!.ExpiresUtc > first);
    }

    [Fact]
    public void Uri_Should_BeRejected_When_SchemeUnknownOrContextOnBolt()
    {
        Assert.Throws<ArgumentException>(() => BoltUri.Parse("http://localhost:7687"));
        Assert.Throws<ArgumentException>(() => BoltUri.Parse("bolt://localhost:7687?region=eu"));
        var parsed = BoltUri.Parse("neo4j+s://graph.example.org?region=eu");
        Assert.Equal((true, BoltTlsMode.Verified, 7687, "eu"), (parsed.Routing, parsed.Tls, parsed.Address.Port, parsed.RoutingContext["region"]));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "pw"), "pw");
    }

    [Fact]
    public async Task Tls_Should_Connect_When_CertificateTrustedOrSelfSignedAccepted()
    {
        using var certificate = SelfSignedCertificate();
        var pfx = Path.Combine(Path.GetTempPath(), $"bolt-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        try
        {
            await using var server = await BoltTestServer.StartAsync(new Dictionary<string, string?>
            {
                ["Bolt:Tls:CertificatePath"] = pfx,
                ["Bolt:Tls:CertificatePassword"] = "pw",
            });
            await using (var ssc = new BoltDriver(Options($"bolt+ssc://localhost:{server.Port}")))
                Assert.Equal(1L, (await ssc.ExecuteQueryAsync("RETURN 1 AS x")).Records.Single()["x"]);

            var pinned = Options($"neo4j+s://localhost:{server.Port}") with
            {
                CertificateValidation = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString(),
            };
            await using (var routed = new BoltDriver(pinned))
                Assert.Equal(2L, (await routed.ExecuteQueryAsync("RETURN 2 AS x")).Records.Single()["x"]);

            await using var untrusted = new BoltDriver(Options($"bolt+s://localhost:{server.Port}"));
            var error = await Assert.ThrowsAnyAsync<GraphException>(() => untrusted.VerifyConnectivityAsync());
            Assert.Equal(ErrorCodes.ServiceUnavailable, error.Code);

            await using var plain = new BoltDriver(Options($"bolt://localhost:{server.Port}") with { ConnectionTimeout = TimeSpan.FromSeconds(3) });
            await Assert.ThrowsAnyAsync<GraphException>(() => plain.VerifyConnectivityAsync());
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
