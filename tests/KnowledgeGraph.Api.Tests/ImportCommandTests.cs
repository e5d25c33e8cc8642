using System.Diagnostics;
using Xunit;

namespace KnowledgeGraph.Api.Tests;

/// <summary><c>KnowledgeGraph.Api admin import</c> run as the real process on real files: progress and the report of
/// bad rows on stdout, the store checked afterwards, a second import into the now non-empty store refused.</summary>
public sealed class ImportCommandTests
{
    private static async Task<(int ExitCode, string Out)> AdminAsync(params string[] args)
    {
        using var process = Process.Start(ApiProcess.StartInfo(["admin", .. args]))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task AdminImport_Should_FillAnEmptyStoreAndRefuseAFullOne()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var people = Path.Combine(dir.Path, "people.csv");
        var knows = Path.Combine(dir.Path, "knows.csv");
        var report = Path.Combine(dir.Path, "bad.report");
        await File.WriteAllTextAsync(people, "id:ID,name,born:int\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"p{i},Person {i},{1950 + i % 50}\n")));
        await File.WriteAllTextAsync(knows, ":START_ID,:END_ID\n" + string.Concat(Enumerable.Range(0, 299).Select(i => $"p{i},p{i + 1}\n")) + "p0,nobody\n");

        var run = await AdminAsync("import", $"--nodes=Person={people}", $"--relationships=KNOWS={knows}", "--skip-bad-relationships",
            $"--report-file={report}", "--bad-tolerance=5", $"--Graph:DataDirectory={data}");
        Assert.True(run.ExitCode == 0, run.Out);
        Assert.Contains("done: 300 nodes, 299 relationships, 1 bad rows skipped", run.Out, StringComparison.Ordinal);
        Assert.Contains("knows.csv:301: end node id 'nobody' not found", await File.ReadAllTextAsync(report), StringComparison.Ordinal);

        var check = await AdminAsync("check", $"--Graph:DataDirectory={data}");
        Assert.True(check.ExitCode == 0, check.Out);
        Assert.Contains("nodes: 300; relationships: 299", check.Out, StringComparison.Ordinal);

        var again = await AdminAsync("import", $"--nodes=Person={people}", $"--Graph:DataDirectory={data}");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.Out, StringComparison.Ordinal);

        var usage = await AdminAsync("import", "--bad-tolerance=-1", $"--Graph:DataDirectory={data}");
        Assert.Equal(2, usage.ExitCode);
    }
}
