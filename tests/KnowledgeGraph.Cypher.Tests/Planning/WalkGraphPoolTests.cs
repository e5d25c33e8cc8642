using KnowledgeGraph.Cypher.Planning;
using KnowledgeGraph.Cypher.Runtime;
using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Planning;

/// <summary>
/// A statement's shared walk graph (Matching/WalkGraph) comes from a process-wide pool and goes back, cleared, only
/// when the statement is over (Runtime/ExecContext.Finish, called when its rows' enumeration is disposed). Statements
/// open at the same time must each walk with their own graph, and a statement taking a graph back from the pool must
/// see none of an earlier statement's verdicts: results interleaved row by row, or run one after another with
/// different parameters, must equal each statement's answer alone.
/// </summary>
public sealed class WalkGraphPoolTests
{
    // Enough input rows that a statement streams across many pulls (its walk graph is half-filled between them).
    private const string Walk = "UNWIND range(1, 60) AS i MATCH (a:Node {key: $k}) MATCH (b:Node) " +
        "MATCH p = (a)-[:KNOWS|MET*1..3]-(b) WHERE all(r IN relationships(p) WHERE r.w IN $ws) " +
        "AND all(v IN nodes(p)[1..-1] WHERE v.age IS NULL OR v.age > $age) RETURN i, b.key AS b, [n IN nodes(p) | n.key] AS ks";

    internal static Dictionary<string, object?> Parameters(string k, long w, long age) => new()
    {
        ["k"] = k, ["ws"] = new List<object?> { w }, ["age"] = age,
    };

    private static string Render(KnowledgeGraph.Driver.Record r) => $"{r["i"]} {r["b"]} {PlanComparison.Render(r["ks"])}";

    private static async Task<List<string>> Alone(GraphDatabase db, Dictionary<string, object?> parameters) =>
        (await db.Q(Walk, parameters, AccessMode.Read)).Records.Select(Render).ToList();

    [Fact]
    public async Task Walk_Should_UseItsOwnGraph_When_TwoStreamingResultsAreReadAlternately()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(5);
        var first = Parameters("n0", 1, 30);
        var second = Parameters("n0", 2, 50);
        var expectedFirst = await Alone(db, first);
        var expectedSecond = await Alone(db, second);
        Assert.NotEqual(expectedFirst, expectedSecond);
        Assert.True(expectedFirst.Count > 200 && expectedSecond.Count > 200, $"{expectedFirst.Count} and {expectedSecond.Count} rows");

        // Several rounds: each takes graphs the previous rounds gave back to the pool.
        for (var round = 0; round < 3; round++)
        {
            await using var s1 = db.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
            await using var s2 = db.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
            var r1 = await s1.RunAsync(Walk, first);
            await using var e1 = r1.GetAsyncEnumerator();
            var got1 = new List<string>();
            // The first statement has built part of its graph before the second one starts.
            Assert.True(await e1.MoveNextAsync());
            got1.Add(Render(e1.Current));
            var r2 = await s2.RunAsync(Walk, second);
            await using var e2 = r2.GetAsyncEnumerator();
            var got2 = new List<string>();
            bool more1 = true, more2 = true;
            while (more1 || more2)
            {
                if (more2 && (more2 = await e2.MoveNextAsync())) got2.Add(Render(e2.Current));
                if (more1 && (more1 = await e1.MoveNextAsync())) got1.Add(Render(e1.Current));
            }
            Assert.Equal(expectedFirst, got1);
            Assert.Equal(expectedSecond, got2);
        }
    }

    [Fact]
    public async Task Walk_Should_SeeNoEarlierVerdicts_When_StatementsRunOneAfterAnother()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(6);
        var variants = new[] { Parameters("n0", 1, 30), Parameters("n0", 2, 30), Parameters("n0", 1, 60), Parameters("n3", 0, 20) };
        var expected = new List<List<string>>();
        foreach (var p in variants)
        {
            using (PlannerSwitch.UseInterpreter()) expected.Add(await Alone(db, p));
        }
        // Planned, one after another, twice round: every statement after the first reuses a given-back graph.
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < variants.Length; i++)
                Assert.Equal(expected[i], await Alone(db, variants[i]));
    }

    [Fact]
    public async Task Walk_Should_GiveTheSameRows_When_ResultsAreAbandonedHalfRead()
    {
        await using var db = await BoundWalkDifferentialTests.RandomGraph(7);
        var p = Parameters("n0", 1, 30);
        var expected = await Alone(db, p);
        for (var round = 0; round < 3; round++)
        {
            // Read a few rows, then dispose the enumeration (its graph goes back) or leave it open (it never does).
            await using var session = db.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
            var result = await session.RunAsync(Walk, p);
            var e = result.GetAsyncEnumerator();
            Assert.True(await e.MoveNextAsync());
            if (round != 1) await e.DisposeAsync();
            Assert.Equal(expected, await Alone(db, p));
        }
    }

    [Fact]
    public void Pool_Should_HandAnObjectToOneTakerOnly()
    {
        var pool = new StatementPool<object>(2);
        var a = new object();
        var b = new object();
        var c = new object();
        pool.Give(a);
        pool.Give(b);
        pool.Give(c); // full: dropped
        var taken = new[] { pool.Take(), pool.Take(), pool.Take() };
        Assert.Null(taken[2]);
        Assert.Equal(new HashSet<object?> { a, b }, taken.Take(2).ToHashSet());
    }

    [Fact]
    public void Pool_Should_NeverGiveOneObjectToTwoThreads_When_TakenAndGivenConcurrently()
    {
        var pool = new StatementPool<int[]>(4);
        for (var i = 0; i < 4; i++) pool.Give(new int[1]);
        var clashes = 0;
        Parallel.For(0, 4, _ =>
        {
            for (var n = 0; n < 50_000; n++)
            {
                var held = pool.Take() ?? new int[1];
                // An object held by two takers at once would see the other's increment.
                if (Interlocked.Increment(ref held[0]) != 1) Interlocked.Increment(ref clashes);
                Interlocked.Decrement(ref held[0]);
                pool.Give(held);
            }
        });
        Assert.Equal(0, clashes);
    }

    private sealed class Counting : StatementLease
    {
        public int Released;

        public override void Release() => Released++;
    }

    [Fact]
    public void Finish_Should_ReleaseEachLeaseOnce_And_RefuseLeasesAfterwards()
    {
        var ctx = new ExecContext(null!, null, new Dictionary<string, object?>(), null!, null, default, DateTimeOffset.UtcNow)
        {
            Subqueries = null!,
        };
        var leases = new[] { new Counting(), new Counting() };
        foreach (var lease in leases) Assert.True(ctx.Lease(lease));
        ctx.Finish();
        ctx.Finish();
        Assert.All(leases, l => Assert.Equal(1, l.Released));
        Assert.False(ctx.Lease(new Counting()));
    }
}
