using KnowledgeGraph.Cypher.Import;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cypher.Tests.Import;

/// <summary>
/// The offline import (Neo4j's header format) into a real store directory, read back through the engine: typed and
/// array properties, labels from the command and from <c>:LABEL</c>, id groups, the id stored as a property,
/// quoted fields, bad relationships skipped and reported or failing the import, and a non-empty store refused.
/// </summary>
public sealed class CsvImporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kg-importer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private CsvImportOptions Options(bool skipBad = true, long tolerance = 10) => new()
    {
        Nodes =
        [
            new([Write("people-header.csv", "personId:ID(Person),name,age:int,score:float,active:boolean,tags:string[],:LABEL\n"),
                 Write("people.csv", "p1,\"Smith, Jo\",42,1.5,true,a;b,Envoy\np2,Ann,,,false,,Envoy;Minister\np3,\"Quote \"\"Q\"\"\",7,,,,\n")], ["Person"]),
            new([Write("orgs.csv", ":ID(Org),name\np1,Org One\n")], ["Organization"]),
        ],
        Relationships =
        [
            new([Write("knows.csv", ":START_ID(Person),:END_ID(Person),since:int\np1,p2,2020\np2,p3,\np1,p9,2021\n")], ["KNOWS"]),
            new([Write("member.csv", ":START_ID(Person),:END_ID(Org),:TYPE\np1,p1,MEMBER_OF\np3,p1,\n")], []),
        ],
        SkipBadRelationships = skipBad,
        BadTolerance = tolerance,
        ReportFile = Path.Combine(_dir, "import.report"),
    };

    [Fact]
    public async Task Import_Should_LoadTypedNodesAndRelationships_When_HeadersFollowNeo4j()
    {
        var data = Path.Combine(_dir, "store");
        var progress = new StringWriter();
        await using (var store = GraphStore.Open(data))
        {
            var result = await CsvImporter.RunAsync(store, Options(), progress);
            Assert.Equal((4L, 3L, 2L), (result.Nodes, result.Relationships, result.BadRows));
        }
        Assert.Contains("done: 4 nodes, 3 relationships, 2 bad rows skipped", progress.ToString());
        var report = File.ReadAllLines(Path.Combine(_dir, "import.report"));
        Assert.Equal(2, report.Length);
        Assert.Contains(report, l => l.StartsWith("knows.csv:4: end node id 'p9' not found", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("member.csv:3: no relationship type", StringComparison.Ordinal));

        await using var db = GraphDatabase.Open(data);
        var p1 = (await db.Q("MATCH (p:Person {personId: 'p1'}) RETURN p.name AS name, p.age AS age, p.score AS score, p.active AS active, p.tags AS tags, labels(p) AS labels", mode: AccessMode.Read)).Records.Single();
        Assert.Equal("Smith, Jo", p1["name"]);
        Assert.Equal(42L, p1["age"]);
        Assert.Equal(1.5, p1["score"]);
        Assert.Equal(true, p1["active"]);
        Assert.Equal(new List<object?> { "a", "b" }, p1["tags"]);
        Assert.Equal(new List<object?> { "Envoy", "Person" }, ((IReadOnlyList<object?>)p1["labels"]!).Order().ToList());
        var p2 = (await db.Q("MATCH (p:Person:Minister) RETURN p.personId AS id, p.age AS age, keys(p) AS keys", mode: AccessMode.Read)).Records.Single();
        Assert.Equal("p2", p2["id"]);
        Assert.Null(p2["age"]);
        Assert.Equal("Quote \"Q\"", (await db.Q("MATCH (p:Person {personId: 'p3'}) RETURN p.name AS n", mode: AccessMode.Read)).Records.Single()["n"]);
        // Same id text in two groups: two nodes; the Org id column has no name, so it is not stored.
        var edges = await db.Q("MATCH (a)-[r]->(b) RETURN a.personId AS a, type(r) AS t, r.since AS since, coalesce(b.personId, b.name) AS b ORDER BY t, a, b", mode: AccessMode.Read);
        Assert.Equal(["KNOWS|p1|p2|2020", "KNOWS|p2|p3|", "MEMBER_OF|p1|Org One|"],
            edges.Records.Select(r => $"{r["t"]}|{r["a"]}|{r["b"]}|{r["since"]}").ToList());
    }

    [Fact]
    public async Task Import_Should_FailAndLeaveTheStoreEmpty_When_ABadRelationshipIsNotSkipped()
    {
        var data = Path.Combine(_dir, "store");
        await using (var store = GraphStore.Open(data))
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => CsvImporter.RunAsync(store, Options(skipBad: false), TextWriter.Null));
            Assert.Contains("knows.csv:4: end node id 'p9' not found", e.Message);
            using var reader = store.BeginRead();
            Assert.Equal(0, reader.NodeCount);
        }
        await using (var store = GraphStore.Open(data))
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => CsvImporter.RunAsync(store, Options(tolerance: 1), TextWriter.Null));
            Assert.Contains("more than 1 bad rows", e.Message);
        }
    }

    [Fact]
    public async Task Import_Should_RefuseTheStore_When_ItHoldsData()
    {
        var data = Path.Combine(_dir, "store");
        await using (var db = GraphDatabase.Open(data)) await db.Q("CREATE (:Existing)");
        await using var store = GraphStore.Open(data);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => CsvImporter.RunAsync(store, Options(), TextWriter.Null));
        Assert.Contains("not empty", e.Message);
    }

    [Fact]
    public async Task Import_Should_RejectTheHeader_When_ATypeIsUnknown()
    {
        await using var store = GraphStore.CreateInMemory();
        var options = new CsvImportOptions { Nodes = [new([Write("bad.csv", ":ID,born:zoned\n1,x\n")], ["X"])] };
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => CsvImporter.RunAsync(store, options, TextWriter.Null));
        Assert.Contains("unsupported header field 'born:zoned'", e.Message);
    }

    [Fact]
    public async Task Import_Should_SkipAndReportDuplicateIds_When_IdsAreLongAndLabelsVaryPerRow()
    {
        var data = Path.Combine(_dir, "store");
        var people = new System.Text.StringBuilder(":ID(P),name,:LABEL\n");
        var knows = new System.Text.StringBuilder(":START_ID(P),:END_ID(P),:TYPE,w:double\n");
        for (var i = 0; i < 3000; i++) people.Append($"person-number-{i},N{i},{(i % 3 == 0 ? "A" : i % 3 == 1 ? "A;B" : "")}\n");
        people.Append("person-number-7,again,A\n");
        for (var i = 1; i < 3000; i++) knows.Append($"person-number-{i - 1},person-number-{i},{(i % 2 == 0 ? "EVEN" : "ODD")},{i}.5\n");
        var options = new CsvImportOptions
        {
            Nodes = [new([Write("people.csv", people.ToString())], ["Person"])],
            Relationships = [new([Write("knows.csv", knows.ToString())], [])],
            SkipDuplicateNodes = true,
            ReportFile = Path.Combine(_dir, "dup.report"),
        };
        await using (var store = GraphStore.Open(data))
        {
            var result = await CsvImporter.RunAsync(store, options, TextWriter.Null);
            Assert.Equal((3000L, 2999L, 1L), (result.Nodes, result.Relationships, result.BadRows));
        }
        Assert.StartsWith("people.csv:3002: duplicate node id 'person-number-7' in group P; skipped", File.ReadAllText(Path.Combine(_dir, "dup.report")));

        await using var db = GraphDatabase.Open(data);
        var counts = (await db.Q("MATCH (p:Person) RETURN count(p) AS all, count(CASE WHEN p:A THEN 1 END) AS a, count(CASE WHEN p:B THEN 1 END) AS b", mode: AccessMode.Read)).Records.Single();
        Assert.Equal((3000L, 2000L, 1000L), ((long)counts["all"]!, (long)counts["a"]!, (long)counts["b"]!));
        var path = (await db.Q("MATCH (a:Person {name: 'N7'})-[r:EVEN]->(b)-[s:ODD]->(c) RETURN b.name AS b, c.name AS c, r.w AS w", mode: AccessMode.Read)).Records.Single();
        Assert.Equal(("N8", "N9", 8.5), ((string)path["b"]!, (string)path["c"]!, (double)path["w"]!));
    }
}
