using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.Neo4jTools;

/// <summary>The <c>CYPHER ...</c> prefix as Neo4j 5.26's pre-parser accepts it (@neo4j/graphql sends <c>CYPHER 5</c>).</summary>
public sealed class QueryOptionsTests
{
    [Theory]
    [InlineData("CYPHER 5 RETURN 1 AS x")]
    [InlineData("CYPHER 5\nRETURN 1 AS x")]
    [InlineData("CYPHER RETURN 1 AS x")]
    [InlineData("CYPHER 5 CYPHER 5 RETURN 1 AS x")]
    [InlineData("CYPHER 5 runtime=slotted RETURN 1 AS x")]
    [InlineData("CYPHER 5 runtime=slotted replan=skip RETURN 1 AS x")]
    [InlineData("CYPHER 5\nCYPHER runtime=interpreted planner=cost RETURN 1 AS x")]
    [InlineData("cypher expressionEngine=interpreted connectComponentsPlanner=idp updateStrategy=eager RETURN 1 AS x")]
    [InlineData("CYPHER runtime=pipelined interpretedPipesFallback=all RETURN 1 AS x")]
    [InlineData("/* c */ CYPHER /* c */ 5 runtime = slotted RETURN 1 AS x")]
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
        var r = await db.Q("CYPHER 5 SHOW INDEXES YIELD name");
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
        var s = await db.Q("USE system SHOW DATABASES YIELD name");
        Assert.Equal("system", s.Summary.Database);
        var e = await db.Fails("USE nowhere RETURN 1");
        Assert.Equal(ErrorCodes.DatabaseNotFound, e.Code);
    }
}
