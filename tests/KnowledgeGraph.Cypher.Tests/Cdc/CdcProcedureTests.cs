using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Tests.Cdc;

public sealed class CdcProcedureTests
{
    private static async Task<string> CurrentAsync(GraphDatabase db) =>
        (string)(await db.Q("CALL db.cdc.current() YIELD id RETURN id", mode: AccessMode.Read)).Records[0]["id"]!;

    private static async Task<List<KnowledgeGraph.Driver.Record>> QueryAsync(GraphDatabase db, string from, object? selectors = null) =>
        (await db.Q("CALL db.cdc.query($from, $selectors) YIELD id, txId, seq, metadata, event RETURN id, txId, seq, metadata, event",
            new Dictionary<string, object?> { ["from"] = from, ["selectors"] = selectors ?? new List<object?>() }, AccessMode.Read)).Records.ToList();

    [Fact]
    public async Task Query_Should_ReturnNeo4jShapedEvents_When_CypherWritesCommit()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE");
        var from = await CurrentAsync(db);
        await db.Q("CREATE (:Person {key: 'person:ann', name: 'Ann'})-[:KNOWS {confidence: 'reported'}]->(:Person {key: 'person:bob'})");
        await db.Q("MATCH (p:Person {key: 'person:ann'}) SET p.name = 'Anna'");

        var rows = await QueryAsync(db, from);
        Assert.Equal(4, rows.Count);
        var create = (IReadOnlyDictionary<string, object?>)rows[0]["event"]!;
        Assert.Equal("n", create["eventType"]);
        Assert.Equal("c", create["operation"]);
        Assert.Equal(new List<object?> { "Person" }, create["labels"]);
        var keys = (IReadOnlyDictionary<string, object?>)create["keys"]!;
        Assert.Equal("person:ann", ((IReadOnlyDictionary<string, object?>)((IReadOnlyList<object?>)keys["Person"]!)[0]!)["key"]);
        var state = (IReadOnlyDictionary<string, object?>)create["state"]!;
        Assert.Null(state["before"]);
        Assert.Equal("Ann", ((IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)state["after"]!)["properties"]!)["name"]);

        var rel = (IReadOnlyDictionary<string, object?>)rows[2]["event"]!;
        Assert.Equal("r", rel["eventType"]);
        Assert.Equal("KNOWS", rel["type"]);
        Assert.Equal(create["elementId"], ((IReadOnlyDictionary<string, object?>)rel["start"]!)["elementId"]);
        Assert.Equal(rows[0]["txId"], rows[2]["txId"]);
        Assert.Equal(new List<object?> { 0L, 1L, 2L }, rows.Take(3).Select(r => r["seq"]).ToList());
        Assert.Equal("FULL", ((IReadOnlyDictionary<string, object?>)rows[0]["metadata"]!)["captureMode"]);

        var update = (IReadOnlyDictionary<string, object?>)rows[3]["event"]!;
        Assert.Equal("u", update["operation"]);
        var updateState = (IReadOnlyDictionary<string, object?>)update["state"]!;
        Assert.Equal("Ann", ((IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)updateState["before"]!)["properties"]!)["name"]);

        // Resuming from an event's id returns only what follows it; from the last one, nothing.
        Assert.Equal(3, (await QueryAsync(db, (string)rows[0]["id"]!)).Count);
        Assert.Empty(await QueryAsync(db, (string)rows[3]["id"]!));
    }

    [Fact]
    public async Task Query_Should_FilterBySelectors_When_SelectorsAreGiven()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var from = await CurrentAsync(db);
        await db.Q("CREATE (:Person {name: 'Ann'})-[:KNOWS]->(:Country {name: 'X'})");
        await db.Q("MATCH (c:Country) SET c.name = 'Y'");

        Assert.Single(await QueryAsync(db, from, new List<object?> { new Dictionary<string, object?> { ["select"] = "r", ["type"] = "KNOWS" } }));
        Assert.Equal(2, (await QueryAsync(db, from, new List<object?> { new Dictionary<string, object?> { ["select"] = "n", ["labels"] = new List<object?> { "Country" } } })).Count);
        var updates = await QueryAsync(db, from, new List<object?> { new Dictionary<string, object?> { ["select"] = "e", ["operation"] = "u", ["changesTo"] = new List<object?> { "name" } } });
        Assert.Single(updates);
        var error = await db.Fails("CALL db.cdc.query('', [{select: 'x'}])");
        Assert.Equal(ErrorCodes.ArgumentError, error.Code);
    }

    [Fact]
    public async Task Query_Should_ReturnNothing_When_TransactionRolledBack()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var from = await CurrentAsync(db);
        await using (var session = db.OpenSession())
        await using (var tx = await session.BeginTransactionAsync())
        {
            await (await tx.RunAsync("CREATE (:Person {name: 'Ghost'})")).ConsumeAsync();
            await tx.RollbackAsync();
        }
        await db.Fails("UNWIND [1, 0] AS x CREATE (:Person {v: 1 / x})");

        Assert.Empty(await QueryAsync(db, from));
    }

    [Fact]
    public async Task Query_Should_FailWithInvalidIdentifier_When_IdIsExpiredOrForeign()
    {
        await using var db = GraphDatabase.CreateInMemory(new GraphDatabaseOptions { Store = new GraphStoreOptions { ChangeRetentionTransactions = 2 } });
        var old = await CurrentAsync(db);
        var earliest = (string)(await db.Q("CALL db.cdc.earliest() YIELD id RETURN id")).Records[0]["id"]!;
        Assert.Equal(old, earliest);
        for (var i = 0; i < 3; i++) await db.Q("CREATE (:N {i: $i})", new { i = (long)i });

        var expired = await db.Fails("CALL db.cdc.query($from, [])", new { from = old });
        Assert.Equal(ErrorCodes.CdcInvalidIdentifier, expired.Code);
        var newEarliest = (string)(await db.Q("CALL db.cdc.earliest() YIELD id RETURN id")).Records[0]["id"]!;
        Assert.Equal(2, (await QueryAsync(db, newEarliest)).Count);

        await using var other = GraphDatabase.CreateInMemory();
        var foreign = await other.Fails("CALL db.cdc.query($from, [])", new { from = old });
        Assert.Equal(ErrorCodes.CdcInvalidIdentifier, foreign.Code);
        Assert.Equal(ErrorCodes.CdcInvalidIdentifier, (await db.Fails("CALL db.cdc.query('not-an-id!', [])")).Code);
    }
}
