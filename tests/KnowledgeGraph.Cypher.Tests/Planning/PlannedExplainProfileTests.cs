using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// EXPLAIN and PROFILE of a planned query print the operators that ran (runtime PIPELINED), with the cost model's
/// estimates and, profiled, the rows and db hits each operator counted.
/// </summary>
public sealed class PlannedExplainProfileTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    /// <summary>The operator chain from the root down the first child.</summary>
    private static List<string> Spine(PlanNode p)
    {
        var ops = new List<string>();
        for (PlanNode? n = p; n is not null; n = n.Children.Count > 0 ? n.Children[0] : null) ops.Add(n.OperatorType);
        return ops;
    }

    private static async Task<GraphDatabase> People()
    {
        var db = GraphDatabase.CreateInMemory();
        // 60 people aged 20..79 in three cities; 20 of them over 59; 10 organisations.
        await db.Q("UNWIND range(0, 59) AS i CREATE (:Person {key: 'p' + i, age: 20 + i, city: ['Kyiv', 'Rome', 'Paris'][i % 3]})");
        await db.Q("UNWIND range(0, 9) AS i CREATE (:Org {key: 'o' + i})");
        await db.Q("MATCH (p:Person), (o:Org) WHERE toInteger(substring(p.key, 1)) % 10 = toInteger(substring(o.key, 1)) CREATE (p)-[:MEMBER_OF]->(o)");
        return db;
    }

    [Fact]
    public async Task Profile_Should_ShowAggregationOverFilterOverLabelScan_When_GroupingAFilteredLabel()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE MATCH (p:Person) WHERE p.age > 40 RETURN p.city, count(*)");
        Assert.Equal(3, r.Records.Count);
        Assert.Equal(39L, r.Records.Sum(x => (long)x["count(*)"]!));
        var plan = r.Summary.Plan!;
        Assert.Equal(["ProduceResults", "EagerAggregation", "Filter", "NodeByLabelScan"], Spine(plan));
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var ops = Flatten(plan).ToDictionary(p => p.OperatorType);
        Assert.Equal(60, ops["NodeByLabelScan"].Rows);
        Assert.Equal(60, ops["NodeByLabelScan"].DbHits);
        Assert.Equal(39, ops["Filter"].Rows);
        Assert.Equal(60, ops["Filter"].DbHits); // one property read per person
        Assert.Equal(3, ops["EagerAggregation"].Rows);
        Assert.Equal(3, plan.Rows);
        Assert.Equal("p:Person", ops["NodeByLabelScan"].Arguments["Details"]);
        Assert.Equal("p.age > 40", ops["Filter"].Arguments["Details"]);
        Assert.Equal(60.0, ops["NodeByLabelScan"].Arguments["EstimatedRows"]);
    }

    [Fact]
    public async Task Explain_Should_ChooseAnIndexSeek_When_AnIndexExists_And_TheLabelScanOtherwise()
    {
        await using var db = await People();
        const string query = "EXPLAIN MATCH (p:Person {key: $k})-[:MEMBER_OF]->(o:Org) RETURN o.key AS org";
        var scan = (await db.Q(query, new { k = "p13" })).Summary.Plan!;
        Assert.Equal(["ProduceResults", "Projection", "Filter", "Expand(All)", "Filter", "NodeByLabelScan"], Spine(scan));
        await db.Q("CREATE INDEX person_key FOR (p:Person) ON (p.key)");
        var seek = (await db.Q(query, new { k = "p13" })).Summary.Plan!;
        Assert.Equal(["ProduceResults", "Projection", "Filter", "Expand(All)", "NodeIndexSeek"], Spine(seek));
        Assert.Equal("RANGE INDEX p:Person(key) WHERE key = $k", Flatten(seek).Single(p => p.OperatorType == "NodeIndexSeek").Arguments["Details"]);
        await db.Q("DROP INDEX person_key");
        await db.Q("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE");
        var unique = await db.Q("PROFILE MATCH (p:Person {key: $k})-[:MEMBER_OF]->(o:Org) RETURN o.key AS org", new { k = "p13" });
        Assert.Equal(["o3"], unique.Column("org"));
        var leaf = Flatten(unique.Summary.Plan!).Single(p => p.OperatorType == "NodeUniqueIndexSeek");
        Assert.Equal(1, leaf.Rows);
        Assert.Equal(1.0, leaf.Arguments["EstimatedRows"]);
    }

    [Fact]
    public async Task Profile_Should_ShowTopAndStopEarly_When_OrderByLimitOverGroups()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WITH o, count(p) AS c ORDER BY c DESC, o.key LIMIT 3 RETURN collect(c) AS v");
        Assert.Equal(new List<object?> { 6L, 6L, 6L }, r.Records[0]["v"]);
        var spine = Spine(r.Summary.Plan!);
        Assert.Equal(["ProduceResults", "EagerAggregation", "Top", "EagerAggregation", "GetDegree", "NodeByLabelScan"], spine);
        var ops = Flatten(r.Summary.Plan!).ToList();
        Assert.Equal(10, ops.First(p => p.OperatorType == "EagerAggregation" && p.Rows == 10).Rows);
        var top = ops.Single(p => p.OperatorType == "Top");
        Assert.Equal(3, top.Rows);
        Assert.Equal("c DESC, o.key ASC LIMIT 3", top.Arguments["Details"]);
        // The smaller label (10 orgs) is where the chain starts.
        Assert.Equal("o:Org", ops.Single(p => p.OperatorType == "NodeByLabelScan").Arguments["Details"]);
    }

    [Fact]
    public async Task Profile_Should_ReadOneBatch_When_LimitOneOverALabel()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(1, 5000) AS i CREATE (:Big {i: i})");
        var r = await db.Q("PROFILE MATCH (n:Big) RETURN n.i AS i LIMIT 1");
        Assert.Single(r.Records);
        var scan = Flatten(r.Summary.Plan!).Single(p => p.OperatorType == "NodeByLabelScan");
        Assert.Equal(PlanOperator.FirstBatchSize, scan.Rows); // one first batch, not the label
    }

    [Fact]
    public async Task Explain_Should_KeepTheInterpretedPlan_When_TheQueryWrites_Or_IsNotCovered()
    {
        await using var db = await People();
        // CALL subqueries are planned (PlannedSubqueryTests); one that writes is not.
        var subquery = (await db.Q("EXPLAIN MATCH (p:Person) CALL { WITH p SET p.seen = true RETURN p.key AS k } RETURN k")).Summary.Plan!;
        Assert.Equal("SLOTTED", subquery.Arguments["runtime"]);
        var standalone = (await db.Q("EXPLAIN CALL db.labels()")).Summary.Plan!;
        Assert.Equal("SLOTTED", standalone.Arguments["runtime"]);
        var writes = (await db.Q("EXPLAIN MATCH (p:Person) SET p.seen = true RETURN p")).Summary.Plan!;
        Assert.Equal("SLOTTED", writes.Arguments["runtime"]);
        var planned = (await db.Q("EXPLAIN MATCH (p:Person) RETURN DISTINCT p.city AS c ORDER BY c")).Summary.Plan!;
        Assert.Equal("PIPELINED", planned.Arguments["runtime"]);
        Assert.Equal(["ProduceResults", "Sort", "Distinct", "NodeByLabelScan"], Spine(planned));
    }
}
