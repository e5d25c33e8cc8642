using System.Text.Json;
using KnowledgeGraph.Seeding.Seeds;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Seeding.Tests;

/// <summary>
/// The dialect check (issue: the Cypher engine): every Cypher text in cypher/ and tests/, plus the statements
/// the seed loader sends, parses cleanly with Neo4j's own parser (npm @neo4j-cypher/language-support, installed
/// from the committed lockfile by npm ci).
/// </summary>
public class CypherDialectTests
{
    private static readonly Lazy<Task> Install = new(() => CypherDialectTool.EnsureInstalledAsync(RepoPaths.DialectProject));

    private static async Task<(int ExitCode, JsonDocument Report, string Stderr)> LintAsync(params string[] args)
    {
        await Install.Value;
        var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", RepoPaths.DialectProject, ["lint.mjs", .. args]);
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
