using System.Globalization;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.LoadCsv;

/// <summary>
/// Bulk writes through Cypher in transactions large enough for the compact write state (index seeks answered by the
/// string probe of an unchanged entry set, the change-capture entry kept encoded): a transaction reads its own writes
/// (MATCH after CREATE, in the same transaction and in the same statement), other readers see nothing before commit,
/// rollback and a constraint violation in the middle of the batch leave no trace, what was acknowledged survives a
/// process kill, the change stream returns every change, and the transaction memory cap still stops a statement that
/// buffers rows.
/// </summary>
public sealed class LargeTransactionWriteTests : IDisposable
{
    private const int Rows = 3000;

    private readonly string _import = Directory.CreateTempSubdirectory("kg-large-tx-").FullName;

    public LargeTransactionWriteTests()
    {
        File.WriteAllLines(Path.Combine(_import, "people.csv"),
            Enumerable.Range(0, Rows).Select(i => $"p{i.ToString(CultureInfo.InvariantCulture)},Name {i.ToString(CultureInfo.InvariantCulture)}"));
        File.WriteAllLines(Path.Combine(_import, "knows.csv"),
            Enumerable.Range(0, Rows - 1).Select(i => $"p{i.ToString(CultureInfo.InvariantCulture)},p{(i + 1).ToString(CultureInfo.InvariantCulture)}"));
    }

    public void Dispose() => Directory.Delete(_import, recursive: true);

    private const string People = "LOAD CSV FROM 'file:///people.csv' AS r CREATE (:Person {key: r[0], name: r[1]})";
    private const string Knows = "LOAD CSV FROM 'file:///knows.csv' AS r MATCH (a:Person {key: r[0]}), (b:Person {key: r[1]}) CREATE (a)-[:KNOWS]->(b)";

    private GraphDatabase Db(string? directory = null, long memoryLimit = GraphDatabaseOptions.DefaultTransactionMemoryLimit)
    {
        var options = new GraphDatabaseOptions { ImportDirectory = _import, TransactionMemoryLimit = memoryLimit };
        return directory is null ? GraphDatabase.CreateInMemory(options) : GraphDatabase.Open(directory, options);
    }

    private static async Task SchemaAsync(GraphDatabase db) => await db.Q("CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE");

    private static async Task<long> CountAsync(GraphDatabase db, string pattern) =>
        (long)(await db.Q($"MATCH {pattern} RETURN count(*) AS n", mode: AccessMode.Read)).Records[0]["n"]!;

    [Fact]
    public async Task LargeTransaction_Should_ReadItsOwnWrites_When_MatchFollowsCreateInOneTransaction()
    {
        await using var db = Db();
        await SchemaAsync(db);
        await using var session = db.OpenSession();
        await using (var tx = await session.BeginTransactionAsync())
        {
            await (await tx.RunAsync(People)).ConsumeAsync();
            var created = await (await tx.RunAsync(Knows)).ConsumeAsync();
            Assert.Equal(Rows - 1, created.Counters.RelationshipsCreated);
            var chain = await (await tx.RunAsync("MATCH (a:Person {key: 'p0'})-[:KNOWS*5]->(b) RETURN b.key AS k")).ToEagerAsync();
            Assert.Equal(["p5"], chain.Column("k"));
            // In one statement: the node created is found by the index seek that follows it.
            var same = await (await tx.RunAsync("CREATE (:Person {key: 'late', name: 'Late'}) WITH 1 AS one MATCH (p:Person {key: 'late'}) RETURN p.name AS n")).ToEagerAsync();
            Assert.Equal(["Late"], same.Column("n"));
            Assert.Equal(0L, await CountAsync(db, "(:Person)"));
            await tx.CommitAsync();
        }

        Assert.Equal(Rows + 1L, await CountAsync(db, "(:Person)"));
        Assert.Equal(Rows - 1L, await CountAsync(db, "(:Person)-[:KNOWS]->(:Person)"));
        Assert.Equal(["Name 2999"], (await db.Q("MATCH (p:Person {key: 'p2999'}) RETURN p.name AS n")).Column("n"));
    }

    [Fact]
    public async Task LargeTransaction_Should_LeaveNoTrace_When_RolledBack()
    {
        await using var db = Db();
        await SchemaAsync(db);
        var from = (string)(await db.Q("CALL db.cdc.current() YIELD id RETURN id", mode: AccessMode.Read)).Records[0]["id"]!;
        await using var session = db.OpenSession();
        await using (var tx = await session.BeginTransactionAsync())
        {
            await (await tx.RunAsync(People)).ConsumeAsync();
            await (await tx.RunAsync(Knows)).ConsumeAsync();
            await tx.RollbackAsync();
        }

        Assert.Equal(0L, await CountAsync(db, "(:Person)"));
        Assert.Empty((await db.Q("CALL db.cdc.query($from, []) YIELD id RETURN id", new { from }, AccessMode.Read)).Records);
        // The keys are free again: nothing of the rolled-back transaction is left in the index.
        await db.Q(People);
        Assert.Equal((long)Rows, await CountAsync(db, "(:Person)"));
    }

