using KnowledgeGraph.Values;

namespace KnowledgeGraph.Cypher.Tests;

public sealed class ReadWriteTests
{
    [Fact]
    public async Task Create_Should_ReportCounters_And_Match_Should_ReturnNodesWithNeo4jColumnNames()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var created = await db.Q("CREATE (a:Person {name: 'Alice'})-[:KNOWS {since: 2001}]->(b:Person:Admin {name: 'Bob'})");
        Assert.Equal(2, created.Summary.Counters.NodesCreated);
        Assert.Equal(1, created.Summary.Counters.RelationshipsCreated);
        Assert.Equal(3, created.Summary.Counters.PropertiesSet);
        Assert.Equal(3, created.Summary.Counters.LabelsAdded);
        Assert.Equal("w", created.Summary.QueryType);
        Assert.Empty(created.Records);

        var r = await db.Q("MATCH (a:Person)-[k:KNOWS]->(b) RETURN a.name, b, k.since AS since, count(*)");
        Assert.Equal(["a.name", "b", "since", "count(*)"], r.Keys);
        var rec = Assert.Single(r.Records);
        Assert.Equal("Alice", rec["a.name"]);
        var b = Assert.IsType<GraphNode>(rec["b"]);
        Assert.Equal(["Person", "Admin"], b.Labels.Order().Reverse());
        Assert.Equal("Bob", b.Properties["name"]);
        Assert.Equal(2001L, rec["since"]);
        Assert.Equal(1L, rec["count(*)"]);
        Assert.Equal("r", r.Summary.QueryType);
    }

    [Fact]
    public async Task Parameters_Should_BindValues_And_IntsBecomeLongs()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND $rows AS row CREATE (:Item {id: row.id, tags: row.tags})",
            new { rows = new List<object?> { new Dictionary<string, object?> { ["id"] = 1, ["tags"] = new[] { "a", "b" } }, new Dictionary<string, object?> { ["id"] = 2, ["tags"] = new[] { "c" } } } });
        var r = await db.Q("MATCH (i:Item) WHERE i.id IN $ids RETURN i.id AS id, size(i.tags) AS n ORDER BY id DESC", new { ids = new List<object?> { 1, 2, 3 } });
        Assert.Equal([2L, 1L], r.Column("id"));
        Assert.Equal([1L, 2L], r.Column("n"));
    }

    [Fact]
    public async Task Merge_Should_CreateOnce_And_ApplyOnMatchSet()
    {
        await using var db = GraphDatabase.CreateInMemory();
        for (var i = 0; i < 3; i++)
            await db.Q("MERGE (c:Country {code: $code}) ON CREATE SET c.seen = 1 ON MATCH SET c.seen = c.seen + 1", new { code = "UA" });
        var r = await db.Q("MATCH (c:Country) RETURN c.code AS code, c.seen AS seen");
        var rec = Assert.Single(r.Records);
        Assert.Equal(3L, rec["seen"]);
    }

    [Fact]
    public async Task MatchCreate_Should_NotSeeItsOwnCreations()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (), ()");
        var r = await db.Q("MATCH (a) CREATE (b) RETURN count(*) AS c");
        Assert.Equal(2L, r.Records[0]["c"]);
        Assert.Equal(4L, (await db.Q("MATCH (n) RETURN count(n) AS c")).Records[0]["c"]);
    }

    [Fact]
    public async Task DetachDelete_Should_RemoveNodeAndRelationships_And_Delete_Should_RejectConnectedNode()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:A {n: 1})-[:R]->(:B)");
        var err = await db.Fails("MATCH (a:A) DELETE a");
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", err.Code);
        Assert.Equal("DeleteConnectedNode", err.Detail);
        var del = await db.Q("MATCH (a:A) DETACH DELETE a");
        Assert.Equal(1, del.Summary.Counters.NodesDeleted);
        Assert.Equal(1, del.Summary.Counters.RelationshipsDeleted);
        Assert.Equal(1L, (await db.Q("MATCH (n) RETURN count(*) AS c")).Records[0]["c"]);
    }

    [Fact]
    public async Task Subqueries_And_Comprehensions_Should_Evaluate()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (a:P {name: 'a'})-[:F]->(:P {name: 'b'}), (a)-[:F]->(:P {name: 'c'})");
        var r = await db.Q("""
            MATCH (p:P {name: 'a'})
            RETURN COUNT { (p)-->() } AS out, EXISTS { (p)<--() } AS hasIn,
                   [(p)-->(x) | x.name] AS names, p {.name, deg: size([(p)--() | 1])} AS proj
            """);
        var rec = Assert.Single(r.Records);
        Assert.Equal(2L, rec["out"]);
        Assert.Equal(false, rec["hasIn"]);
        Assert.Equal(["b", "c"], ((IReadOnlyList<object?>)rec["names"]!).Order());
        var proj = (IReadOnlyDictionary<string, object?>)rec["proj"]!;
        Assert.Equal(2L, proj["deg"]);
        var call = await db.Q("MATCH (p:P) CALL (p) { MATCH (p)-->(q) RETURN count(q) AS c } RETURN p.name AS n, c ORDER BY n");
        Assert.Equal([2L, 0L, 0L], call.Column("c"));
    }

    [Fact]
    public async Task Procedures_Should_ListLabelsTypesAndComponents()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:A {x: 1})-[:T]->(:B)");
        Assert.Equal(["A", "B"], (await db.Q("CALL db.labels()")).Column("label"));
        Assert.Equal(["T"], (await db.Q("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")).Column("relationshipType"));
        Assert.Contains("x", (await db.Q("CALL db.propertyKeys()")).Column("propertyKey"));
        var comp = await db.Q("CALL dbms.components() YIELD name, versions, edition RETURN name, edition");
        Assert.Equal("Neo4j Kernel", comp.Records[0]["name"]);
    }

    [Fact]
    public async Task RegisteredProcedure_Should_BeCallable()
    {
        await using var db = GraphDatabase.CreateInMemory();
        db.RegisterProcedure(new ProcedureSignature("test.double", [new("x", "INTEGER?")], [new("y", "INTEGER?")]),
            (args, _) => [[(long)args[0]! * 2]]);
        var r = await db.Q("UNWIND [1, 2] AS v CALL test.double(v) YIELD y RETURN sum(y) AS s");
        Assert.Equal(6L, r.Records[0]["s"]);
    }
}
