using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGraph.Testing;
using KnowledgeGraph.Tests.Shared;

namespace KnowledgeGraph.Cypher.Tests.Dialect;

/// <summary>
/// Every Cypher text this test project runs successfully (the literal argument of <c>db.Q(...)</c> calls) must
/// pass Neo4j's own parser, so that what our engine accepts and we rely on is real Neo4j Cypher. Uses the
/// repository's single dialect checker, <c>tests/cypher-dialect/lint.mjs</c> (npm
/// <c>@neo4j-cypher/language-support</c> from its committed lockfile, installed by <c>npm ci</c> when missing);
/// the <c>cypher/</c> folder itself is checked by CypherDialectTests in KnowledgeGraph.Seeding.Tests.
/// </summary>
public sealed partial class DialectTests
{
    private static readonly Lazy<Task> Install = new(() => CypherDialectTool.EnsureInstalledAsync(DialectProject(RepoRoot())));

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
            var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", DialectProject(root), "lint.mjs", "--json", input);
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

    private static string RepoRoot() => RepositoryRoot.Path;
}
