using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests;

public sealed class TransactionTests
{
    [Fact]
    public async Task ExplicitTransaction_Should_ReadOwnWrites_And_HideThemUntilCommit()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        await using var tx = await session.BeginTransactionAsync();
        await (await tx.RunAsync("CREATE (:T {v: 1})")).ConsumeAsync();
        var inside = await (await tx.RunAsync("MATCH (t:T) RETURN t.v AS v")).ToEagerAsync();
        Assert.Equal([1L], inside.Column("v"));
        Assert.Empty((await db.Q("MATCH (t:T) RETURN t", mode: AccessMode.Read)).Records);
        await tx.CommitAsync();
        Assert.Single((await db.Q("MATCH (t:T) RETURN t")).Records);
        Assert.StartsWith("kg:", session.LastBookmark);
    }

    [Fact]
    public async Task Rollback_Should_LeaveNoTrace()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        await using (var tx = await session.BeginTransactionAsync())
        {
            await (await tx.RunAsync("CREATE (:T)")).ConsumeAsync();
            await tx.RollbackAsync();
        }
        Assert.Empty((await db.Q("MATCH (t:T) RETURN t")).Records);
    }

    [Fact]
    public async Task AutoCommit_Should_RollBack_When_QueryFailsMidway()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Fails("UNWIND [1, 2, 0] AS x CREATE (:T {v: 10 / x})");
        Assert.Empty((await db.Q("MATCH (t:T) RETURN t")).Records);
    }

    [Fact]
    public async Task StreamedResult_Should_BeLazy_And_Keys_Should_BeKnownBeforeRecords()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await using var session = db.OpenSession();
        var r = await session.RunAsync("UNWIND range(1, 1000000000) AS x RETURN x LIMIT 3");
        Assert.Equal(["x"], r.Keys);
        var all = await r.ToEagerAsync();
        Assert.Equal([1L, 2L, 3L], all.Column("x"));
        Assert.Equal("r", all.Summary.QueryType);
    }

    [Fact]
    public async Task DurableDatabase_Should_KeepCommittedData_AcrossReopen()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-cypher-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var db = GraphDatabase.Open(dir))
            {
                await db.Q("CREATE (:Country {name: 'Ukraine'})-[:BORDERS]->(:Country {name: 'Poland'})");
                await db.Q("CREATE INDEX country_name FOR (c:Country) ON (c.name)");
            }
            await using (var db = GraphDatabase.Open(dir))
            {
                var r = await db.Q("MATCH (:Country {name: 'Ukraine'})-[:BORDERS]->(c) RETURN c.name AS name");
                Assert.Equal(["Poland"], r.Column("name"));
                Assert.Single((await db.Q("SHOW RANGE INDEXES")).Records);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
