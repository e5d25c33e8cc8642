using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeGraph.Bolt.Client;
using KnowledgeGraph.Driver;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The admin verbs (<c>KnowledgeGraph.Api admin …</c>) and <c>/admin</c> endpoints, run for real against real
/// store files and the real service process.</summary>
public sealed class AdminTests
{
    private const string ApiKey = "admin-test-curator-key-0123456789";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private sealed record AdminRun(int ExitCode, string Out, string Error);

    private static async Task<AdminRun> AdminAsync(params string[] args)
    {
        using var process = Process.Start(ApiProcess.StartInfo(["admin", .. args]))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new AdminRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A store written by the service itself (seeded), then the service killed.</summary>
    private static async Task SeededStoreAsync(string data)
    {
        await using var api = ApiProcess.Start(data);
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");
        await api.KillAsync();
    }

    private static long NodesIn(AdminRun check) =>
        long.Parse(check.Out.Split('\n').Single(l => l.StartsWith("nodes: ", StringComparison.Ordinal)).Split(' ', ';')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Verbs_Should_CheckDumpAndLoad_When_StoreIsOffline()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var copy = Path.Combine(dir.Path, "copy");
        var dump = Path.Combine(dir.Path, "kg.dump");
        await SeededStoreAsync(data);

        var check = await AdminAsync("check", $"--Graph:DataDirectory={data}");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Contains("consistent", check.Out, StringComparison.Ordinal);
        Assert.Contains("dangling relationships: 0", check.Out, StringComparison.Ordinal);
        var nodes = NodesIn(check);
        Assert.True(nodes > 0);

        var dumped = await AdminAsync("dump", "--to", dump, $"--Graph:DataDirectory={data}");
        Assert.True(dumped.ExitCode == 0, dumped.Out + dumped.Error);
        Assert.Contains($"dumped {nodes} nodes", dumped.Out, StringComparison.Ordinal);

        var loaded = await AdminAsync("load", "--from", dump, $"--Graph:DataDirectory={copy}");
        Assert.True(loaded.ExitCode == 0, loaded.Out + loaded.Error);
        var copyCheck = await AdminAsync("check", $"--Graph:DataDirectory={copy}");
        Assert.True(copyCheck.ExitCode == 0, copyCheck.Out + copyCheck.Error);
        Assert.Equal(nodes, NodesIn(copyCheck));

        var refused = await AdminAsync("load", "--from", dump, $"--Graph:DataDirectory={data}");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Error, StringComparison.Ordinal);
        var overwritten = await AdminAsync("load", "--from", dump, "--overwrite", $"--Graph:DataDirectory={data}");
        Assert.True(overwritten.ExitCode == 0, overwritten.Out + overwritten.Error);

        var usage = await AdminAsync("frobnicate");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("unknown verb", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Should_ReportDamage_AndRecoverShouldAcceptTheLoss_When_LogTailIsZeroed()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        await SeededStoreAsync(data);
        var segment = Directory.GetFiles(data, "wal-*.log").Order(StringComparer.Ordinal).Last();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.Seek(-Math.Min(4096, file.Length), SeekOrigin.End);
            file.Write(new byte[Math.Min(4096, file.Length)]);
        }

        var check = await AdminAsync("check", $"--Graph:DataDirectory={data}");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("inconsistent: the store does not open", check.Out, StringComparison.Ordinal);
        Assert.Contains("lost", check.Out, StringComparison.Ordinal);

        var noFlag = await AdminAsync("recover", $"--Graph:DataDirectory={data}");
        Assert.Equal(2, noFlag.ExitCode);
        var recover = await AdminAsync("recover", "--accept-data-loss", $"--Graph:DataDirectory={data}");
        Assert.True(recover.ExitCode == 0, recover.Out + recover.Error);
        Assert.Contains("Data loss accepted", recover.Out, StringComparison.Ordinal);
        var after = await AdminAsync("check", $"--Graph:DataDirectory={data}");
        Assert.True(after.ExitCode == 0, after.Out + after.Error);
    }

    [Fact]
    public async Task BackupEndpoint_Should_NeedTheCuratorKey_AndWriteALoadableDump_While_ServiceRuns()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var backups = Path.Combine(dir.Path, "backups");
        var restored = Path.Combine(dir.Path, "restored");
        JsonElement backup;
        await using (var api = ApiProcess.Start(data, $"--GraphQL:ApiKey={ApiKey}", $"--Graph:BackupDirectory={backups}", "--Bolt:Username=neo4j", "--Bolt:Password=admin-test-password"))
        {
            var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
            Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");

            // Offline verbs refuse while the service holds the store: one line, non-zero exit.
            var locked = await AdminAsync("check", $"--Graph:DataDirectory={data}");
            Assert.Equal(1, locked.ExitCode);
            var line = Assert.Single(locked.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("already in use", line, StringComparison.Ordinal);

            using (var anonymous = await Http.PostAsync(new Uri(api.BaseAddress, "/admin/backup"), null))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            }

            // Writers keep committing during the backup: it captures one durable version, whole.
            await using var driver = new BoltDriver($"bolt://127.0.0.1:{api.BoltPort}", "neo4j", "admin-test-password");
            using var stop = new CancellationTokenSource();
            var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = Task.Run(async () =>
            {
                for (var n = 0L; !stop.IsCancellationRequested; n++)
                {
                    await driver.ExecuteQueryAsync("CREATE (:During {n: $n})-[:OF]->(:Pair {n: $n})", new Dictionary<string, object?> { ["n"] = n });
                    firstCommit.TrySetResult();
                }
            });
            await firstCommit.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, "/admin/backup"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            backup = JsonDocument.Parse(text).RootElement.Clone();
            await stop.CancelAsync();
            await writer;
        }

        var file = backup.GetProperty("file").GetString()!;
        Assert.Equal(Path.GetFullPath(backups), Path.GetDirectoryName(file));
        var load = await AdminAsync("load", "--from", file, $"--Graph:DataDirectory={restored}");
        Assert.True(load.ExitCode == 0, load.Out + load.Error);
        var check = await AdminAsync("check", $"--Graph:DataDirectory={restored}");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        Assert.Equal(backup.GetProperty("nodes").GetInt64(), NodesIn(check));
        var types = check.Out.Split('\n').Single(l => l.StartsWith("labels: ", StringComparison.Ordinal));
        var during = System.Text.RegularExpressions.Regex.Match(types, "During ([0-9]+)");
        var pairs = System.Text.RegularExpressions.Regex.Match(types, "Pair ([0-9]+)");
        Assert.True(during.Success, "no write committed before the backup: " + types);
        Assert.Equal(during.Groups[1].Value, pairs.Groups[1].Value); // no transaction cut in half
    }
}
