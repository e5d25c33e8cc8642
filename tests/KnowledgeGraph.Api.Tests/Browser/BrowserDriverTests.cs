using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Readme;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Browser;

/// <summary>
/// The judge of Bolt over WebSocket: the official neo4j-driver browser bundle, in Debian's headless Chromium driven by
/// puppeteer-core (tests/browser-driver, installed from its lockfile), connects to the real service's Bolt port and
/// runs queries. A browser can only open WebSockets, so a passing run is a WebSocket session end to end.
/// </summary>
public sealed class BrowserDriverTests
{
    private const string User = "neo4j";
    private const string Password = "browser-test-password";


    private static string Project => Path.Combine(ReadmeExamples.RepositoryRoot, "tests", "browser-driver");

    [ChromiumFact]
    public async Task BrowserBundle_Should_ConnectOverWebSocketAndRunQueries_When_PointedAtTheBoltPort()
    {
        await CypherDialectTool.EnsureInstalledAsync(Project, "puppeteer-core");
        using var data = new TempDirectory();
        await using var api = ApiProcess.Start(data.Path, $"--Bolt:Username={User}", $"--Bolt:Password={Password}", "--Seed:OnStartup=false");
        var (status, body) = await HostingTests.WaitForHealthyAsync(api, TimeSpan.FromSeconds(60));
        Assert.True(status == HttpStatusCode.OK, $"not healthy: {body}\n{api.Output}");

        foreach (var scheme in new[] { "bolt", "neo4j" })
        {
            using var result = await RunJudgeAsync($"{scheme}://127.0.0.1:{api.BoltPort}");
            var root = result.RootElement;
            Assert.True(root.GetProperty("ok").GetBoolean(), $"{scheme}: {root}\n{api.Output}");
            Assert.Equal(5, root.GetProperty("protocolVersion").GetProperty("major").GetInt32());
            Assert.StartsWith("Neo4j/5.", root.GetProperty("agent").GetString(), StringComparison.Ordinal);
            Assert.Equal("[[1,2,\"café\"],[2,4,\"café\"],[3,6,\"café\"]]", root.GetProperty("rows").GetRawText());
            Assert.Equal("chromium", root.GetProperty("written").GetString());
            Assert.Equal(1, root.GetProperty("counters").GetInt32());
            Assert.Equal("Neo.ClientError.Statement.SyntaxError", root.GetProperty("errorCode").GetString());
            // The browser's own record of the sockets it opened: the driver reached the Bolt port over ws://.
            Assert.Contains($"ws://127.0.0.1:{api.BoltPort}/", root.GetProperty("webSockets").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.False(api.HasExited, api.Output);
    }

    private static async Task<JsonDocument> RunJudgeAsync(string uri)
    {
        var info = new ProcessStartInfo(CypherDialectTool.FindTool("node") ?? "node")
        {
            WorkingDirectory = Project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("connect.js");
        info.Environment["BOLT_URI"] = uri;
        info.Environment["BOLT_USER"] = User;
        info.Environment["BOLT_PASSWORD"] = Password;
        info.Environment["CHROMIUM"] = Browsers.Chromium!;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser judge did not finish in 90 s: {await stderr}");
        }
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0, $"no output from the browser judge (exit {process.ExitCode}): {await stderr}");
        return JsonDocument.Parse(lines[^1]);
    }
}
