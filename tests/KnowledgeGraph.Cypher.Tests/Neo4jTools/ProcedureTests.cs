using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tests.Neo4jTools;

/// <summary>The procedures Neo4j's tools call at connect time and for introspection, with Neo4j 5's columns.</summary>
public sealed class ProcedureTests
{
    private static async Task<GraphDatabase> SmallGraph()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (a:Person {name: 'Ann', born: 1970}), (b:Person {name: 'Bob'}), (c:Country {name: 'Ukraine', iso: 'UA', tags: ['x']}),
                   (o:Organization:Agency {name: 'UN'}), (e:Empty)
            CREATE (a)-[:CITIZEN_OF {since: date('1990-01-01')}]->(c), (b)-[:CITIZEN_OF]->(c), (a)-[:KNOWS]->(b), (o)-[:BASED_IN]->(c)
            """);
        await db.Q("CREATE INDEX person_name FOR (p:Person) ON (p.name)");
        return db;
    }

    [Fact]
    public async Task NodeTypeProperties_Should_ListEachLabelSetAndProperty_When_TheGraphHasData()
    {
        await using var db = await SmallGraph();
        var r = await db.Q("CALL db.schema.nodeTypeProperties()");
        Assert.Equal(["nodeType", "nodeLabels", "propertyName", "propertyTypes", "mandatory"], r.Keys);
        var rows = r.Records.Select(x => ((string)x["nodeType"]!, (string?)x["propertyName"], x["propertyTypes"] is IReadOnlyList<object?> t ? string.Join(",", t) : null, (bool)x["mandatory"]!)).ToList();
        Assert.Contains((":`Person`", "name", "String", true), rows);
        Assert.Contains((":`Person`", "born", "Long", false), rows);
        Assert.Contains((":`Country`", "tags", "StringArray", true), rows);
        Assert.Contains((":`Agency`:`Organization`", "name", "String", true), rows);
        Assert.Contains((":`Empty`", null, null, false), rows);
        var agency = r.Records.First(x => (string)x["nodeType"]! == ":`Agency`:`Organization`");
        Assert.Equal(["Agency", "Organization"], (IReadOnlyList<object?>)agency["nodeLabels"]!);
    }

    [Fact]
    public async Task RelTypeProperties_Should_ListEachTypeAndProperty_When_TheGraphHasData()
    {
        await using var db = await SmallGraph();
        var r = await db.Q("CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes, mandatory RETURN *");
        var rows = r.Records.Select(x => ((string)x["relType"]!, (string?)x["propertyName"], x["propertyTypes"] is IReadOnlyList<object?> t ? string.Join(",", t) : null, (bool)x["mandatory"]!)).ToList();
        Assert.Contains((":`CITIZEN_OF`", "since", "Date", false), rows);
        Assert.Contains((":`KNOWS`", null, null, false), rows);
    }

    [Fact]
    public async Task Visualization_Should_ReturnOneVirtualNodePerLabelAndRelationshipsBetweenThem_When_Called()
    {
        await using var db = await SmallGraph();
        var r = await db.Q("CALL db.schema.visualization()");
        var row = Assert.Single(r.Records);
        var nodes = ((IReadOnlyList<object?>)row["nodes"]!).Cast<GraphNode>().ToList();
        Assert.Equal(["Agency", "Country", "Empty", "Organization", "Person"], nodes.Select(n => (string)n.Properties["name"]!).Order());
        Assert.All(nodes, n => Assert.True(n.Id < 0));
        var person = nodes.Single(n => n.Labels.Contains("Person"));
        Assert.Equal(["name"], (IReadOnlyList<object?>)person.Properties["indexes"]!);
        var rels = ((IReadOnlyList<object?>)row["relationships"]!).Cast<GraphRelationship>().ToList();
        var citizen = Assert.Single(rels, x => x.Type == "CITIZEN_OF");
        Assert.Equal(person.Id, citizen.StartNodeId);
        Assert.Equal(nodes.Single(n => n.Labels.Contains("Country")).Id, citizen.EndNodeId);
    }

    [Fact]
    public async Task ConnectTimeProcedures_Should_AnswerWithNeo4jColumns_When_ToolsConnect()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var components = Assert.Single((await db.Q("CALL dbms.components()")).Records);
        Assert.Equal("Neo4j Kernel", components["name"]);
        Assert.Equal(["5.26.0"], (IReadOnlyList<object?>)components["versions"]!);
        Assert.Equal("community", components["edition"]);
        var info = Assert.Single((await db.Q("CALL db.info()")).Records);
        Assert.Equal("neo4j", info["name"]);
        Assert.Matches("^[0-9A-F]{64}$", (string)info["id"]!);
        var dbms = Assert.Single((await db.Q("CALL dbms.info() YIELD name RETURN name")).Records);
        Assert.Equal("KnowledgeGraph embedded engine", dbms["name"]);
        Assert.Equal(true, Assert.Single((await db.Q("CALL db.ping()")).Records)["success"]);
        var config = await db.Q("CALL dbms.clientConfig()");
        Assert.Equal(["name", "description", "value", "dynamic"], config.Keys);
        Assert.Contains(config.Records, x => (string)x["name"]! == "browser.post_connect_cmd");
    }

    [Fact]
    public async Task ShowCurrentUser_Should_NameTheSessionUser_When_CalledAsProcedureOrCommand()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var options = new SessionOptions { Connection = new ClientConnection("bolt-1", "127.0.0.1:5000", "alice"), WritesForbidden = true };
        await using var session = db.OpenSession(options);
        var proc = Assert.Single((await (await session.RunAsync("CALL dbms.showCurrentUser()")).ToEagerAsync()).Records);
        Assert.Equal("alice", proc["username"]);
        Assert.Equal(["reader", "PUBLIC"], (IReadOnlyList<object?>)proc["roles"]!);
        var command = await (await session.RunAsync("SHOW CURRENT USER")).ToEagerAsync();
        Assert.Equal(["user", "roles", "passwordChangeRequired", "suspended", "home"], command.Keys);
        Assert.Equal("alice", Assert.Single(command.Records)["user"]);
    }

    [Fact]
    public async Task Labels_Should_ListOnlyLabelsInUse_When_Called()
    {
        await using var db = await SmallGraph();
        var labels = (await db.Q("CALL db.labels() YIELD label RETURN label")).Column("label");
        Assert.Equal(["Agency", "Country", "Empty", "Organization", "Person"], labels);
        Assert.Equal(["BASED_IN", "CITIZEN_OF", "KNOWS"], (await db.Q("CALL db.relationshipTypes()")).Column("relationshipType"));
        Assert.Contains("iso", (await db.Q("CALL db.propertyKeys()")).Column("propertyKey"));
    }

    [Fact]
    public async Task ApocValidate_Should_FailWithProcedureCallFailed_When_ThePredicateHolds()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("CALL apoc.util.validate(1 = 1, 'bad %s of %d', ['thing', 3])");
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", e.Code);
        Assert.Equal("Failed to invoke procedure `apoc.util.validate`: Caused by: java.lang.RuntimeException: bad thing of 3", e.Message);
        var ok = await db.Q("UNWIND [1, 2] AS x CALL apoc.util.validate(x > 5, 'too big', []) RETURN x");
        Assert.Equal([1L, 2L], ok.Column("x"));
    }

    [Fact]
    public async Task ApocValidatePredicate_Should_ReturnTrueOrFail_When_UsedInWhere()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var ok = await db.Q("UNWIND [1, 2] AS x WITH x WHERE apoc.util.validatePredicate(x > 5, 'no', [0]) RETURN x");
        Assert.Equal([1L, 2L], ok.Column("x"));
        var e = await db.Fails("UNWIND [1, 9] AS x WITH x WHERE apoc.util.validatePredicate(x > 5, '@neo4j/graphql/FORBIDDEN', [0]) RETURN x");
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", e.Code);
        Assert.Contains("Caused by: java.lang.RuntimeException: @neo4j/graphql/FORBIDDEN", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-10-01T10:00:00Z", "iso_zoned_date_time", "iso_offset_date_time", "2025-10-01T10:00:00Z")]
    [InlineData("2025-10-01T10:00:00.5+02:00[Europe/Kyiv]", "iso_zoned_date_time", "iso_offset_date_time", "2025-10-01T10:00:00.500+02:00")]
    [InlineData("2025-10-01T10:00:00+02:00", "iso_offset_date_time", "yyyy-MM-dd", "2025-10-01")]
    [InlineData("01/10/2025", "dd/MM/yyyy", "iso_local_date", "2025-10-01")]
    [InlineData("2025-10-01", "yyyy-MM-dd", "basic_iso_date", "20251001")]
    public async Task ApocConvertFormat_Should_ConvertBetweenFormats_When_BothAreKnown(string text, string from, string to, string expected)
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("RETURN apoc.date.convertFormat($t, $from, $to) AS v", new { t = text, from, to });
        Assert.Equal(expected, Assert.Single(r.Records)["v"]);
    }

    [Fact]
    public async Task ApocVersion_Should_ReturnTheApocReleaseOfNeo4j526_When_Called()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Equal("5.26.0", Assert.Single((await db.Q("RETURN apoc.version() AS v")).Records)["v"]);
        Assert.Null(Assert.Single((await db.Q("RETURN apoc.date.convertFormat(null, 'iso_date') AS v")).Records)["v"]);
    }

    [Fact]
    public async Task UnknownProcedure_Should_FailWithProcedureNotFound_When_Called()
    {
        await using var db = GraphDatabase.CreateInMemory();
        Assert.Equal("Neo.ClientError.Procedure.ProcedureNotFound", (await db.Fails("CALL apoc.nothing.here()")).Code);
        Assert.Equal(ErrorCodes.SyntaxError, (await db.Fails("RETURN apoc.nothing.here() AS x")).Code);
    }
}
