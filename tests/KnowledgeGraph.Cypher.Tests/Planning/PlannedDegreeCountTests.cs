using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// A count over a hop whose far end nothing else reads runs as GetDegree (no row per relationship): shown in
/// EXPLAIN / PROFILE with how it counts, exact inside a write transaction (its own uncommitted relationships and
/// labels) and after commits that change a cached hub's count; the shapes that must keep the expansion keep it.
/// </summary>
public sealed class PlannedDegreeCountTests
{
    private static IEnumerable<PlanNode> Flatten(PlanNode p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    /// <summary>60 people, 10 orgs; person i is a member of org i % 10 (6 members each).</summary>
    private static async Task<GraphDatabase> People()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("UNWIND range(0, 59) AS i CREATE (:Person {key: 'p' + i, age: 20 + i})");
        await db.Q("UNWIND range(0, 9) AS i CREATE (:Org {key: 'o' + i})");
        await db.Q("MATCH (p:Person), (o:Org) WHERE toInteger(substring(p.key, 1)) % 10 = toInteger(substring(o.key, 1)) CREATE (p)-[:MEMBER_OF]->(o)");
        return db;
    }

    [Fact]
    public async Task Profile_Should_ShowGetDegree_When_CountingTheFarNodeOfAHop()
    {
        await using var db = await People();
        var plain = await db.Q("PROFILE MATCH (o:Org)<-[:MEMBER_OF]-(p) RETURN o.key AS o, count(p) AS n", mode: AccessMode.Read);
        Assert.Equal(10, plain.Records.Count);
        Assert.All(plain.Records, r => Assert.Equal(6L, r["n"]));
        var degree = Flatten(plain.Summary.Plan!).Single(p => p.OperatorType == "GetDegree");
        Assert.Equal("getDegree((o)<-[anon_0:MEMBER_OF]-(p)) (Degree)", degree.Arguments["Details"]);
        Assert.Equal(10, degree.Rows);
        Assert.Equal(10, degree.DbHits); // one degree read per org, not one per relationship
        Assert.DoesNotContain(Flatten(plain.Summary.Plan!), p => p.OperatorType.StartsWith("Expand", StringComparison.Ordinal));

        var labelled = await db.Q("PROFILE MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WITH o, count(p) AS c RETURN sum(c) AS total", mode: AccessMode.Read);
        Assert.Equal(60L, labelled.Records[0]["total"]);
        var counted = Flatten(labelled.Summary.Plan!).Single(p => p.OperatorType == "GetDegree");
        Assert.Equal("getDegree((o)<-[anon_0:MEMBER_OF]-(p) WHERE p:Person) (LabelCount)", counted.Arguments["Details"]);

        var walked = (await db.Q("EXPLAIN MATCH (o:Org)<-[:MEMBER_OF]-(p) WHERE p.age > 30 RETURN o.key AS o, count(*) AS n", mode: AccessMode.Read)).Summary.Plan!;
        Assert.Equal("getDegree((o)<-[anon_0:MEMBER_OF]-(p) WHERE p.age > 30)", Flatten(walked).Single(p => p.OperatorType == "GetDegree").Arguments["Details"]);
    }

    [Theory]
    [InlineData("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) RETURN o.key AS o, count(DISTINCT p) AS n")]
    [InlineData("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) RETURN o.key AS o, count(p.age) AS n")]
    [InlineData("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) RETURN p.age AS a, count(*) AS n")]
    [InlineData("MATCH (o:Org)<-[:MEMBER_OF]-(p:Person) RETURN o.key AS o, count(*) AS n, collect(p.key) AS ks")]
    public async Task Explain_Should_KeepTheExpansion_When_TheAggregationReadsTheFarNode(string query)
    {
        await using var db = await People();
        var plan = (await db.Q("EXPLAIN " + query, mode: AccessMode.Read)).Summary.Plan!;
        Assert.Equal("PIPELINED", plan.Arguments["runtime"]);
        Assert.Contains(Flatten(plan), p => p.OperatorType == "Expand(All)");
        Assert.DoesNotContain(Flatten(plan), p => p.OperatorType == "GetDegree");
    }

