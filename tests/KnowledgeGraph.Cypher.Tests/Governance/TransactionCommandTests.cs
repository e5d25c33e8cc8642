using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Temporal;

namespace KnowledgeGraph.Cypher.Tests.Governance;

/// <summary>SHOW TRANSACTIONS lists running transactions with Neo4j 5's columns; TERMINATE TRANSACTIONS stops one.</summary>
public sealed class TransactionCommandTests
{
    private static readonly string[] DefaultColumns =
        ["database", "transactionId", "currentQueryId", "connectionId", "clientAddress", "username", "currentQuery", "startTime", "status", "elapsedTime"];

    [Fact]
    public async Task ShowTransactions_Should_ListItselfWithTheDefaultColumns_When_RunAlone()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("SHOW TRANSACTIONS");
        Assert.Equal(DefaultColumns, r.Keys);
        var row = Assert.Single(r.Records);
        Assert.Equal("neo4j", row["database"]);
        Assert.Matches("^neo4j-transaction-[0-9]+$", (string)row["transactionId"]!);
        Assert.Matches("^query-[0-9]+$", (string)row["currentQueryId"]!);
        Assert.Equal("SHOW TRANSACTIONS", row["currentQuery"]);
        Assert.Equal("Running", row["status"]);
        Assert.IsType<CypherDuration>(row["elapsedTime"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)row["startTime"]!);
    }

    [Fact]
    public async Task ShowTransactions_Should_ShowConnectionAndMetadata_When_TheSessionCarriesThem()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession(new SessionOptions { Connection = new ClientConnection("bolt-7", "10.0.0.5:50123", "alice") });
        await using var tx = await session.BeginTransactionAsync(new TransactionConfig { Metadata = new Dictionary<string, object?> { ["app"] = "report" } });
        await (await tx.RunAsync("RETURN 1")).ToEagerAsync();
        var r = await db.Q("SHOW TRANSACTIONS YIELD * WHERE username = 'alice' RETURN transactionId, connectionId, clientAddress, metaData, status, currentQuery, protocol");
        var row = Assert.Single(r.Records);
        Assert.Equal("bolt-7", row["connectionId"]);
        Assert.Equal("10.0.0.5:50123", row["clientAddress"]);
        Assert.Equal("report", ((IReadOnlyDictionary<string, object?>)row["metaData"]!)["app"]);
        Assert.Equal("Idle", row["status"]);
        Assert.Equal("", row["currentQuery"]);
        Assert.Equal("bolt", row["protocol"]);
        // YIELD * gives every column.
        var all = await db.Q("SHOW TRANSACTIONS YIELD *");
        Assert.Contains("estimatedUsedHeapMemory", all.Keys);
        Assert.Contains("idleTime", all.Keys);
        Assert.Equal(2, all.Records.Count);
    }

    [Fact]
    public async Task TerminateTransactions_Should_StopARunningQuery_When_AnOperatorTerminatesIt()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var running = Task.Run(() => db.Q("RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS n"));
        string? id = null;
        for (var i = 0; i < 200 && id is null; i++)
        {
            var shown = await db.Q("SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery STARTS WITH 'RETURN reduce' RETURN transactionId");
            id = shown.Records.Count == 1 ? (string)shown.Records[0]["transactionId"]! : null;
            if (id is null) await Task.Delay(25);
        }
        Assert.NotNull(id);
        var terminated = await db.Q("TERMINATE TRANSACTIONS $id", new Dictionary<string, object?> { ["id"] = id });
        Assert.Equal(new[] { "transactionId", "username", "message" }, terminated.Keys);
        Assert.Equal("Transaction terminated.", terminated.Records.Single()["message"]);
        var e = await Assert.ThrowsAsync<GraphException>(() => running);
        Assert.Equal(ErrorCodes.TransactionTerminatedWhileRunning, e.Code);
        Assert.True(e.IsTransient);
        Assert.DoesNotContain(db.RunningTransactions(), t => t.TransactionId == id);
    }

    [Fact]
    public async Task TerminateTransactions_Should_FailLaterStatements_When_AnIdleExplicitTransactionIsTerminated()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        await using var tx = await session.BeginTransactionAsync();
        await (await tx.RunAsync("CREATE (:T)")).ToEagerAsync();
        var id = db.RunningTransactions().Single().TransactionId;
        var r = await db.Q("TERMINATE TRANSACTION '" + id + "', 'neo4j-transaction-999999'");
        Assert.Equal(new object?[] { "Transaction terminated.", "Transaction not found." }, r.Records.Select(x => x["message"]).ToArray());
        var e = await Assert.ThrowsAsync<GraphException>(async () => await (await tx.RunAsync("RETURN 1")).ToEagerAsync());
        Assert.Equal(ErrorCodes.TransactionTerminatedWhileRunning, e.Code);
        Assert.Equal(0L, (await db.Q("MATCH (t:T) RETURN count(t) AS n")).Records[0]["n"]);
    }

    [Fact]
    public async Task TerminateTransactions_Should_RefuseANonStringId_When_GivenANumber()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("TERMINATE TRANSACTIONS 42");
        Assert.Equal(ErrorCodes.TypeError, e.Code);
    }

    [Fact]
    public async Task ReadmeExamples_Should_Run_When_PastedAsWritten()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var slow = await db.Q("SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime WHERE elapsedTime.seconds >= 10\nRETURN transactionId, currentQuery");
        Assert.Equal(new[] { "transactionId", "currentQuery" }, slow.Keys);
        Assert.Empty(slow.Records);
        var mine = await db.Q("SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime WHERE elapsedTime.seconds >= 0\nRETURN transactionId, currentQuery");
        Assert.Single(mine.Records);
        var none = await db.Q("TERMINATE TRANSACTIONS 'neo4j-transaction-42', 'neo4j-transaction-43'");
        Assert.Equal(new object?[] { "Transaction not found.", "Transaction not found." }, none.Records.Select(r => r["message"]).ToArray());
    }
}
