using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

public sealed class SchemaAndPlanTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    [Fact]
    public async Task CreateIndex_Should_BeShown_And_UsedBySeek()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 100) AS i CREATE (:Person {id: i})");
        var created = await db.Q("CREATE INDEX person_id IF NOT EXISTS FOR (p:Person) ON (p.id)");
        Assert.Equal(1, created.Summary.Counters.IndexesAdded);
        Assert.Equal("s", created.Summary.QueryType);
        var again = await db.Q("CREATE INDEX person_id IF NOT EXISTS FOR (p:Person) ON (p.id)");
        Assert.Equal(0, again.Summary.Counters.IndexesAdded);

        var show = await db.Q("SHOW RANGE INDEXES");
        Assert.Equal(["id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes", "properties", "indexProvider", "owningConstraint", "lastRead", "readCount"], show.Keys);
        var row = Assert.Single(show.Records);
        Assert.Equal("person_id", row["name"]);
        Assert.Equal(new List<object?> { "Person" }, row["labelsOrTypes"]);

        var explain = await db.Q("EXPLAIN MATCH (p:Person) WHERE p.id = $id RETURN p", new { id = 5 });
        Assert.Empty(explain.Records);
        var ops = Flatten(explain.Summary.Plan!).Select(p => p.OperatorType).ToList();
        Assert.Equal("ProduceResults", ops[0]);
        Assert.Contains("NodeIndexSeek", ops);
        Assert.All(Flatten(explain.Summary.Plan!), p => Assert.True(p.Arguments.ContainsKey("EstimatedRows")));

        var hit = await db.Q("MATCH (p:Person {id: 42}) RETURN p.id AS id");
        Assert.Equal([42L], hit.Column("id"));

        var dropped = await db.Q("DROP INDEX person_id");
        Assert.Equal(1, dropped.Summary.Counters.IndexesRemoved);
        Assert.Empty((await db.Q("SHOW RANGE INDEXES")).Records);
        var scan = await db.Q("EXPLAIN MATCH (p:Person) WHERE p.id = 5 RETURN p");
        Assert.Contains("NodeByLabelScan", Flatten(scan.Summary.Plan!).Select(p => p.OperatorType));
    }

    [Fact]
    public async Task UniqueConstraint_Should_RejectDuplicates_And_BeShown()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var c = await db.Q("CREATE CONSTRAINT country_code FOR (c:Country) REQUIRE c.code IS UNIQUE");
        Assert.Equal(1, c.Summary.Counters.ConstraintsAdded);
        await db.Q("CREATE (:Country {code: 'UA'})");
        var err = await db.Fails("CREATE (:Country {code: 'UA'})");
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", err.Code);
        var show = await db.Q("SHOW CONSTRAINTS YIELD name, type RETURN name, type");
        Assert.Equal("country_code", show.Records[0]["name"]);
        Assert.Equal(1L, (await db.Q("MATCH (c:Country) RETURN count(*) AS n")).Records[0]["n"]);
        var drop = await db.Q("DROP CONSTRAINT country_code");
        Assert.Equal(1, drop.Summary.Counters.ConstraintsRemoved);
    }

    [Fact]
    public async Task Profile_Should_ReportRowsAndDbHits()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 10) AS i CREATE (:A {i: i})-[:R]->(:B)");
        var r = await db.Q("PROFILE MATCH (a:A)-[:R]->(b:B) WHERE a.i > 5 RETURN a.i AS i ORDER BY i");
        Assert.Equal(5, r.Records.Count);
        Assert.True(r.Summary.Profiled);
        var plan = r.Summary.Plan!;
        Assert.Equal("ProduceResults", plan.OperatorType);
        Assert.Equal(5, plan.Rows);
        var all = Flatten(plan).ToList();
        Assert.Contains(all, p => p.OperatorType == "NodeByLabelScan");
        Assert.Contains(all, p => p.OperatorType == "Expand(All)");
        Assert.Contains(all, p => p.OperatorType == "Sort");
        Assert.True(all.Sum(p => p.DbHits) > 0);
    }

    [Fact]
    public async Task Profile_Should_ChargeTheScanToTheScanOperator_When_AMatchScansALabel()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 10) AS i CREATE (:A {i: i})-[:R]->(:B)");
        await db.Q("UNWIND range(1, 30) AS i CREATE (:B)");
        var plan = (await db.Q("PROFILE MATCH (a:A)-[:R]->(b:B) RETURN b")).Summary.Plan!;
        var all = Flatten(plan).ToList();
        var scan = Assert.Single(all, p => p.OperatorType == "NodeByLabelScan");
        Assert.Equal(10, scan.DbHits); // one per :A node read
        var expand = Assert.Single(all, p => p.OperatorType == "Expand(All)");
        Assert.True(expand.DbHits >= 10, $"the expansion made {expand.DbHits} db hits");
        // The rest is the label check of b (a Filter above the expansion in the planned query).
        var filter = Assert.Single(all, p => p.OperatorType == "Filter");
        Assert.Equal(all.Sum(p => p.DbHits), scan.DbHits + expand.DbHits + filter.DbHits);
    }

    [Fact]
    public async Task CountStar_Should_UseCountStore()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 7) AS i CREATE (:A)-[:R]->(:B)");
        var r = await db.Q("PROFILE MATCH (n:A) RETURN count(*) AS c");
        Assert.Equal(7L, r.Records[0]["c"]);
        Assert.Contains(Flatten(r.Summary.Plan!), p => p.OperatorType == "NodeCountFromCountStore");
        var rel = await db.Q("MATCH ()-[r:R]->() RETURN count(r) AS c");
        Assert.Equal(7L, rel.Records[0]["c"]);
    }
}

public sealed class IdSeekTests
{
    [Fact]
    public async Task ElementIdPredicate_Should_SeekTheNode_And_ExplainShouldSayByElementIdSeek()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 50) AS i CREATE (:Item {i: i})");
        var target = (await db.Q("MATCH (n:Item {i: 7}) RETURN elementId(n) AS e, id(n) AS id")).Records[0];
        var byElement = await db.Q("MATCH (n) WHERE elementId(n) = $e RETURN n.i AS i", new { e = target["e"] });
        Assert.Equal([7L], byElement.Column("i"));
        var byId = await db.Q("MATCH (n:Item) WHERE id(n) IN [$id] RETURN n.i AS i", new { id = target["id"] });
        Assert.Equal([7L], byId.Column("i"));
        var plan = (await db.Q("EXPLAIN MATCH (n) WHERE elementId(n) = $e RETURN n", new { e = target["e"] })).Summary.Plan!;
        static IEnumerable<KnowledgeGraph.Driver.PlanNode> All(KnowledgeGraph.Driver.PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(All));
        Assert.Contains(All(plan), p => p.OperatorType == "NodeByElementIdSeek");
        Assert.Empty((await db.Q("MATCH (n) WHERE elementId(n) = 'nope' RETURN n")).Records);
    }
}
