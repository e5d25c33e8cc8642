using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Browser;
using KnowledgeGraph.Api.Tests.Readme;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Explore;

/// <summary>
/// Runs a scenario of <c>tests/explorer/explorer.mjs</c> (puppeteer-core, installed with npm ci from its lockfile,
/// driving Debian's Chromium) against a running service and returns what it observed. Screenshots and exported files
/// land in <c>TestResults/explorer/</c> (gitignored), kept as test artefacts.
/// </summary>
internal static class ExplorerBrowser
{
    public static string? Chromium => Browsers.Chromium;

    public static string NpmProject => Path.Combine(ReadmeExamples.RepositoryRoot, "tests", "explorer");

    public static string Artefacts => Path.Combine(ReadmeExamples.RepositoryRoot, "TestResults", "explorer");

    public static async Task<JsonElement> RunAsync(string scenario, ApiProcess api, string? apiKey = null)
    {
        await CypherDialectTool.EnsureInstalledAsync(NpmProject, "puppeteer-core");
        var outDir = Path.Combine(Artefacts, scenario);
        var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", NpmProject,
            "explorer.mjs", scenario, api.BaseAddress.ToString(), outDir, apiKey ?? "");
        Assert.True(code == 0 && stdout.TrimStart().StartsWith('{'), $"explorer.mjs {scenario} exited {code}:\n{stdout}\n{stderr}");
        var report = JsonDocument.Parse(stdout).RootElement.Clone();
        if (report.TryGetProperty("error", out var error)) Assert.Fail($"explorer.mjs {scenario} failed in the page: {error}\n{stderr}");
        return report;
    }

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? e.ToString())];
}

/// <summary>The seeded service as a real process with mutations enabled (the live update test writes through the API).</summary>
public sealed class ExplorerService : IAsyncLifetime
{
    internal const string ApiKey = "explorer-test-curator-key-0123456789";
    private readonly TempDirectory _data = new();

    internal ApiProcess Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = ApiProcess.Start(_data.Path, $"--GraphQL:ApiKey={ApiKey}");
        var (status, body) = await HostingTests.WaitForHealthyAsync(Api, TimeSpan.FromSeconds(90));
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"/health answered {status}: {body}\n{Api.Output}");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        _data.Dispose();
    }
}
