using KnowledgeGraph.Api.Tests.Readme;
using KnowledgeGraph.Bolt.Server;
using KnowledgeGraph.Testing;
using Xunit;

namespace KnowledgeGraph.Api.Tests.Neo4jTools;

/// <summary>
/// Neo4j's own libraries, installed from the committed lockfile of <c>tests/neo4j-tools</c>, run against the seeded
/// service over Bolt as a user would: @neo4j/graphql in its default settings (a battery of operations checked
/// against direct Cypher), @neo4j/introspector, and what Neo4j's tools send at connect time. Each script prints
/// one line per failed operation and exits non-zero on any.
/// </summary>
public sealed class Neo4jToolsTests(SeededService service) : IClassFixture<SeededService>
{
    private static string Project => Path.Combine(ReadmeExamples.RepositoryRoot, "tests", "neo4j-tools");

    private async Task<string> RunScriptAsync(string script)
    {
        await CypherDialectTool.EnsureInstalledAsync(Project, "@neo4j/graphql");
        var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", Project, script,
            $"bolt://127.0.0.1:{service.Api.BoltPort}", BoltServerOptions.DevelopmentUsername, BoltServerOptions.DevelopmentPassword);
        Assert.True(code == 0, $"{script} exited {code}:\n{stdout}\n{stderr}");
        return stdout;
    }

    [NodeFact]
    public async Task GraphQLLibrary_Should_AnswerEveryOperationAsDirectCypherDoes_When_RunWithDefaultSettings()
    {
        var output = await RunScriptAsync("graphql-battery.mjs");
        Assert.Matches(@"@neo4j/graphql battery: (6\d|[7-9]\d|\d{3}) passed, 0 failed", output);
    }

    [NodeFact]
    public async Task Introspector_Should_WriteTypeDefinitionsForEveryLabelAndRelationship_When_ReadingTheSeededGraph()
    {
        var output = await RunScriptAsync("introspector.mjs");
        Assert.Contains("@neo4j/introspector: 6 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [NodeFact]
    public async Task ConnectTimeQueries_Should_Succeed_When_ToolsUseTheSystemDatabaseRoutingAndQueryOptions()
    {
        var output = await RunScriptAsync("connect-time.mjs");
        Assert.Contains("Neo4j tools at connect time: 14 passed, 0 failed", output, StringComparison.Ordinal);
    }

    /// <summary>Needs <c>CREATE FULLTEXT INDEX</c> and <c>db.index.fulltext.queryNodes</c> (the fulltext feature);
    /// the script says so plainly when the server lacks them.</summary>
    [NodeFact]
    public async Task GraphQLFulltext_Should_SearchThroughTheFulltextIndex_When_TheIndexExists()
    {
        var output = await RunScriptAsync("graphql-fulltext.mjs");
        Assert.Contains("@neo4j/graphql @fulltext: 5 passed, 0 failed", output, StringComparison.Ordinal);
    }
}
