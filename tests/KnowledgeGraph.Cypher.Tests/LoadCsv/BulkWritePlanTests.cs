using System.Globalization;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Errors;

namespace KnowledgeGraph.Cypher.Tests.LoadCsv;

/// <summary>
/// The prepared bulk write plan (LOAD CSV / UNWIND, index-seek MATCH, CREATE / MERGE, SET, streamed row by row) must
/// give the same graph, counters and errors as the general path. Each statement runs twice on fresh databases: as
/// written (the bulk plan) and with a <c>WITH *</c> after the row source, which the plan does not take (the general
/// path with its Eager buffers). Then both graphs are dumped and compared. A small transaction memory limit shows
/// which path ran: only the general path buffers rows.
/// </summary>
public sealed class BulkWritePlanTests : IDisposable
{
    private readonly string _import = Directory.CreateTempSubdirectory("kg-bulk-").FullName;

    public void Dispose() => Directory.Delete(_import, recursive: true);

    private GraphDatabase Db(long memoryLimit = GraphDatabaseOptions.DefaultTransactionMemoryLimit) =>
        GraphDatabase.CreateInMemory(new GraphDatabaseOptions { ImportDirectory = _import, TransactionMemoryLimit = memoryLimit });

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_import, name), text);

    private const string Schema = """
        CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE p.key IS UNIQUE;
        CREATE CONSTRAINT org_key FOR (o:Org) REQUIRE o.key IS UNIQUE
        """;

    /// <summary>Runs setup then <paramref name="statement"/> on two databases, the second with <c>WITH *</c> inserted
    /// at <paramref name="marker"/>; returns both outcomes (graph dump, counters, error code).</summary>
    private async Task<(Outcome Bulk, Outcome General)> BothAsync(string[] setup, string statement, string marker, object? parameters = null)
    {
        var general = statement.Replace(marker, marker + " WITH *", StringComparison.Ordinal);
        Assert.NotEqual(statement, general);
        return (await RunAsync(setup, statement, parameters), await RunAsync(setup, general, parameters));
    }

    private async Task<Outcome> RunAsync(string[] setup, string statement, object? parameters)
    {
        await using var db = Db();
        foreach (var s in Schema.Split(';')) await db.Q(s);
        foreach (var s in setup) await db.Q(s);
        Counters? counters = null;
        string? error = null;
        try
        {
            counters = (await db.Q(statement, parameters)).Summary.Counters;
        }
        catch (GraphException e)
        {
            error = e.Code;
        }
        return new Outcome(await DumpAsync(db), counters, error);
    }

    private sealed record Outcome(string Graph, Counters? Counters, string? Error);

    private static async Task<string> DumpAsync(GraphDatabase db)
    {
        var nodes = await db.Q("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", mode: AccessMode.Read);
        var rels = await db.Q("MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, properties(r) AS p, b.key AS b", mode: AccessMode.Read);
        var lines = nodes.Records.Select(r => "N " + Text(r["l"]) + " " + Text(r["p"]))
            .Concat(rels.Records.Select(r => "R " + Text(r["a"]) + " " + Text(r["t"]) + " " + Text(r["p"]) + " " + Text(r["b"])))
            .Order(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static string Text(object? v) => v switch
    {
        null => "null",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        IReadOnlyDictionary<string, object?> m => "{" + string.Join(",", m.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + Text(e.Value))) + "}",
        System.Collections.IEnumerable l => "[" + string.Join(",", l.Cast<object?>().Select(Text)) + "]",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    private static void AssertSame((Outcome Bulk, Outcome General) both)
    {
        Assert.Equal(both.General.Error, both.Bulk.Error);
        Assert.Equal(both.General.Graph, both.Bulk.Graph);
        Assert.Equal(both.General.Counters, both.Bulk.Counters);
    }

    [Fact]
    public async Task LoadCsvCreate_Should_GiveTheGeneralPathsGraph_When_FieldsAreEmptyOrConverted()
    {
        Write("people.csv", "key,name,age,score\np1,Ann,41,1.5\np2,,x,\np3,\"Bo, Jr\",,2\n");
        var both = await BothAsync([], """
            LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row
            CREATE (:Person:Imported {key: row.key, name: row.name, age: toInteger(row.age), score: toFloat(row.score), tags: split(coalesce(row.name, ''), ' ')})
            """, "AS row");
        AssertSame(both);
        Assert.Null(both.Bulk.Error);
        Assert.Equal(3, both.Bulk.Counters!.NodesCreated);
        Assert.Contains("'Bo, Jr'", both.Bulk.Graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvCreate_Should_RollBackEverything_When_AKeyRepeats()
    {
        Write("dup.csv", "p1,A\np2,B\np1,C\n");
        var both = await BothAsync(["CREATE (:Person {key: 'p0'})"],
            "LOAD CSV FROM 'file:///dup.csv' AS r CREATE (:Person {key: r[0], name: r[1]})", "AS r");
        AssertSame(both);
        Assert.Equal(ErrorCodes.ConstraintValidationFailed, both.Bulk.Error);
        Assert.Equal("N ['Person'] {key:'p0'}", both.Bulk.Graph);
    }

    [Fact]
    public async Task UnwindMatchCreate_Should_GiveTheGeneralPathsGraph_When_KeysAreMissingNullOrOfAnotherType()
    {
        string[] setup = ["UNWIND ['a', 'b', 'c'] AS k CREATE (:Person {key: k})", "CREATE (:Person {key: 7}), (:Org {key: 'o1'})"];
        var rows = new List<object?>
        {
            Row("a", "b", 1L), Row("b", "a", null), Row("a", "missing", 2L), Row(null, "a", 3L),
            Row(7.0, "c", 4L), Row("c", "c", 5L), Row("a", "b", 6L),
        };
        var both = await BothAsync(setup, """
            UNWIND $rows AS r
            MATCH (a:Person {key: r.a}), (b:Person {key: r.b})
            CREATE (a)-[:KNOWS {w: r.w}]->(b)
            """, "AS r", new { rows });
        AssertSame(both);
        Assert.Equal(5, both.Bulk.Counters!.RelationshipsCreated);
        Assert.Contains("R 7 'KNOWS' {w:4} 'c'", both.Bulk.Graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvMerge_Should_GiveTheGeneralPathsGraph_When_KeysRepeatWithOnCreateOnMatchAndSet()
    {
        Write("merge.csv", "key,name\np1,Ann\np2,Bo\np1,Ann again\np3,\np2,Bo again\n");
        var both = await BothAsync(["CREATE (:Person {key: 'p3', name: 'old', seen: 0})"], """
            LOAD CSV WITH HEADERS FROM 'file:///merge.csv' AS row
            MERGE (p:Person {key: row.key})
              ON CREATE SET p.created = true
              ON MATCH SET p.matched = true
            SET p.name = row.name
            """, "AS row");
        AssertSame(both);
        Assert.Equal(2, both.Bulk.Counters!.NodesCreated);
        Assert.Contains("{created:true,key:'p1',matched:true,name:'Ann again'}", both.Bulk.Graph, StringComparison.Ordinal);
        Assert.Contains("{key:'p3',matched:true,seen:0}", both.Bulk.Graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_Should_FailAsTheGeneralPathDoes_When_TheKeyIsNull()
    {
        var both = await BothAsync([], "UNWIND $rows AS r MERGE (:Person {key: r.k})", "AS r",
            new { rows = new List<object?> { Row("k", "x", null), new Dictionary<string, object?> { ["k"] = null } } });
        AssertSame(both);
        Assert.NotNull(both.Bulk.Error);
        Assert.Equal("", both.Bulk.Graph);
    }

    [Fact]
    public async Task MatchMergeRelationship_Should_GiveTheGeneralPathsGraph_When_PairsRepeat()
    {
        Write("member.csv", "p1,o1\np2,o1\np1,o1\np1,o2\nnobody,o1\n");
        string[] setup = ["UNWIND ['p1', 'p2'] AS k CREATE (:Person {key: k})", "UNWIND ['o1', 'o2'] AS k CREATE (:Org {key: k})"];
        var both = await BothAsync(setup, """
            LOAD CSV FROM 'file:///member.csv' AS r
            MATCH (a:Person {key: r[0]}), (b:Org {key: r[1]})
            MERGE (a)-[m:MEMBER_OF]->(b) ON CREATE SET m.since = toInteger('2020') ON MATCH SET m.again = true
            """, "AS r");
        AssertSame(both);
        Assert.Equal(3, both.Bulk.Counters!.RelationshipsCreated);
    }

    [Fact]
    public async Task CreateOfAMatchedLabel_Should_TakeTheGeneralPath_When_LaterRowsCouldMatchTheNewNodes()
    {
        // Streamed, each row would also find the nodes earlier rows created (1 + 2 + 4); Eager finds one per row.
        await using var db = Db();
        await db.Q("CREATE INDEX FOR (n:Item) ON (n.key)");
        await db.Q("CREATE (:Item {key: 1})");
        var r = await db.Q("UNWIND [1, 2, 3] AS x MATCH (a:Item {key: 1}) CREATE (:Item {key: 1, x: x})");
        Assert.Equal(3, r.Summary.Counters.NodesCreated);
    }

    [Fact]
    public async Task InTransactions_Should_KeepCommittedBatchesAndRollBackTheFailingOne_When_RunThroughTheBulkPlan()
    {
        Write("batches.csv", "key\np1\np2\np3\np4\np1\np5\n");
        // The general path's body here: the same CREATE with a trailing SET the plan does not take (WITH * would
        // drop linenumber()'s hidden entry).
        const string statement = """
            LOAD CSV WITH HEADERS FROM 'file:///batches.csv' AS row
            CALL (row) { CREATE (p:Person {key: row.key, line: linenumber()}) } IN TRANSACTIONS OF 2 ROWS
            """;
        var both = (Bulk: await RunAsync([], statement, null), General: await RunAsync([], statement.Replace(") })", ") SET p += {} }", StringComparison.Ordinal), null));
        AssertSame(both);
        Assert.Equal(ErrorCodes.ConstraintValidationFailed, both.Bulk.Error);
        // Batches (p1,p2) and (p3,p4) committed; (p1,p5) failed and rolled back.
        Assert.Equal(4, both.Bulk.Graph.Split('\n').Length);
        Assert.Contains("{key:'p4',line:5}", both.Bulk.Graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTransactions_Should_ReportEachBatch_When_ErrorsContinue()
    {
        var rows = Enumerable.Range(1, 7).Select(i => (object?)new Dictionary<string, object?> { ["k"] = i == 4 ? "k1" : "k" + i }).ToList();
        var both = await BothAsync([], """
            UNWIND $rows AS r
            CALL (r) { MERGE (p:Person {key: r.k}) ON CREATE SET p.n = 1 ON MATCH SET p.n = 2 } IN TRANSACTIONS OF 3 ROWS ON ERROR CONTINUE
            """, "AS r", new { rows });
        AssertSame(both);
        Assert.Contains("{key:'k1',n:2}", both.Bulk.Graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkPlan_Should_StreamRows_When_TheGeneralPathWouldBufferPastTheMemoryLimit()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => (object?)new Dictionary<string, object?> { ["k"] = "p" + i }).ToList();
        await using (var db = Db(memoryLimit: 256 * 1024))
        {
            var r = await db.Q("UNWIND $rows AS r CREATE (:Person {key: r.k})", new { rows });
            Assert.Equal(20_000, r.Summary.Counters.NodesCreated);
        }
        await using (var db = Db(memoryLimit: 256 * 1024))
        {
            var e = await db.Fails("UNWIND $rows AS r WITH * CREATE (:Person {key: r.k})", new { rows });
            Assert.Equal(ErrorCodes.MemoryPoolOutOfMemory, e.Code);
        }
    }

    private static Dictionary<string, object?> Row(object? a, object? b, object? w) => new() { ["a"] = a, ["b"] = b, ["w"] = w, ["k"] = a };
}
