using System.Net;
using System.Text.Json;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Readme;

/// <summary>The seeded service as a real process, shared by the README example tests.</summary>
public sealed class SeededService : IAsyncLifetime
{
    /// <summary>The value of <c>$KEY</c> in the README's examples.</summary>
    internal const string ApiKey = "readme-curator-key-0123456789";

    private readonly TempDirectory _data = new();

    internal ApiProcess Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The curator key the README's mutation examples send as $KEY; backups of its admin examples go to a temp directory.
        Api = ApiProcess.Start(_data.Path, $"--GraphQL:ApiKey={ApiKey}", $"--Graph:BackupDirectory={Path.Combine(_data.Path, "backups")}");
        var (status, body) = await HostingTests.WaitForHealthyAsync(Api, TimeSpan.FromSeconds(90));
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"/health answered {status}: {body}\n{Api.Output}");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>Skipped, with the reason, where the Python driver the README's Python example imports is not installed.</summary>
public sealed class PythonDriverFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        if (CypherDialectTool.FindTool("python3") is null) return "python3 is not installed: the README's Python example needs it.";
        var (code, _, _) = CypherDialectTool.RunAsync("python3", Path.GetTempPath(), "-c", "import neo4j").GetAwaiter().GetResult();
        return code == 0 ? null : "the Python neo4j driver is not installed (pip install neo4j; PyPI is not reachable from this machine).";
    });

    public PythonDriverFactAttribute()
    {
        if (Problem.Value is { } reason) Skip = reason;
    }
}

/// <summary>Every example of README.md runs as written against the seeded service (only the ports differ).</summary>
public sealed class ReadmeExamplesTests(SeededService service) : IClassFixture<SeededService>
{
    private ApiProcess Api => service.Api;

    [NodeFact]
    public async Task JavaScriptExamples_Should_RunAndPrintTheirAnswer_When_ServiceIsSeeded()
    {
        var blocks = ReadmeExamples.Blocks("js");
        Assert.NotEmpty(blocks);
        await CypherDialectTool.EnsureInstalledAsync(ReadmeExamples.NpmProject, "neo4j-driver");
        var runDir = Directory.CreateDirectory(Path.Combine(ReadmeExamples.NpmProject, "node_modules", ".readme-run")).FullName;
        foreach (var block in blocks)
        {
            // Inside the npm project, so that `import neo4j from 'neo4j-driver'` resolves as after `npm install neo4j-driver`.
            var file = Path.Combine(runDir, $"example-{block.Line}-{Guid.NewGuid():N}.mjs");
            await File.WriteAllTextAsync(file, ReadmeExamples.Retarget(block.Code, Api.Port, Api.BoltPort));
            var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", runDir, file);
            Assert.True(code == 0, $"{block} exited {code}:\n{stdout}\n{stderr}");
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"{block} printed nothing");
            if (block.Code.Contains("meeting:miami-talks-2025-10", StringComparison.Ordinal))
            {
                Assert.Contains("Steve Witkoff", stdout, StringComparison.Ordinal);
                Assert.Contains("Kirill Dmitriev", stdout, StringComparison.Ordinal);
            }
        }
    }

    [PythonDriverFact]
    public async Task PythonExamples_Should_RunAndPrintTheirAnswer_When_ServiceIsSeeded()
    {
        var blocks = ReadmeExamples.Blocks("python");
        Assert.NotEmpty(blocks);
        using var dir = new TempDirectory();
        foreach (var block in blocks)
        {
            var file = Path.Combine(dir.Path, $"example-{block.Line}.py");
            await File.WriteAllTextAsync(file, ReadmeExamples.Retarget(block.Code, Api.Port, Api.BoltPort));
            var (code, stdout, stderr) = await CypherDialectTool.RunAsync("python3", dir.Path, file);
            Assert.True(code == 0, $"{block} exited {code}:\n{stdout}\n{stderr}");
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"{block} printed nothing");
        }
    }

    [Fact]
    public async Task CurlExamples_Should_AnswerWithoutErrors_When_ServiceIsSeeded()
    {
        var commands = ReadmeExamples.CurlCommands();
        Assert.NotEmpty(commands);
        foreach (var (block, command) in commands)
        {
            var (code, stdout, stderr) = await CypherDialectTool.RunAsync("bash", Path.GetTempPath(), "-c",
                $"KEY={SeededService.ApiKey}; " + ReadmeExamples.Retarget(command, Api.Port, Api.BoltPort));
            Assert.True(code == 0, $"{block}: `{command}` exited {code}:\n{stdout}\n{stderr}");
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"{block}: `{command}` printed nothing");
            if (stdout.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(stdout);
                Assert.False(json.RootElement.TryGetProperty("errors", out var errors), $"{block}: `{command}` answered errors: {errors}");
            }
        }
    }
}
