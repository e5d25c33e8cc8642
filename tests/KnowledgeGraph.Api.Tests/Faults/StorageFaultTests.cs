using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Faults;

/// <summary>Storage faults against the real service process: a full disk, and a damaged log tail at restart.</summary>
public sealed class StorageFaultTests
{
    private const string User = "neo4j";
    private const string Password = "storage-fault-test-password";
    private const string ApiKey = "storage-fault-curator-key-0123";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ResumeWritesAsync(ApiProcess api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, "/admin/resume-writes"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static ApiProcess Start(string data, params string[] extra) =>
        ApiProcess.Start(data, [$"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false", .. extra]);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(ApiProcess api, string path)
    {
        using var response = await Http.GetAsync(new Uri(api.BaseAddress, path));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [SmallFileSystemFact]
    public async Task DiskFull_Should_RefuseWritesWith503Health_AndResume_When_SpaceIsFreed()
    {
        using var mount = SmallFileSystem.TryMount(16);
        Assert.Null(mount.SkipReason);
        var filler = Path.Combine(mount.Path, "filler");
        await using var api = Start(Path.Combine(mount.Path, "data"), $"--GraphQL:ApiKey={ApiKey}");
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
        await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);
        await driver.ExecuteQueryAsync("CREATE (:Fault {n: 0})");
        var acknowledged = 1L;

        SmallFileSystem.Fill(filler);
        GraphException? refused = null;
        for (var i = 1; i < 2000 && refused is null; i++)
        {
            try
            {
                await driver.ExecuteQueryAsync("CREATE (:Fault {n: $n, pad: $pad})", new Dictionary<string, object?> { ["n"] = (long)i, ["pad"] = new string('x', 4000) });
                acknowledged++;
            }
            catch (GraphException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(ErrorCodes.DatabaseUnavailable, refused.Code);
        Assert.Contains("space", refused.Message, StringComparison.OrdinalIgnoreCase);

        // Readiness says why; liveness stays 200 (restarting would not help); reads keep working; writes stay refused.
        var (healthStatus, health) = await GetAsync(api, "/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("read-only", health.GetProperty("graph").GetProperty("state").GetString());
        Assert.False(health.GetProperty("graph").GetProperty("writable").GetBoolean());
        Assert.Contains("space", health.GetProperty("graph").GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(api, "/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(api, "/health/live")).Status);
        var count = await driver.ExecuteQueryAsync("MATCH (f:Fault) RETURN count(f) AS c", accessMode: AccessMode.Read);
        Assert.Equal(acknowledged, Assert.Single(count.Records)["c"]);
        var again = await Assert.ThrowsAnyAsync<GraphException>(() => driver.ExecuteQueryAsync("CREATE (:Fault {n: -1})"));
        Assert.Equal(ErrorCodes.DatabaseUnavailable, again.Code);

        // The operator command cannot help while the disk is still full, and says why.
        var (stillFull, reason) = await ResumeWritesAsync(api);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillFull);
        Assert.False(reason.GetProperty("writable").GetBoolean());
        Assert.Contains("space", reason.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);

        // Free the space: the store's retry resumes writes without a restart.
        File.Delete(filler);
        var waited = Stopwatch.StartNew();
        while ((await GetAsync(api, "/health")).Status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(200);
        var (after, afterBody) = await GetAsync(api, "/health");
        Assert.True(after == HttpStatusCode.OK, afterBody.ToString());
        Assert.True(afterBody.GetProperty("graph").GetProperty("writable").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await ResumeWritesAsync(api)).Status);
        await driver.ExecuteQueryAsync("CREATE (:Fault {n: -2})");
        count = await driver.ExecuteQueryAsync("MATCH (f:Fault) RETURN count(f) AS c", accessMode: AccessMode.Read);
        Assert.Equal(acknowledged + 1, Assert.Single(count.Records)["c"]);
    }

    [Fact]
    public async Task Restart_Should_RefuseWithOneLine_When_LogTailLostAcknowledgedCommits_AndOpenWhenLossIsAccepted()
    {
        using var data = new TempDirectory();
        await using (var api = Start(data.Path))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
            await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);
            for (var i = 0; i < 100; i++)
            {
                await driver.ExecuteQueryAsync("CREATE (:Ack {n: $n, pad: $pad})", new Dictionary<string, object?> { ["n"] = (long)i, ["pad"] = new string('p', 50) });
            }

            await api.KillAsync();
        }

        var segment = Directory.GetFiles(data.Path, "wal-*.log").Order(StringComparer.Ordinal).Last();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.Seek(-Math.Min(4096, file.Length), SeekOrigin.End);
            file.Write(new byte[Math.Min(4096, file.Length)]);
        }

        await using (var api = Start(data.Path))
        {
            Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the service started on a log that lost acknowledged commits");
            Assert.NotEqual(0, api.ExitCode);
            var error = Assert.Single(api.Output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains("lost", error, StringComparison.Ordinal);
            Assert.Contains("Graph:Recovery:AcceptDataLoss=true", error, StringComparison.Ordinal);
            Assert.Contains("crit: KnowledgeGraph.Storage", api.Output, StringComparison.Ordinal); // logged, too
            Assert.Contains("The store refused to open", api.Output, StringComparison.Ordinal);
        }

        long survivors;
        await using (var api = Start(data.Path, "--Graph:Recovery:AcceptDataLoss=true"))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == HttpStatusCode.OK, $"not healthy with AcceptDataLoss: {body}\n{api.Output}");
            Assert.Contains("Data loss accepted", api.Output, StringComparison.Ordinal);
            await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", User, Password);
            var count = await driver.ExecuteQueryAsync("MATCH (a:Ack) RETURN count(a) AS c", accessMode: AccessMode.Read);
            survivors = (long)Assert.Single(count.Records)["c"]!;
            Assert.InRange(survivors, 0, 99);
        }

        // The loss was recorded: a plain restart opens without the setting.
        await using (var api = Start(data.Path))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == HttpStatusCode.OK, $"not healthy after the accepted loss: {body}\n{api.Output}");
        }
    }
}
