using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Cypher.Tests.Dialect;

/// <summary>A fact skipped, with the reason, when Node.js is not installed (the dialect check needs it).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (DialectTests.FindTool("node") is null || DialectTests.FindTool("npm") is null)
            Skip = "Node.js (node, npm) is not installed: the Cypher dialect check needs it.";
    }
}

/// <summary>
/// Every Cypher text this test project runs successfully (the literal argument of <c>db.Q(...)</c> calls) must
/// pass Neo4j's own parser, so that what our engine accepts and we rely on is real Neo4j Cypher. Uses the
/// repository's single dialect checker, <c>tests/cypher-dialect/lint.mjs</c> (npm
/// <c>@neo4j-cypher/language-support</c> from its committed lockfile, installed by <c>npm ci</c> when missing);
/// the <c>cypher/</c> folder itself is checked by CypherDialectTests in KnowledgeGraph.Seeding.Tests.
/// </summary>
public sealed partial class DialectTests
{
    private static readonly Lazy<Task> Install = new(() => EnsureInstalledAsync(DialectProject(RepoRoot())));

    [NodeFact]
    public async Task CypherTexts_Should_ParseWithNeo4jsOwnParser()
    {
        var root = RepoRoot();
        var queries = CollectQueries(root).ToList();
        Assert.True(queries.Count > 50, $"expected the test project's queries, found {queries.Count}");
        await Install.Value;
        var input = Path.Combine(Path.GetTempPath(), "kg-cypher-queries-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(queries.Select(q => new { name = q.Id, query = q.Query })));
        try
        {
            var (code, stdout, stderr) = await RunAsync("node", ["lint.mjs", "--json", input], DialectProject(root));
            Assert.True(code is 0 or 1, $"lint.mjs failed to run ({code}): {stderr}");
            using var report = JsonDocument.Parse(stdout);
            Assert.Equal(queries.Count, report.RootElement.GetProperty("checked").GetInt32());
            var errors = report.RootElement.GetProperty("diagnostics").EnumerateArray()
                .Where(d => d.GetProperty("severity").GetString() == "error")
                .Select(d => (Id: d.GetProperty("source").GetString()!, Message: d.GetProperty("message").GetString()!))
                .ToList();
            Assert.True(errors.Count == 0, "Not Neo4j Cypher:\n" + string.Join("\n", errors.GroupBy(e => e.Id).Select(g =>
                $"{g.Key}: {queries.First(q => q.Id == g.Key).Query}\n    {string.Join("; ", g.Select(e => e.Message))}")));
            Assert.Equal(0, code);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static IEnumerable<(string Id, string Query)> CollectQueries(string root)
    {
        var testDir = Path.Combine(root, "tests", "KnowledgeGraph.Cypher.Tests");
        foreach (var file in Directory.EnumerateFiles(testDir, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            var n = 0;
            foreach (Match m in QueryCall().Matches(source))
            {
                var raw = m.Groups["raw"].Success ? m.Groups["raw"].Value : Regex.Unescape(m.Groups["str"].Value);
                yield return ($"{Path.GetFileName(file)}#{++n}", raw.Trim());
            }
        }
    }

    [GeneratedRegex("""\.Q\(\s*(?:"{3}(?<raw>.*?)"{3}|"(?<str>(?:[^"\\]|\\.)*)"\s*[,)])""", RegexOptions.Singleline)]
    private static partial Regex QueryCall();

    private static string DialectProject(string root) => Path.Combine(root, "tests", "cypher-dialect");

    /// <summary>The repository root, found from this source file's compile-time path (builds may use an
    /// artifacts folder outside the tree) or, failing that, from the test binary's folder.</summary>
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var dir = File.Exists(sourceFile) ? new FileInfo(sourceFile).Directory : new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (KnowledgeGraph.sln) not found.");
    }

    /// <summary>
    /// Runs <c>npm ci</c> in the dialect project unless its install is complete. Test processes of different projects
    /// (this one and KnowledgeGraph.Seeding.Tests, same code there) may run at once: a lock file held with
    /// <see cref="FileShare.None"/> (an exclusive lock across processes) serialises them, and the install is
    /// re-checked once the lock is held, so npm never runs twice into the same folder at the same time.
    /// </summary>
    private static async Task EnsureInstalledAsync(string project)
    {
        if (Installed(project)) return;
        await using (await LockAsync(Path.Combine(project, ".npm-ci.lock")))
        {
            if (Installed(project)) return;
            var (code, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], project);
            Assert.True(code == 0, $"npm ci failed in tests/cypher-dialect ({code}):\n{stdout}\n{stderr}");
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

    internal static string? FindTool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(FindTool(file) ?? file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 4 minutes.");
        }
        return (p.ExitCode, await stdout, await stderr);
    }
}
