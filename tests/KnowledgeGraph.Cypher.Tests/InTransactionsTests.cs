using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests;

/// <summary><c>CALL { ... } IN TRANSACTIONS</c>: each batch commits on its own; ON ERROR decides what a failing batch
/// does to the others; REPORT STATUS says what happened to each row.</summary>
public sealed class InTransactionsTests
{
    private static async Task<long> Count(GraphDatabase db, string label) =>
        (long)(await db.Q($"MATCH (n:{label}) RETURN count(n) AS c")).Records.Single()["c"]!;

    [Fact]
    public async Task InTransactions_Should_CommitEachBatch_When_RowsExceedTheBatchSize()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            UNWIND range(1, 2500) AS i
            CALL (i) { CREATE (:N {i: i}) } IN TRANSACTIONS OF 1000 ROWS ON ERROR CONTINUE REPORT STATUS AS s
            RETURN s.transactionId AS tx, s.committed AS ok, count(*) AS rows ORDER BY tx
            """);
        Assert.Equal(2500L, await Count(db, "N"));
        Assert.Equal([1000L, 1000L, 500L], r.Column("rows"));
        Assert.All(r.Column("ok"), ok => Assert.Equal(true, ok));
        Assert.Equal(3, r.Column("tx").Distinct().Count()); // three transactions, three ids
        Assert.Equal(2500, r.Summary.Counters.NodesCreated);
    }

    [Fact]
    public async Task InTransactions_Should_KeepCommittedBatches_When_ALaterBatchFails()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("UNWIND [1, 2, 0, 4, 5] AS i CALL (i) { CREATE (:F {v: 10 / i}) } IN TRANSACTIONS OF 2 ROWS");
        Assert.Equal(ErrorCodes.ArithmeticError, e.Code);
        Assert.Equal(2L, await Count(db, "F")); // the first batch committed; the failing one and those after did not
    }

    [Fact]
    public async Task InTransactions_Should_SkipOnlyTheFailedBatch_When_OnErrorContinue()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            UNWIND [1, 2, 0, 4, 5] AS i
            CALL (i) { CREATE (n:C {v: 10 / i}) RETURN n.v AS v } IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE REPORT STATUS AS s
            RETURN i, v, s.started AS started, s.committed AS committed, s.errorMessage IS NOT NULL AS failed ORDER BY i
            """);
        Assert.Equal(3L, await Count(db, "C")); // batches {1, 2} and {5}
        Assert.Equal([0L, 1L, 2L, 4L, 5L], r.Column("i"));
        Assert.Equal([null, 10L, 5L, null, 2L], r.Column("v"));
        Assert.Equal([false, true, true, false, true], r.Column("committed"));
        Assert.Equal([true, false, false, true, false], r.Column("failed"));
        Assert.Equal(3, r.Summary.Counters.NodesCreated); // the rolled-back batch is not counted
    }

    [Fact]
    public async Task InTransactions_Should_StartNoFurtherBatch_When_OnErrorBreak()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            UNWIND [1, 2, 0, 4, 5] AS i
            CALL (i) { CREATE (:B {v: 10 / i}) } IN TRANSACTIONS OF 2 ROWS ON ERROR BREAK REPORT STATUS AS s
            RETURN i, s.started AS started, s.committed AS committed ORDER BY i
            """);
        Assert.Equal(2L, await Count(db, "B"));
        Assert.Equal([true, true, true, true, false], r.Column("started")); // i = 0, 1, 2, 4 started; 5 never did
        Assert.Equal([false, true, true, false, false], r.Column("committed"));
    }

    [Fact]
    public async Task InTransactions_Should_Fail_When_RunInAnExplicitTransaction()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        await using var tx = await session.BeginTransactionAsync();
        var e = await Assert.ThrowsAsync<GraphException>(async () =>
            await (await tx.RunAsync("UNWIND [1, 2] AS i CALL (i) { CREATE (:X {i: i}) } IN TRANSACTIONS")).ToEagerAsync());
        Assert.Equal(ErrorCodes.TransactionStartFailed, e.Code);
    }

    [Fact]
    public async Task InTransactions_Should_RejectReportStatus_When_OnErrorFail()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("UNWIND [1] AS i CALL (i) { CREATE (:X) } IN TRANSACTIONS REPORT STATUS AS s RETURN s");
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
    }

    [Fact]
    public async Task InTransactions_Should_BeRejected_When_NestedInAnotherCall()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("UNWIND [1] AS i CALL (i) { UNWIND [i] AS j CALL (j) { CREATE (:X {j: j}) } IN TRANSACTIONS } RETURN i");
        Assert.Equal(ErrorCodes.SyntaxError, e.Code);
        Assert.Contains("nested", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await Count(db, "X"));
    }
}
