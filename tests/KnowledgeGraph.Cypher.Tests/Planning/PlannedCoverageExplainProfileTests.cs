using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// EXPLAIN and PROFILE of the shapes planned beyond fixed-length MATCH — OPTIONAL MATCH (Apply / Optional),
/// UNWIND, path variables, variable-length relationships and shortest paths — print the operators that ran, with
/// Neo4j's names and Details, and the rows and db hits they counted.
/// </summary>
public sealed class PlannedCoverageExplainProfileTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    private static PlanNode Op(PlanNode plan, string name) => Flatten(plan).Single(p => p.OperatorType == name);

    private static string Dump(PlanNode p, int depth = 0) =>
        new string(' ', depth * 2) + p.OperatorType + " " + (p.Arguments.TryGetValue("Details", out var d) ? d : "") + $" rows={p.Rows} hits={p.DbHits}\n"
        + string.Concat(p.Children.Select(c => Dump(c, depth + 1)));

    /// <summary>60 people, each a member of one of 10 organisations; a KNOWS chain p0 → p1 → … → p9.</summary>
    private static async Task<GraphDatabase> People()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, 59) AS i CREATE (:Person {key: 'p' + i, age: 20 + i})");
        await db.Q("UNWIND range(0, 9) AS i CREATE (:Org {key: 'o' + i})");
        await db.Q("MATCH (p:Person), (o:Org) WHERE toInteger(substring(p.key, 1)) % 10 = toInteger(substring(o.key, 1)) CREATE (p)-[:MEMBER_OF]->(o)");
        await db.Q("UNWIND range(0, 8) AS i MATCH (a:Person {key: 'p' + i}), (b:Person {key: 'p' + (i + 1)}) CREATE (a)-[:KNOWS]->(b)");
        return db;
    }

    [Fact]
    public async Task Profile_Should_ShowApplyOverOptional_When_AnOptionalMatchFindsSomeRows()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE MATCH (p:Person) OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Org) WHERE o.key = 'o3' RETURN p.key AS p, o.key AS o");
        Assert.Equal(60, r.Records.Count);
        Assert.Equal(6, r.Records.Count(x => x["o"] is "o3"));
        Assert.Equal(54, r.Records.Count(x => x["o"] is null));
        var plan = r.Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var apply = Op(plan, "Apply");
        Assert.Equal(["NodeByLabelScan", "Optional"], apply.Children.Select(c => c.OperatorType));
        Assert.Equal(60, apply.Rows);
        Assert.Equal(60, Op(plan, "Optional").Rows);
        var expand = Op(plan, "Expand(All)");
        Assert.Equal("(p)-[anon_0:MEMBER_OF]->(o)", expand.Arguments["Details"]);
        Assert.Equal(60, expand.Rows);
        Assert.Equal(60, expand.DbHits); // one relationship read per person
        Assert.Equal(6, Op(plan, "Filter").Rows);
    }

    [Fact]
    public async Task Profile_Should_ShowUnwind_When_TheListHoldsNullsAndValues()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE UNWIND [1, null, 'p3'] AS x RETURN x");
        Assert.Equal(new object?[] { 1L, null, "p3" }, r.Column("x"));
        var unwind = Op(r.Summary.Plan!, "Unwind");
        Assert.Equal("[1, null, 'p3'] AS x", unwind.Arguments["Details"]);
        Assert.Equal(3, unwind.Rows);
        Assert.Equal(3.0, unwind.Arguments["EstimatedRows"]);
        Assert.Empty((await db.Q("UNWIND null AS x RETURN x")).Records);
    }

    [Fact]
    public async Task Profile_Should_ShowVarLengthExpand_When_APatternHasAVariableLengthRelationship()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE MATCH (a:Person {key: 'p2'})-[:KNOWS*1..3]->(b) RETURN b.key AS b");
        Assert.Equal(["p3", "p4", "p5"], r.Column("b").Order());
        var plan = r.Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var expand = Op(plan, "VarLengthExpand(All)");
        Assert.Equal("(a)-[anon_0:KNOWS*1..3]->(b)", expand.Arguments["Details"]);
        Assert.Equal(3, expand.Rows);
        Assert.True(expand.DbHits >= 3, Dump(plan)); // each relationship walked is read
        var into = await db.Q("PROFILE MATCH (a:Person {key: 'p2'}), (b:Person {key: 'p4'}) MATCH (a)-[r:KNOWS*]->(b) RETURN size(r) AS n");
        Assert.Equal([2L], into.Column("n"));
        Assert.Equal(1, Op(into.Summary.Plan!, "VarLengthExpand(Into)").Rows);
    }

    [Fact]
    public async Task Profile_Should_ShowShortestPath_When_OptionalMatchSearchesOne()
    {
        await using var db = await People();
        const string query = "PROFILE MATCH (a:Person {key: $a}), (b:Person {key: $b}) OPTIONAL MATCH p = shortestPath((a)-[:KNOWS*..8]-(b)) RETURN length(p) AS v";
        var found = await db.Q(query, new { a = "p1", b = "p6" });
        Assert.Equal([5L], found.Column("v"));
        var plan = found.Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        var shortest = Op(plan, "ShortestPath");
        Assert.Equal("p = (a)-[:KNOWS*1..8]-(b)", shortest.Arguments["Details"]);
        Assert.Equal(1, shortest.Rows);
        Assert.True(shortest.DbHits > 0, Dump(plan));
        var none = await db.Q(query, new { a = "p1", b = "p40" });
        Assert.Equal([null], none.Column("v"));
        Assert.Equal(0, Op(none.Summary.Plan!, "ShortestPath").Rows);
        Assert.Equal(1, Op(none.Summary.Plan!, "Apply").Rows);
    }

    [Fact]
    public async Task Explain_Should_ProjectThePath_When_AFixedLengthPatternNamesIt()
    {
        await using var db = await People();
        var r = await db.Q("PROFILE MATCH path = (p:Person {key: 'p3'})-[:MEMBER_OF]->(o) RETURN length(path) AS l, o.key AS o");
        Assert.Equal([1L], r.Column("l"));
        var projections = Flatten(r.Summary.Plan!).Where(p => p.OperatorType == "Projection").ToList();
        Assert.Contains(projections, p => "(p)-[anon_0:MEMBER_OF]->(o) AS path".Equals(p.Arguments["Details"]));
    }

    [Fact]
    public async Task Profile_Should_SeekById_And_ByRange_When_TheWhereOffersIt()
    {
        await using var db = await People();
        var id = (long)(await db.Q("MATCH (p:Person {key: 'p5'}) RETURN id(p) AS id")).Records[0]["id"]!;
        var byId = await db.Q("PROFILE MATCH (n) WHERE id(n) = $id RETURN n.key AS k", new { id });
        Assert.Equal(["p5"], byId.Column("k"));
        var seek = Op(byId.Summary.Plan!, "NodeByIdSeek");
        Assert.Equal("n WHERE id(n) = $id", seek.Arguments["Details"]);
        Assert.Equal(1, seek.Rows);
        var element = await db.Q("EXPLAIN MATCH (n:Person) WHERE elementId(n) IN $ids RETURN n", new { ids = new List<object?>() });
        Assert.Equal("n WHERE elementId(n) IN $ids", Op(element.Summary.Plan!, "NodeByElementIdSeek").Arguments["Details"]);

        await db.Q("CREATE INDEX person_age FOR (p:Person) ON (p.age)");
        var range = await db.Q("PROFILE MATCH (p:Person) WHERE p.age >= 70 AND p.age < 75 RETURN p.key AS k");
        Assert.Equal(5, range.Records.Count);
        var byRange = Op(range.Summary.Plan!, "NodeIndexSeekByRange");
        Assert.Equal("RANGE INDEX p:Person(age) WHERE age >= 70 AND age < 75", byRange.Arguments["Details"]);
        Assert.Equal(5, byRange.Rows);
        Assert.Equal(5, byRange.DbHits);
        await db.Q("CREATE INDEX person_key FOR (p:Person) ON (p.key)");
        var prefix = await db.Q("PROFILE MATCH (p:Person) WHERE p.key STARTS WITH 'p5' RETURN count(*) AS n");
        Assert.Equal([11L], prefix.Column("n"));
        var byPrefix = Op(prefix.Summary.Plan!, "NodeIndexSeekByRange");
        Assert.Equal("RANGE INDEX p:Person(key) WHERE key STARTS WITH 'p5'", byPrefix.Arguments["Details"]);
        Assert.Equal(11, byPrefix.Rows);
    }
}
