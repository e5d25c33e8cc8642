using KnowledgeGraph.Errors;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Cypher.Tests.Neo4jTools;

/// <summary>The <c>CYPHER ...</c> prefix as Neo4j 5.26's pre-parser accepts it (@neo4j/graphql sends <c>CYPHER 5</c>).</summary>
public sealed class QueryOptionsTests
{
    private static readonly string[] Valid =
    [
        "CYPHER 5 RETURN 1 AS x",
        "CYPHER 5\nRETURN 1 AS x",
        "CYPHER RETURN 1 AS x",
        "CYPHER 5 CYPHER 5 RETURN 1 AS x",
        "CYPHER 5 runtime=slotted RETURN 1 AS x",
        "CYPHER 5 runtime=slotted replan=skip RETURN 1 AS x",
        "CYPHER 5\nCYPHER runtime=interpreted planner=cost RETURN 1 AS x",
        "cypher expressionEngine=interpreted connectComponentsPlanner=idp updateStrategy=eager RETURN 1 AS x",
        "CYPHER runtime=pipelined interpretedPipesFallback=all RETURN 1 AS x",
        "/* c */ CYPHER /* c */ 5 runtime = slotted RETURN 1 AS x",
    ];

    public static TheoryData<string> ValidPrefixes => new(Valid);

    /// <summary>Neo4j's own parser (tests/cypher-dialect) agrees: every prefix accepted here is Neo4j 5 Cypher, and
    /// the version refused here is refused there too.</summary>
    [NodeFact]
    public async Task Prefix_Should_BeAcceptedByNeo4jsParser_When_TheEngineAcceptsIt()
    {
        var project = Path.Combine(RepoRoot(), "tests", "cypher-dialect");
        await CypherDialectTool.EnsureInstalledAsync(project);
        var valid = Path.Combine(Path.GetTempPath(), "kg-prefix-" + Guid.NewGuid().ToString("N") + ".json");
        var invalid = Path.Combine(Path.GetTempPath(), "kg-prefix-bad-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(valid, System.Text.Json.JsonSerializer.Serialize(Valid));
        await File.WriteAllTextAsync(invalid, System.Text.Json.JsonSerializer.Serialize(new[] { "CYPHER 4.4 RETURN 1" }));
        try
        {
            var (code, stdout, stderr) = await CypherDialectTool.RunAsync("node", project, "lint.mjs", "--json", valid);
            Assert.True(code == 0, $"Neo4j's parser refused a prefix we accept:\n{stdout}\n{stderr}");
            var (badCode, badOut, _) = await CypherDialectTool.RunAsync("node", project, "lint.mjs", "--json", invalid);
            Assert.True(badCode == 1, $"Neo4j's parser accepted CYPHER 4.4:\n{badOut}");
        }
        finally
        {
            File.Delete(valid);
            File.Delete(invalid);
        }
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var dir = File.Exists(sourceFile) ? new FileInfo(sourceFile).Directory : new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (KnowledgeGraph.sln) not found.");
    }

    [Theory]
    [MemberData(nameof(ValidPrefixes))]
    public async Task Prefix_Should_RunTheQuery_When_VersionAndOptionsAreValid(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q(query);
        Assert.Equal(1L, Assert.Single(r.Records)["x"]);
    }

    [Theory]
    [InlineData("EXPLAIN CYPHER 5 RETURN 1 AS x")]
    [InlineData("CYPHER 5 EXPLAIN RETURN 1 AS x")]
    [InlineData("CYPHER runtime=slotted EXPLAIN planner=dp RETURN 1 AS x")]
    public async Task Prefix_Should_CombineWithExplain_When_InAnyOrder(string query)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q(query);
        Assert.Empty(r.Records);
        Assert.NotNull(r.Summary.Plan);
    }

    [Fact]
    public async Task Prefix_Should_ApplyToSchemaAndShowCommands_When_Prefixed()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CYPHER 5 CREATE INDEX person_name FOR (p:Person) ON (p.name)");
        var r = await db.Q("CYPHER 5 SHOW RANGE INDEXES YIELD name");
        Assert.Equal("person_name", Assert.Single(r.Records)["name"]);
    }

    [Theory]
    [InlineData("CYPHER 25 RETURN 1", "25 is not a valid option for cypher version. Valid options are: 5")]
    [InlineData("CYPHER 4.4 RETURN 1", "4.4 is not a valid option for cypher version. Valid options are: 5")]
    [InlineData("CYPHER runtime=chevac RETURN 1", "chevac is not a valid option for runtime. Valid options are: interpreted, legacy, parallel, pipelined, slotted")]
    [InlineData("CYPHER planner=fast RETURN 1", "fast is not a valid option for planner. Valid options are: cost, dp, idp")]
    [InlineData("CYPHER x=1 RETURN 1 AS x", "Unsupported options: x")]
    [InlineData("CYPHER runtime=slotted runtime=interpreted RETURN 1", "Can't specify multiple conflicting values for runtime")]
    [InlineData("EXPLAIN PROFILE RETURN 1", "Can't mix PROFILE and EXPLAIN")]
    public async Task Prefix_Should_FailWithArgumentError_When_VersionOrOptionIsInvalid(string query, string message)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails(query);
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task Prefix_Should_FailWithArgumentError_When_FallbackIsAskedOfAnotherRuntime()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("CYPHER runtime=slotted interpretedPipesFallback=all RETURN 1");
        Assert.Equal(ErrorCodes.ArgumentError, e.Code);
    }

    [Fact]
    public async Task Prefix_Should_NotifyThatTheRuntimeWasIgnored_When_AnotherRuntimeIsAsked()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("CYPHER runtime=slotted RETURN 1 AS x");
        var note = Assert.Single(r.Summary.Notifications);
        Assert.Equal("Neo.ClientNotification.Statement.RuntimeUnsupported", note.Code);
        Assert.Equal("WARNING", note.Severity);
        Assert.Contains("runtime=slotted", note.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefix_Should_NotifyNothing_When_OnlyTheVersionOrTheInterpretedRuntimeIsAsked()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Empty((await db.Q("CYPHER 5 RETURN 1")).Summary.Notifications);
        Assert.Empty((await db.Q("CYPHER runtime=interpreted RETURN 1")).Summary.Notifications);
    }

    [Fact]
    public async Task Prefix_Should_NotifyEachIgnoredOption_When_PlannerOptionsAreGiven()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("CYPHER planner=dp connectComponentsPlanner=greedy RETURN 1");
        Assert.Equal(["Neo.ClientNotification.Statement.QueryOptionIgnored", "Neo.ClientNotification.Statement.FeatureDeprecationWarning"],
            r.Summary.Notifications.Select(n => n.Code));
    }

    [Fact]
    public async Task Use_Should_PickTheDatabase_When_ItLeadsTheStatement()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("USE neo4j RETURN 1 AS x");
        Assert.Equal(1L, Assert.Single(r.Records)["x"]);
        Assert.Equal("neo4j", r.Summary.Database);
        var s = await db.Q("USE system CALL dbms.components() YIELD name RETURN name");
        Assert.Equal("system", s.Summary.Database);
        var e = await db.Fails("USE nowhere RETURN 1");
        Assert.Equal(ErrorCodes.DatabaseNotFound, e.Code);
    }
}