    [Fact]
    public async Task LoadCsv_Should_FailWithConstraintValidationFailed_And_WriteNothing_When_ARowInTheMiddleRepeatsAKey()
    {
        File.AppendAllLines(Path.Combine(_import, "people.csv"), Enumerable.Range(Rows, Rows).Select(i => i == Rows + 1500 ? "p42,Again" : $"p{i},Name {i}"));
        await using var db = Db();
        await SchemaAsync(db);
        var e = await db.Fails(People);
        Assert.Equal(ErrorCodes.ConstraintValidationFailed, e.Code);
        Assert.Contains("p42", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(db, "(:Person)"));
        // The database keeps working, and the statement succeeds once the data is fixed.
        File.WriteAllLines(Path.Combine(_import, "people.csv"), Enumerable.Range(0, Rows).Select(i => $"p{i},Name {i}"));
        await db.Q(People);
        Assert.Equal((long)Rows, await CountAsync(db, "(:Person)"));
    }

    [Fact]
    public async Task LargeTransaction_Should_BeReplayedWhole_When_TheProcessDiesAfterTheCommit()
    {
        var directory = Directory.CreateTempSubdirectory("kg-large-tx-store-").FullName;
        var copy = directory + "-killed";
        try
        {
            await using (var db = Db(directory))
            {
                await SchemaAsync(db);
                await db.Q(People);
                await db.Q(Knows);
                // What a kill -9 leaves: the files as they are now, while the database is still open (the log written
                // and fsynced by each commit; no checkpoint, the change file's buffered tail not written).
                Directory.CreateDirectory(copy);
                foreach (var file in Directory.GetFiles(directory))
                {
                    // The lock file is held (flock) by the open store; the kernel would drop that lock on a kill.
                    if (Path.GetFileName(file) == "store.lock") continue;
                    using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var target = File.Create(Path.Combine(copy, Path.GetFileName(file)));
                    source.CopyTo(target);
                }
            }

            await using var reopened = Db(copy);
            Assert.Equal((long)Rows, await CountAsync(reopened, "(:Person)"));
            Assert.Equal(Rows - 1L, await CountAsync(reopened, "(:Person)-[:KNOWS]->(:Person)"));
            Assert.Equal(["p1500"], (await reopened.Q("MATCH (:Person {key: 'p1499'})-[:KNOWS]->(b) RETURN b.key AS k", mode: AccessMode.Read)).Column("k"));
            var e = await reopened.Fails("CREATE (:Person {key: 'p7'})");
            Assert.Equal(ErrorCodes.ConstraintValidationFailed, e.Code);
            // The change stream of the reopened store still holds both load transactions, every change.
            var events = (await reopened.Q("CALL db.cdc.earliest() YIELD id CALL db.cdc.query(id, []) YIELD event RETURN event.eventType AS t", mode: AccessMode.Read)).Column("t");
            Assert.Equal(Rows, events.Count(t => (string?)t == "n"));
            Assert.Equal(Rows - 1, events.Count(t => (string?)t == "r"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task ChangeStream_Should_ReturnEveryChangeOfALargeLoad_When_Queried()
    {
        await using var db = Db();
        await SchemaAsync(db);
        var from = (string)(await db.Q("CALL db.cdc.current() YIELD id RETURN id", mode: AccessMode.Read)).Records[0]["id"]!;
        await db.Q(People);
        await db.Q(Knows);
        var rows = (await db.Q("CALL db.cdc.query($from, []) YIELD txId, seq, event RETURN txId, seq, event", new { from }, AccessMode.Read)).Records;
        Assert.Equal(2 * Rows - 1, rows.Count);
        var last = (IReadOnlyDictionary<string, object?>)rows[^1]["event"]!;
        Assert.Equal("r", last["eventType"]);
        Assert.Equal("KNOWS", last["type"]);
        var end = (IReadOnlyDictionary<string, object?>)last["end"]!;
        var keys = (IReadOnlyDictionary<string, object?>)end["keys"]!;
        Assert.Equal("p2999", ((IReadOnlyDictionary<string, object?>)((IReadOnlyList<object?>)keys["Person"]!)[0]!)["key"]);
        Assert.Equal(Enumerable.Range(0, Rows - 1).Select(i => (object?)(long)i), rows.Skip(Rows).Select(r => r["seq"]));
    }

    [Fact]
    public async Task BufferingStatement_Should_FailOnTheTransactionMemoryCap_And_WriteNothing_When_ItCollectsTheRows()
    {
        await using var db = Db(memoryLimit: 256 * 1024);
        await SchemaAsync(db);
        var e = await db.Fails("LOAD CSV FROM 'file:///people.csv' AS r WITH collect(r) AS rows UNWIND rows AS r CREATE (:Person {key: r[0], name: r[1]})");
        Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
        Assert.Equal(0L, await CountAsync(db, "(:Person)"));
        Assert.Equal(0, db.Memory.UsedBytes);
        // The streamed bulk statement holds no rows: it runs under the same cap.
        await db.Q(People);
        await db.Q(Knows);
        Assert.Equal(Rows - 1L, await CountAsync(db, "(:Person)-[:KNOWS]->(:Person)"));
    }
}
