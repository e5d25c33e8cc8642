using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.LoadCsv;

/// <summary>
/// LOAD CSV as Neo4j reads it, from real files in a temporary import directory: quotes, escaped quotes, separators
/// and line breaks inside quotes, empty fields (null with headers, "" without), FIELDTERMINATOR, linenumber(),
/// file(), URLs confined to the import directory, http refused, and batches with CALL { } IN TRANSACTIONS.
/// </summary>
public sealed class LoadCsvTests : IDisposable
{
    private readonly string _import = Directory.CreateTempSubdirectory("kg-import-").FullName;

    public void Dispose() => Directory.Delete(_import, recursive: true);

    private GraphDatabase Db(bool http = false) =>
        GraphDatabase.CreateInMemory(new GraphDatabaseOptions { ImportDirectory = _import, AllowHttpImport = http });

    private string Write(string name, string text)
    {
        var path = Path.Combine(_import, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task LoadCsv_Should_ReadMapsWithNulls_When_WithHeaders()
    {
        Write("people.csv", "\uFEFFkey,name,note\r\np1,\"Smith, Jo\",\"said \"\"hi\"\"\"\r\np2,,\"\"\r\np3,\"two\nlines\",x\\\"y\np4\n");
        await using var db = Db();
        var r = await db.Q("LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row RETURN row, linenumber() AS line, file() AS f");
        var rows = r.Records.Select(x => (IReadOnlyDictionary<string, object?>)x["row"]!).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Smith, Jo", rows[0]["name"]);
        Assert.Equal("said \"hi\"", rows[0]["note"]);
        Assert.Null(rows[1]["name"]);
        Assert.Equal("", rows[1]["note"]);
        Assert.Equal("two\nlines", rows[2]["name"]);
        Assert.Equal("x\\\"y", rows[2]["note"]);
        Assert.Equal("p4", rows[3]["key"]);
        Assert.Null(rows[3]["name"]);
        Assert.Equal(new List<object?> { 2L, 3L, 4L, 6L }, r.Column("line"));
        Assert.All(r.Column("f"), f => Assert.Equal(Path.Combine(_import, "people.csv"), f));
    }

    [Fact]
    public async Task LoadCsv_Should_ReadListsWithEmptyStrings_When_NoHeadersAndOwnTerminator()
    {
        Write("data/rows.tsv", "a;;\"c;d\"\n\n1;2;3\n");
        await using var db = Db();
        var r = await db.Q("LOAD CSV FROM 'file:///data/rows.tsv' AS row FIELDTERMINATOR ';' RETURN row, linenumber() AS line");
        Assert.Equal(new List<object?> { "a", "", "c;d" }, r.Records[0]["row"]);
        Assert.Equal(new List<object?> { "1", "2", "3" }, r.Records[1]["row"]);
        Assert.Equal(new List<object?> { 1L, 3L }, r.Column("line"));
    }

    [Fact]
    public async Task LoadCsv_Should_CommitInBatches_When_InsideCallInTransactions()
    {
        Write("nodes.csv", "id,name\n" + string.Concat(Enumerable.Range(1, 250).Select(i => $"{i},n{i}\n")));
        await using var db = Db();
        await db.Q("""
            LOAD CSV WITH HEADERS FROM $url AS row
            CALL (row) { CREATE (:Imported {id: toInteger(row.id), name: row.name}) } IN TRANSACTIONS OF 100 ROWS
            """, new { url = "file:///nodes.csv" });
        var r = await db.Q("MATCH (n:Imported) RETURN count(n) AS c, sum(n.id) AS s", mode: AccessMode.Read);
        Assert.Equal(250L, r.Records.Single()["c"]);
        Assert.Equal(250L * 251 / 2, r.Records.Single()["s"]);
    }

    [Theory]
    [InlineData("file:///../outside.csv")]
    [InlineData("file:///data/../../outside.csv")]
    [InlineData("file:///%2E%2E/outside.csv")]
    [InlineData("file:///missing.csv")]
    [InlineData("http://127.0.0.1:9/x.csv")]
    [InlineData("ftp://example.org/x.csv")]
    public async Task LoadCsv_Should_FailWithExternalResourceFailed_When_UrlIsNotAllowed(string url)
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_import)!, "outside.csv"), "secret\n");
        await using var db = Db();
        var e = await db.Fails("LOAD CSV FROM $url AS row RETURN row", new { url });
        Assert.Equal("Neo.ClientError.Statement.ExternalResourceFailed", e.Code);
        Assert.Equal(1L, (await db.Q("RETURN 1 AS one")).Records.Single()["one"]);
    }

    [Fact]
    public async Task LoadCsv_Should_RefuseFiles_When_NoImportDirectoryIsConfigured()
    {
        Write("a.csv", "x\n");
        await using var db = GraphDatabase.CreateInMemory();
        var e = await db.Fails("LOAD CSV FROM 'file:///a.csv' AS row RETURN row");
        Assert.Equal("Neo.ClientError.Statement.ExternalResourceFailed", e.Code);
    }

    [Theory]
    [InlineData("LOAD CSV FROM 'file:///a.csv' AS row FIELDTERMINATOR 1 RETURN row")]
    [InlineData("LOAD CSV FROM 'file:///a.csv' row RETURN row")]
    [InlineData("LOAD CSV WITH HEADER FROM 'file:///a.csv' AS row RETURN row")]
    public async Task LoadCsv_Should_FailWithSyntaxError_When_ClauseIsMalformed(string query)
    {
        await using var db = Db();
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", (await db.Fails(query)).Code);
    }
}