    [Fact]
    public async Task GetDegree_Should_CountTheTransactionsOwnChanges_When_RunInsideAWriteTransaction()
    {
        await using var db = await People();
        await using var session = db.OpenSession();
        await using (var tx = await session.BeginTransactionAsync())
        {
            // o3's members: p3, p13, p23, p33, p43, p53. Uncommitted: p3 leaves, p0 joins, a new person and an
            // unlabelled node join, p13 stops being a Person.
            await (await tx.RunAsync("MATCH (:Person {key: 'p3'})-[r:MEMBER_OF]->() DELETE r")).ToEagerAsync();
            await (await tx.RunAsync("MATCH (p:Person {key: 'p0'}), (o:Org {key: 'o3'}) CREATE (p)-[:MEMBER_OF]->(o)")).ToEagerAsync();
            await (await tx.RunAsync("MATCH (o:Org {key: 'o3'}) CREATE (:Person {key: 'p60'})-[:MEMBER_OF]->(o), ()-[:MEMBER_OF]->(o)")).ToEagerAsync();
            await (await tx.RunAsync("MATCH (p:Person {key: 'p13'}) REMOVE p:Person")).ToEagerAsync();
            const string labelled = "MATCH (p:Person)-[:MEMBER_OF]->(o:Org) WITH o, count(p) AS c WHERE o.key = 'o3' RETURN c";
            const string any = "MATCH (o:Org)<-[:MEMBER_OF]-(p) WITH o, count(p) AS c WHERE o.key = 'o3' RETURN c";
            var plan = (await (await tx.RunAsync("EXPLAIN " + labelled)).ToEagerAsync()).Summary.Plan!;
            Assert.Contains(Flatten(plan), p => p.OperatorType == "GetDegree");
            Assert.Equal(6L, (await (await tx.RunAsync(labelled)).ToEagerAsync()).Records.Single()["c"]);
            Assert.Equal(8L, (await (await tx.RunAsync(any)).ToEagerAsync()).Records.Single()["c"]);
            using (PlannerSwitch.UseInterpreter())
            {
                Assert.Equal(6L, (await (await tx.RunAsync(labelled)).ToEagerAsync()).Records.Single()["c"]);
                Assert.Equal(8L, (await (await tx.RunAsync(any)).ToEagerAsync()).Records.Single()["c"]);
            }
            await tx.RollbackAsync();
        }
        var committed = await db.Q("MATCH (p:Person)-[:MEMBER_OF]->(o:Org {key: 'o3'}) RETURN count(p) AS c", mode: AccessMode.Read);
        Assert.Equal(6L, committed.Records.Single()["c"]);
    }

    [Fact]
    public async Task GetDegree_Should_FollowCommits_When_AHubsLabelCountWasKept()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // A hub above the degree from which label counts are kept across statements.
        await db.Q("CREATE (h:Org {key: 'hub'}) WITH h UNWIND range(1, 100) AS i CREATE (:Person {i: i})-[:MEMBER_OF]->(h)");
        await db.Q("MATCH (h:Org) CREATE (:Robot)-[:MEMBER_OF]->(h)");
        const string query = "MATCH (p:Person)-[:MEMBER_OF]->(o:Org) RETURN o.key AS o, count(p) AS c";
        async Task<long> Count() => (long)(await db.Q(query, mode: AccessMode.Read)).Records.Single()["c"]!;
        Assert.Equal(100L, await Count());
        Assert.Equal(100L, await Count()); // kept
        await db.Q("MATCH (p:Person {i: 7}) REMOVE p:Person");
        Assert.Equal(99L, await Count());
        await db.Q("MATCH (r:Robot) SET r:Person");
        Assert.Equal(100L, await Count());
        await db.Q("MATCH (p:Person {i: 8})-[r:MEMBER_OF]->() DELETE r");
        Assert.Equal(99L, await Count());
        await db.Q("MATCH (h:Org) CREATE (:Person)-[:MEMBER_OF]->(h), (h)-[:MEMBER_OF]->(h)");
        Assert.Equal(100L, await Count());
        await db.Q("MATCH (h:Org) SET h:Person");
        Assert.Equal(101L, await Count()); // the self-loop's far end is now a Person
    }
}
