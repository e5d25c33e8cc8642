using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Cypher.Tests.Dialect;

/// <summary>
/// Every Cypher text this test project runs successfully, and every statement in the repository's <c>cypher/</c>
/// folder, must pass Neo4j's own parser (npm <c>@neo4j-cypher/language-support</c>, installed from the committed
/// lockfile with <c>npm ci</c>), so that what our engine accepts and we rely on is real Neo4j Cypher.
/// </summary>
public sealed partial class DialectTests
{
    [Fact]
    public async Task CypherTexts_Should_ParseWithNeo4jsOwnParser()
    {
        var root = RepoRoot();
        var queries = CollectQueries(root).ToList();
        Assert.NotEmpty(queries);
        if (!ToolExists("npm") || !ToolExists("node"))
        {
            // Node is part of the build image; without it there is nothing to check against.
            Console.WriteLine("Dialect check skipped: node/npm not found on PATH.");
            return;
        }
        var work = await PrepareLinterAsync(root);
        var input = Path.Combine(work, "queries-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(queries.Select(q => new { id = q.Id, query = q.Query })));
        try
        {
            var (code, stdout, stderr) = await RunAsync("node", ["lint.mjs", input], work);
            Assert.True(code == 0, "lint.mjs failed: " + stderr);
            var failures = JsonSerializer.Deserialize<List<LintFailure>>(stdout)!;
            Assert.True(failures.Count == 0, "Not Neo4j Cypher:\n" + string.Join("\n", failures.Select(f =>
                $"{f.id}: {queries.First(q => q.Id == f.id).Query}\n    {string.Join("; ", f.messages)}")));
        }
        finally
        {
            File.Delete(input);
        }
    }

    private sealed record LintFailure(string id, List<string> messages);

    private static IEnumerable<(string Id, string Query)> CollectQueries(string root)
    {
        var cypherDir = Path.Combine(root, "cypher");
        if (Directory.Exists(cypherDir))
        {
            foreach (var file in Directory.EnumerateFiles(cypherDir, "*.cypher", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = string.Join("\n", File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
                var n = 0;
                foreach (var statement in Regex.Split(text, @";\s*(?:\r?\n|$)"))
                    if (statement.Trim().Length > 0)
                        yield return ($"{Path.GetRelativePath(root, file)}#{++n}", statement.Trim());
            }
        }
        // Queries this project expects to succeed: the literal argument of db.Q(...) calls.
        var testDir = Path.Combine(root, "tests", "KnowledgeGraph.Cypher.Tests");
        foreach (var file in Directory.EnumerateFiles(testDir, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
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

    /// <summary>The repository root, found from this source file's compile-time path (builds may use an
    /// artifacts folder outside the tree) or, failing that, from the test binary's folder.</summary>
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var dir = File.Exists(sourceFile) ? new FileInfo(sourceFile).Directory : new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (KnowledgeGraph.sln) not found.");
    }

    /// <summary>Installs the linter once per lockfile content into a temp folder (never into the source tree).</summary>
    private static async Task<string> PrepareLinterAsync(string root)
    {
        var source = Path.Combine(root, "tests", "KnowledgeGraph.Cypher.Tests", "Dialect");
        var lockText = await File.ReadAllTextAsync(Path.Combine(source, "package-lock.json"));
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lockText)))[..16];
        var work = Path.Combine(Path.GetTempPath(), "kg-cypher-dialect-" + key);
        Directory.CreateDirectory(work);
        foreach (var name in new[] { "package.json", "package-lock.json", "lint.mjs" })
            File.Copy(Path.Combine(source, name), Path.Combine(work, name), overwrite: true);
        if (!Directory.Exists(Path.Combine(work, "node_modules", "@neo4j-cypher", "language-support")))
        {
            var (code, _, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], work);
            Assert.True(code == 0, "npm ci failed: " + stderr);
        }
        return work;
    }

    private static bool ToolExists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}
