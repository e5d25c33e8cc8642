using KnowledgeGraph.Cypher.Matching;
using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Syntax;
using KnowledgeGraph.Cypher.Syntax.Ast;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// A statement's walk graph stays warm for the next statement of the same store when that one reads the same committed
/// snapshot with the same predicates and parameter values (Matching/WalkGraph.Warm.cs). Anything else must judge anew:
/// a commit in between (a new relationship, a changed property the predicates read), another parameter value, another
/// store whose transaction ids are the same. Expected rows come from the interpreter, which walks without walk graphs.
/// </summary>
public sealed class WalkGraphWarmTests
{
    private const string Walk = "MATCH (a:Node {key: $k}) MATCH (b:Node) " +
        "MATCH p = (a)-[:KNOWS|MET*1..3]-(b) WHERE all(r IN relationships(p) WHERE r.w IN $ws) " +
        "AND all(v IN nodes(p)[1..-1] WHERE v.age IS NULL OR v.age > $age) RETURN b.key AS b, [n IN nodes(p) | n.key] AS ks";

    private static Dictionary<string, object?> Parameters(string k, long w, long age) => WalkGraphPoolTests.Parameters(k, w, age);

    private static async Task<List<string>> Planned(GraphDatabase db, Dictionary<string, object?> parameters) =>
        (await db.Q(Walk, parameters, AccessMode.Read)).Records.Select(r => $"{r["b"]} {PlanComparison.Render(r["ks"])}").ToList();

    private static async Task<List<string>> Interpreted(GraphDatabase db, Dictionary<string, object?> parameters)
    {
        using (PlannerSwitch.UseInterpreter()) return await Planned(db, parameters);
    }

    [Fact]
    public async Task Walk_Should_FindTheNewSnapshotsPaths_When_AWriteCommitsBetweenTwoIdenticalStatements()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(8);
        var p = Parameters("n0", 1, 30);
        var before = await Interpreted(db, p);
        Assert.Equal(before, await Planned(db, p));
        Assert.Equal(before, await Planned(db, p)); // the second takes the first one's warm graph

        // A relationship the predicates admit: new paths, which a graph kept from the old snapshot would not have.
        await db.Q("MATCH (a:Node {key: 'n0'}), (b:Node {key: 'n5'}) CREATE (a)-[:KNOWS {w: 1}]->(b)");
        var added = await Interpreted(db, p);
        Assert.NotEqual(before, added);
        Assert.Equal(added, await Planned(db, p));
        Assert.Equal(added, await Planned(db, p));

        // The same relationship now refused by the predicates: a kept verdict would still admit it.
        await db.Q("MATCH (:Node {key: 'n0'})-[r:KNOWS]->(:Node {key: 'n5'}) WHERE r.w = 1 SET r.w = 2");
        var refused = await Interpreted(db, p);
        Assert.NotEqual(added, refused);
        Assert.Equal(refused, await Planned(db, p));
    }

    [Fact]
    public async Task Walk_Should_JudgeAnew_When_AParameterThePredicatesReadChanges()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(9);
        var a = Parameters("n0", 1, 30);
        var b = Parameters("n0", 2, 30);
        var c = Parameters("n0", 1, 60);
        var expected = new Dictionary<object, List<string>> { [a] = await Interpreted(db, a), [b] = await Interpreted(db, b), [c] = await Interpreted(db, c) };
        Assert.NotEqual(expected[a], expected[b]);
        Assert.NotEqual(expected[a], expected[c]);
        // Repeats (warm) and changes (cold) in turn; a fresh dictionary each time, so only the values can match.
        foreach (var parameters in new[] { a, a, b, b, a, c, c, a })
            Assert.Equal(expected[parameters], await Planned(db, new Dictionary<string, object?>(parameters)));
    }

    [Fact]
    public async Task Walk_Should_JudgeAnew_When_TheCallerChangesTheParameterListItPassedBefore()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(13);
        var expectedOne = await Interpreted(db, Parameters("n0", 1, 30));
        var expectedTwo = await Interpreted(db, Parameters("n0", 2, 30));
        Assert.NotEqual(expectedOne, expectedTwo);
        // One list object, changed in place between two statements (a caller reusing its buffer).
        var ws = new List<object?> { 1L };
        var parameters = new Dictionary<string, object?> { ["k"] = "n0", ["ws"] = ws, ["age"] = 30L };
        Assert.Equal(expectedOne, await Planned(db, parameters));
        ws[0] = 2L;
        Assert.Equal(expectedTwo, await Planned(db, parameters));
    }

    [Fact]
    public async Task Walk_Should_KeepEachStoresVerdicts_When_TwoDatabasesShareTheirTransactionIds()
    {
        // Built by the same statements, the two stores have the same transaction ids and different graphs.
        await using var first = await BoundWalkDifferentialTests.RandomGraph(10);
        await using var second = await BoundWalkDifferentialTests.RandomGraph(11);
        var p = Parameters("n0", 1, 30);
        var expectedFirst = await Interpreted(first, p);
        var expectedSecond = await Interpreted(second, p);
        Assert.NotEqual(expectedFirst, expectedSecond);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(expectedFirst, await Planned(first, p));
            Assert.Equal(expectedSecond, await Planned(second, p));
        }
    }

    [Fact]
    public async Task Profile_Should_CountTheStoreReadsOfTheStatementItself_When_AnIdenticalStatementRanBefore()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(12);
        var p = Parameters("n0", 1, 30);
        static long DbHits(EagerResult result)
        {
            static long Sum(PlanNode plan) => plan.DbHits + plan.Children.Sum(Sum);
            return Sum(result.Summary.Plan!);
        }
        var cold = DbHits(await db.Q("PROFILE " + Walk, p, AccessMode.Read));
        await Planned(db, p);
        await Planned(db, p);
        var afterWarm = DbHits(await db.Q("PROFILE " + Walk, p, AccessMode.Read));
        Assert.True(cold > 0);
        Assert.Equal(cold, afterWarm);
    }

    [Theory]
    [InlineData("all(r IN relationships(p) WHERE r.w IN $ws) AND all(v IN nodes(p)[1..-1] WHERE coalesce(v.age, 0) > $age)", "age,ws")]
    [InlineData("all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x)) AND all(v IN nodes(p) WHERE v:Node)", "")]
    [InlineData("all(r IN relationships(p) WHERE r.at < datetime())", null)]
    [InlineData("all(r IN relationships(p) WHERE r.at < timestamp() - $age)", null)]
    [InlineData("all(v IN nodes(p) WHERE v.key <> a.key)", null)]
    public void StableParameters_Should_NameWhatTheVerdictsDependOn_Or_BeNull_When_TheyDependOnMore(string where, string? expected)
    {
        var statement = CypherParser.Parse($"MATCH (a:Node), (b:Node) MATCH p = (a)-[:KNOWS*1..3]-(b) WHERE {where} RETURN p");
        var match = SyntaxTree.Descendants(statement).OfType<MatchClause>().Single(m => m.Pattern.Parts[0].PathVariable == "p");
        var predicates = PathPredicates.Of(match.Pattern.Parts[0], match.Where);
        Assert.NotNull(predicates);
        Assert.Equal(expected, predicates.StableParameters is { } names ? string.Join(',', names) : null);
    }
}
