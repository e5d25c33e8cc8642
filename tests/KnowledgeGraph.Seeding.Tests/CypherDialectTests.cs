using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding.Tests;

/// <summary>A fact that is skipped, with the reason, when Node.js is not installed.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeTool.IsAvailable)
            Skip = "Node.js (node, npm) is not installed: the Cypher dialect check needs it (README: requirements).";
    }
}

internal static class NodeTool
{
    public static bool IsAvailable { get; } = Find("node") is not null && Find("npm") is not null;

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Find(tool) ?? tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 4 minutes.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>
/// The dialect check (issue: the Cypher engine): every Cypher text in cypher/ and tests/, plus the statements
/// the seed loader sends, parses cleanly with Neo4j's own parser (npm @neo4j-cypher/language-support, installed
/// from the committed lockfile by npm ci).
/// </summary>
public class CypherDialectTests
{
    private static readonly Lazy<Task> Install = new(InstallAsync);

    /// <summary>
    /// Runs <c>npm ci</c> in tests/cypher-dialect unless its install is complete. Test processes of different projects
    /// (this one and KnowledgeGraph.Cypher.Tests' DialectTests, same code there) may run at once: a lock file held with
    /// <see cref="FileShare.None"/> (an exclusive lock across processes) serialises them, and the install is
    /// re-checked once the lock is held, so npm never runs twice into the same folder at the same time.
    /// </summary>
    private static async Task InstallAsync()
    {
        var project = RepoPaths.DialectProject;
        if (Installed(project)) return;
        await using (await LockAsync(Path.Combine(project, ".npm-ci.lock")))
        {
            if (Installed(project)) return;
            var (code, stdout, stderr) = await NodeTool.RunAsync("npm", project, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            if (code != 0) throw new InvalidOperationException($"npm ci failed in tests/cypher-dialect ({code}):\n{stdout}\n{stderr}");
        }
    }

    /// <summary>npm writes node_modules/.package-lock.json at the end of an install, so its presence marks a complete one.</summary>
    private static bool Installed(string project) =>
        Directory.Exists(Path.Combine(project, "node_modules", "@neo4j-cypher", "language-support"))
        && File.Exists(Path.Combine(project, "node_modules", ".package-lock.json"));

    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<(int ExitCode, JsonDocument Report, string Stderr)> LintAsync(params string[] args)
    {
        await Install.Value;
        var (code, stdout, stderr) = await NodeTool.RunAsync("node", RepoPaths.DialectProject, ["lint.mjs", .. args]);
        Assert.True(code is 0 or 1, $"lint.mjs failed to run ({code}): {stderr}");
        return (code, JsonDocument.Parse(stdout), stderr);
    }

    [NodeFact]
    public async Task CypherFiles_Should_ParseWithNeo4jsParser()
    {
        var loaderStatements = Path.Combine(Path.GetTempPath(), $"kg-loader-statements-{Guid.NewGuid():N}.json");
        var set = await SeedSet.LoadAsync(RepoPaths.Seeds);
        var statements = set.Files.SelectMany(SeedStatements.For).Select(s => s.Query).Distinct()
            .Select((q, i) => new { name = $"SeedStatements[{i}]", query = q }).ToList();
        await File.WriteAllTextAsync(loaderStatements, JsonSerializer.Serialize(statements));
        try
        {
            var (code, report, _) = await LintAsync("--json", loaderStatements, RepoPaths.Cypher, Path.Combine(RepoPaths.Root, "tests"));

            using (report)
            {
                var root = report.RootElement;
                Assert.True(code == 0, "Neo4j's parser rejected our Cypher:\n" + root.GetProperty("diagnostics"));
                // schema + seed + every query file + the loader's statements were all checked.
                var queryFiles = Directory.GetFiles(RepoPaths.Queries, "*.cypher").Length;
                Assert.True(root.GetProperty("checked").GetInt32() >= 2 + queryFiles + statements.Count);
                Assert.Equal(0, root.GetProperty("errors").GetInt32());
            }
        }
        finally
        {
            File.Delete(loaderStatements);
        }
    }

    [NodeFact]
    public async Task Lint_Should_ReportSyntaxErrorWithPosition_When_QueryIsBroken()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kg-dialect-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "broken.cypher"), "MATCH (n:Person {key: $key}) RETURN n;\nMATCH (n) RETRN n;\n");
        try
        {
            var (code, report, _) = await LintAsync(dir);

            using (report)
            {
                Assert.Equal(1, code);
                var diagnostics = report.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
                var first = diagnostics.First();
                Assert.Equal("error", first.GetProperty("severity").GetString());
                Assert.Equal(2, first.GetProperty("line").GetInt32());
                Assert.Contains("Invalid input 'RETRN'", first.GetProperty("message").GetString(), StringComparison.Ordinal);
                // A parameter is not an error: only the broken statement is reported.
                Assert.DoesNotContain(diagnostics, d => d.GetProperty("message").GetString()!.Contains("$key", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
