using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary>
/// What one trivial statement costs in allocations, from the session's RunAsync to the summary: every GraphQL request
/// and Bolt query pays it. The in-memory engine runs a read to the end without yielding, so the whole run happens on
/// the test's thread and GC.GetAllocatedBytesForCurrentThread sees all of it.
/// </summary>
public sealed class StatementOverheadTests
{
#if DEBUG
    private const long Limit = 7_400;
#else
    private const long Limit = 5_200;
#endif

    private const string TwoSeeks = "MATCH (a:Country {key: $a}) MATCH (b:Country {key: $b}) WHERE a <> b RETURN a.key AS a, b.key AS b";

    [Fact]
    public async Task TwoIndexSeeks_Should_AllocateLittle_When_RunThroughASession()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE INDEX country_key FOR (c:Country) ON (c.key)");
        await db.Q("UNWIND range(1, 50) AS i CREATE (:Country {key: 'c' + i, name: 'Country ' + i})");
        var parameters = new Dictionary<string, object?> { ["a"] = "c1", ["b"] = "c2" };
        // Warm: the statement is parsed and planned, tiered compilation has seen the path.
        for (var i = 0; i < 200; i++) Assert.Single(RunSynchronously(db, parameters).Records);

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Runs = 100;
        for (var i = 0; i < Runs; i++) RunSynchronously(db, parameters);
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;

        // Measured before the statement's end became one object (summary built once, on request; no per-run closures,
        // delegates, Stopwatch, session result list, or deleted-id sets for a statement that deletes nothing; an
        // operator's row pool made only when a second batch refills it) and after: Release 5,944 -> 4,784 bytes,
        // Debug (CI's build, where async state machines are classes) 7,952 -> 6,912 bytes.
        Assert.True(perRun < Limit, $"a two-seek statement allocated {perRun} bytes per run (limit {Limit})");
    }

    [Fact]
    public async Task Summary_Should_CarryTimesAndCounters_When_ReadAfterTheRows()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        var written = await (await session.RunAsync("CREATE (:T {v: 1})")).ConsumeAsync();
        Assert.Equal(1, written.Counters.NodesCreated);
        Assert.Equal("w", written.QueryType);
        var result = await session.RunAsync("MATCH (t:T) RETURN t.v AS v");
        var eager = await result.ToEagerAsync();
        Assert.Equal([1L], eager.Column("v"));
        Assert.Equal("r", eager.Summary.QueryType);
        Assert.True(eager.Summary.ResultConsumedAfter >= eager.Summary.ResultAvailableAfter);
        Assert.StartsWith("kg:", session.LastBookmark);
    }

    private static EagerResult RunSynchronously(GraphDatabase db, Dictionary<string, object?> parameters)
    {
        var run = RunAsync(db, parameters);
        Assert.True(run.IsCompleted, "an in-memory read ran to its end without yielding");
        return run.Result;
    }

    private static async Task<EagerResult> RunAsync(GraphDatabase db, Dictionary<string, object?> parameters)
    {
        // As the GraphQL layer runs a statement: a read session, a client timeout, records read to the end.
        await using var session = db.OpenSession(new SessionOptions { AccessMode = AccessMode.Read });
        var result = await session.RunAsync(TwoSeeks, parameters, new TransactionConfig { Timeout = TimeSpan.FromSeconds(30) });
        return await result.ToEagerAsync();
    }
}
