using System.Text.Json.Nodes;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>
/// The npm graphql-http server audits against the real server, and Neo4j's own parser over the Cypher the
/// snapshot tests compiled (tests/cypher-dialect). Both need Node; without it they report why and pass vacuously
/// only in that one respect (CI has Node).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConformanceTests(GraphQLServerFixture server)
{
    [Fact]
    public async Task GraphQLHttpAudit_Should_HaveNoErrors_When_RunAgainstTheServer()
    {
        Assert.True(NodeTool.Available, "node is required for the graphql-http audit");
        NodeTool.EnsureInstalled(RepoPaths.Audit);
        var (code, stdout, stderr) = await Task.Run(() => NodeTool.Run("node", "audit.mjs " + server.Endpoint, RepoPaths.Audit));
        Assert.True(code == 0, stderr);
        var report = JsonNode.Parse(stdout)!.AsObject();
        var failures = report["results"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() == "error")
            .Select(r => r!["id"] + " " + r!["name"] + ": " + r!["reason"]).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(report["ok"]!.GetValue<int>() >= 58, stdout); // HotChocolate: 58 ok / 2 warnings
        File.WriteAllText(Path.Combine(RepoPaths.Audit, "last-result.txt"),
            $"ok {report["ok"]} / warn {report["warn"]} / error {report["error"]}\n");
    }

    [Fact]
    public void CompiledCypher_Should_ParseWithNeo4jsParser()
    {
        Assert.True(NodeTool.Available, "node is required for the Cypher dialect check");
        // The snapshot tests keep these files (committed, rewritten when the compiled Cypher changes).
        Assert.True(Directory.Exists(RepoPaths.CypherOut) && Directory.GetFiles(RepoPaths.CypherOut, "*.cypher").Length > 0,
            $"no compiled Cypher in {RepoPaths.CypherOut}: the GraphQL snapshot tests write it there");
        NodeTool.EnsureInstalled(RepoPaths.DialectProject);
        // Neo4j's parser is slow to start on a loaded 2-core machine: the same bound as the seed files' dialect check.
        var (code, stdout, stderr) = NodeTool.Run("node", "lint.mjs \"" + RepoPaths.CypherOut + "\"", RepoPaths.DialectProject, TimeSpan.FromMinutes(4));
        Assert.True(code == 0, stdout + stderr);
        var report = JsonNode.Parse(stdout)!.AsObject();
        Assert.True(report["checked"]!.GetValue<int>() > 0, stdout);
        Assert.Equal(0, report["errors"]!.GetValue<int>());
    }
}
