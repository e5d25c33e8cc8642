using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary>What the service acknowledged survives a SIGKILL of the whole process.</summary>
public sealed class DurabilityTests
{
    private const string User = "neo4j";
    private const string Password = "durability-test-password";

    [Fact]
    public async Task AcknowledgedWrites_Should_SurviveRestart_When_ServiceKilledWithSigkill()
    {
        using var data = new TempDirectory();
        var acknowledged = 0;

        await using (var api = ApiProcess.Start(data.Path, $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false"))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");

            await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);
            for (var i = 0; i < 50; i++)
            {
                await driver.ExecuteQueryAsync("CREATE (:AckTest {n: $n})", new Dictionary<string, object?> { ["n"] = (long)i });
                acknowledged++;
            }

            await api.KillAsync();
        }

        await using (var api = ApiProcess.Start(data.Path, $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false"))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == System.Net.HttpStatusCode.OK, $"not healthy after restart: {body}\n{api.Output}");

            await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);
            var result = await driver.ExecuteQueryAsync(
                "MATCH (a:AckTest) RETURN count(a) AS c, min(a.n) AS lo, max(a.n) AS hi", accessMode: AccessMode.Read);
            var record = Assert.Single(result.Records);
            Assert.Equal((long)acknowledged, record["c"]);
            Assert.Equal(0L, record["lo"]);
            Assert.Equal((long)acknowledged - 1, record["hi"]);
        }
    }
}
