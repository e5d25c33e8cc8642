using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Fulltext;

/// <summary>CREATE FULLTEXT INDEX / DROP / SHOW INDEXES and db.index.fulltext.* on the embedded engine.</summary>
public sealed class FulltextIndexTests
{
    private const string Query = "CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score RETURN node.name AS name, score";

    private static async Task<GraphDatabase> PlacesAsync()
    {
        var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (:Place {name: 'Kyiv', aliases: ['Kiev', 'Kïev'], description: 'Capital of Ukraine on the Dnipro river'}),
                   (:Place {name: 'Istanbul', description: 'Talks hosted by Erdoğan in Istanbul'}),
                   (:Person {name: 'Recep Tayyip Erdoğan', description: 'President of Turkey'}),
                   (:Person {name: 'Steve Witkoff', description: 'US special envoy, met Putin in Moscow'}),
                   (:Organization {name: 'NATO', description: 'North Atlantic Treaty Organization'}),
                   (:Topic {name: 'Black Sea grain deal', description: 'Grain exports through the Black Sea'})
            """);
        await db.Q("CREATE FULLTEXT INDEX entity_text FOR (n:Place|Person|Organization) ON EACH [n.name, n.aliases, n.description] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}");
        return db;
    }

    private static async Task<List<string>> NamesAsync(GraphDatabase db, string q, string index = "entity_text") =>
        (await db.Q(Query, new { index, q })).Column("name").Cast<string>().ToList();

    [Fact]
    public async Task CreateFulltextIndex_Should_BackfillAndBeShown_When_LabelsAndPropertiesAreListed()
    {
        await using var db = await PlacesAsync();
        var show = await db.Q("SHOW FULLTEXT INDEXES");
        var row = Assert.Single(show.Records);
        Assert.Equal("entity_text", row["name"]);
        Assert.Equal("FULLTEXT", row["type"]);
        Assert.Equal("NODE", row["entityType"]);
        Assert.Equal(new List<object?> { "Place", "Person", "Organization" }, row["labelsOrTypes"]);
        Assert.Equal(new List<object?> { "name", "aliases", "description" }, row["properties"]);
        Assert.Equal("fulltext-1.0", row["indexProvider"]);
        Assert.Equal("ONLINE", row["state"]);
        Assert.Empty((await db.Q("SHOW RANGE INDEXES")).Records);
        Assert.Equal(["Kyiv"], await NamesAsync(db, "dnipro"));
        Assert.Empty(await NamesAsync(db, "grain")); // Topic is not an indexed label
    }

    [Fact]
    public async Task ShowIndexes_Should_GiveFulltextOptions_When_AllColumnsAreYielded()
    {
        await using var db = await PlacesAsync();
        var all = await db.Q("SHOW INDEXES YIELD name, type, options WHERE type <> 'LOOKUP' RETURN name, type, options");
        var options = (IReadOnlyDictionary<string, object?>)Assert.Single(all.Records)["options"]!;
        Assert.Equal("fulltext-1.0", options["indexProvider"]);
        var config = (IReadOnlyDictionary<string, object?>)options["indexConfig"]!;
        Assert.Equal("standard-folding", config["fulltext.analyzer"]);
        Assert.Equal(false, config["fulltext.eventually_consistent"]);
    }

    [Fact]
    public async Task CreateFulltextIndex_Should_HonourIfNotExists_And_RefuseDuplicates()
    {
        await using var db = await PlacesAsync();
        var again = await db.Q("CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Place) ON EACH [n.name]");
        Assert.Equal(0, again.Summary.Counters.IndexesAdded);
        var named = await db.Fails("CREATE FULLTEXT INDEX entity_text FOR (n:Topic) ON EACH [n.name]");
        Assert.Equal("Neo.ClientError.Schema.IndexAlreadyExists", named.Code);
        var same = await db.Fails("CREATE FULLTEXT INDEX other FOR (n:Place|Person|Organization) ON EACH [n.name, n.aliases, n.description]");
        Assert.Equal("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", same.Code);
        var analyzer = await db.Fails("CREATE FULLTEXT INDEX bad FOR (n:Topic) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'klingon'}}");
        Assert.Contains("klingon", analyzer.Message, StringComparison.Ordinal);
        var dropped = await db.Q("DROP INDEX entity_text");
        Assert.Equal(1, dropped.Summary.Counters.IndexesRemoved);
        Assert.Empty((await db.Q("SHOW FULLTEXT INDEXES")).Records);
        var gone = await db.Fails(Query, new { index = "entity_text", q = "kyiv" });
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", gone.Code);
        Assert.Contains("There is no such fulltext schema index: entity_text", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_Should_FoldAccentsAndCase_When_AnalyzerIsStandardFolding()
    {
        await using var db = await PlacesAsync();
        Assert.Equal(["Kyiv"], await NamesAsync(db, "kiev"));
        Assert.Equal(["Kyiv"], await NamesAsync(db, "KYIV"));
        Assert.Equal(["Kyiv"], await NamesAsync(db, "Kïev"));
        Assert.Equal(["Istanbul", "Recep Tayyip Erdoğan"], (await NamesAsync(db, "erdogan")).Order(StringComparer.Ordinal));
        Assert.Equal(["Istanbul", "Recep Tayyip Erdoğan"], (await NamesAsync(db, "ERDOĞAN")).Order(StringComparer.Ordinal));
        Assert.Equal(["Istanbul", "Recep Tayyip Erdoğan"], (await NamesAsync(db, "name:erdogan OR description:erdoğan")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_Should_SupportLuceneSyntax_When_PhrasesPrefixFuzzyAndBooleansAreUsed()
    {
        await using var db = await PlacesAsync();
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "\"special envoy\""));
        Assert.Empty(await NamesAsync(db, "\"envoy special\""));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "\"special putin\"~3"));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "witk*"));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "w?tk*f"));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "witkof~"));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "witkof~1"));
        Assert.Empty(await NamesAsync(db, "wtkof~1"));
        Assert.Equal(["Istanbul"], await NamesAsync(db, "erdogan AND talks"));
        Assert.Equal(["Istanbul"], await NamesAsync(db, "+erdogan +talks"));
        Assert.Equal(["Recep Tayyip Erdoğan"], await NamesAsync(db, "erdogan NOT talks"));
        Assert.Equal(["Recep Tayyip Erdoğan"], await NamesAsync(db, "erdogan -talks"));
        Assert.Equal(["Kyiv", "NATO"], (await NamesAsync(db, "dnipro OR treaty")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Istanbul", "Steve Witkoff"], (await NamesAsync(db, "(putin OR hosted) AND (moscow OR istanbul)")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Istanbul"], await NamesAsync(db, "name:istanbul"));
        Assert.Equal(["Kyiv"], await NamesAsync(db, "aliases:kiev"));
        Assert.Empty(await NamesAsync(db, "name:kiev"));
        Assert.Equal(["Kyiv"], await NamesAsync(db, "description:(ukraine OR nothing)"));
        Assert.Equal(["Steve Witkoff"], await NamesAsync(db, "envoy\\:"));
    }

    [Fact]
    public async Task Query_Should_OrderByScoreDescending_When_SeveralEntitiesMatch()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (:Doc {name: 'a', text: 'peace talks'}),
                   (:Doc {name: 'b', text: 'peace peace peace talks'}),
                   (:Doc {name: 'c', text: 'a very long text about many things and, somewhere, peace'}),
                   (:Doc {name: 'd', text: 'nothing relevant'})
            """);
        await db.Q("CREATE FULLTEXT INDEX docs FOR (d:Doc) ON EACH [d.text]");
        var result = await db.Q(Query, new { index = "docs", q = "peace" });
        Assert.Equal(["b", "a", "c"], result.Column("name"));
        var scores = result.Column("score").Cast<double>().ToList();
        Assert.All(scores, s => Assert.True(s > 0));
        Assert.Equal(scores.OrderDescending().ToList(), scores);
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2]);
        // Both terms in the shortest text beat more repetitions of one term in a longer one (BM25 length norm).
        var both = await db.Q(Query, new { index = "docs", q = "peace talks" });
        Assert.Equal(["a", "b", "c"], both.Column("name"));
        var page = await db.Q("CALL db.index.fulltext.queryNodes('docs', 'peace', {skip: 1, limit: 1}) YIELD node RETURN node.name AS name");
        Assert.Equal(["a"], page.Column("name"));
    }

    [Fact]
    public async Task QueryRelationships_Should_FindRelationshipsByText_When_IndexIsOnTypes()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("""
            CREATE (a:P {name: 'Lisa'})-[:REVIEWED {message: 'Nils-Erik is reportedly difficult to work with.'}]->(b:P {name: 'Nils'}),
                   (c:P {name: 'Maya'})-[:EMAILED {message: 'I have booked a team meeting tomorrow.'}]->(b),
                   (c)-[:KNOWS {message: 'meeting'}]->(a)
            """);
        await db.Q("CREATE FULLTEXT INDEX messages FOR ()-[r:REVIEWED|EMAILED]-() ON EACH [r.message]");
        var hits = await db.Q("CALL db.index.fulltext.queryRelationships('messages', 'meeting OR difficult') YIELD relationship, score RETURN type(relationship) AS t, startNode(relationship).name AS from, score ORDER BY t");
        Assert.Equal(["EMAILED", "REVIEWED"], hits.Column("t"));
        Assert.Equal(["Maya", "Lisa"], hits.Column("from"));
        var show = Assert.Single((await db.Q("SHOW FULLTEXT INDEXES")).Records);
        Assert.Equal("RELATIONSHIP", show["entityType"]);
        Assert.Equal(new List<object?> { "REVIEWED", "EMAILED" }, show["labelsOrTypes"]);
        await db.Q("MATCH ()-[r:EMAILED]->() SET r.message = 'cancelled'");
        Assert.Equal(["REVIEWED"], (await db.Q("CALL db.index.fulltext.queryRelationships('messages', 'meeting OR difficult') YIELD relationship RETURN type(relationship) AS t")).Column("t"));
        var wrongKind = await db.Fails("CALL db.index.fulltext.queryNodes('messages', 'meeting') YIELD node RETURN node");
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", wrongKind.Code);
    }

    [Theory]
    [InlineData("Kiev (city")]
    [InlineData("\"unterminated")]
    [InlineData("AND kyiv")]
    [InlineData("kyiv OR")]
    [InlineData("*iev")]
    [InlineData("[a TO b]")]
    [InlineData("")]
    public async Task Query_Should_FailWithProcedureCallFailed_When_QueryStringIsMalformed(string q)
    {
        await using var db = await PlacesAsync();
        var error = await db.Fails(Query, new { index = "entity_text", q });
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", error.Code);
        Assert.Contains("Failed to invoke procedure `db.index.fulltext.queryNodes`", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot parse", error.Message, StringComparison.Ordinal);
        Assert.Single((await db.Q("RETURN 1 AS one")).Records); // the engine keeps serving
    }

    [Fact]
    public async Task Index_Should_FollowWritesTransactionally_When_CommittedOrRolledBack()
    {
        await using var db = await PlacesAsync();
        await using var session = db.OpenSession();
        await using (var tx = await session.BeginTransactionAsync())
        {
            await (await tx.RunAsync("CREATE (:Place {name: 'Zaporizhzhia'})")).ConsumeAsync();
            var inside = await (await tx.RunAsync(Query, new Dictionary<string, object?> { ["index"] = "entity_text", ["q"] = "zaporizhzhia" })).ToEagerAsync();
            Assert.Equal(["Zaporizhzhia"], inside.Column("name"));
            Assert.Empty(await NamesAsync(db, "zaporizhzhia"));
            await tx.RollbackAsync();
        }

        Assert.Empty(await NamesAsync(db, "zaporizhzhia"));
        await db.Q("CREATE (:Place {name: 'Zaporizhzhia'})");
        Assert.Equal(["Zaporizhzhia"], await NamesAsync(db, "zaporizhzhia"));
        await db.Q("MATCH (p:Place {name: 'Zaporizhzhia'}) SET p.name = 'Odesa'");
        Assert.Empty(await NamesAsync(db, "zaporizhzhia"));
        Assert.Equal(["Odesa"], await NamesAsync(db, "odesa"));
        await db.Q("MATCH (p:Place {name: 'Odesa'}) REMOVE p:Place SET p:Topic");
        Assert.Empty(await NamesAsync(db, "odesa"));
        await db.Q("MATCH (p:Topic {name: 'Odesa'}) SET p:Organization");
        Assert.Equal(["Odesa"], await NamesAsync(db, "odesa"));
        await db.Q("MATCH (p {name: 'Odesa'}) DELETE p");
        Assert.Empty(await NamesAsync(db, "odesa"));
        var failed = await db.Fails("UNWIND [1, 0] AS x CREATE (:Place {name: 'Kherson', n: 1 / x})");
        Assert.Equal("Neo.ClientError.Statement.ArithmeticError", failed.Code);
        Assert.Empty(await NamesAsync(db, "kherson"));
    }

    [Fact]
    public async Task ListAvailableAnalyzers_Should_ListTheDefaultAndFoldingAnalyzers()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, description, stopwords RETURN analyzer, stopwords");
        var names = r.Column("analyzer").Cast<string>().ToList();
        Assert.Contains("standard-no-stop-words", names);
        Assert.Contains("standard-folding", names);
        var standard = r.Records.Single(x => (string)x["analyzer"]! == "standard");
        Assert.Contains("the", ((IEnumerable<object?>)standard["stopwords"]!).Cast<string>());
    }

    [Fact]
    public async Task Query_Should_UseAnalyzerOption_When_GivenInOptionsMap()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:Doc {text: 'the peace talks'})");
        await db.Q("CREATE FULLTEXT INDEX plain FOR (d:Doc) ON EACH [d.text]");
        Assert.Single((await db.Q("CALL db.index.fulltext.queryNodes('plain', 'the') YIELD node RETURN node")).Records);
        Assert.Empty((await db.Q("CALL db.index.fulltext.queryNodes('plain', 'the', {analyzer: 'standard'}) YIELD node RETURN node")).Records);
        var bad = await db.Fails("CALL db.index.fulltext.queryNodes('plain', 'x', {analyzer: 'klingon'}) YIELD node RETURN node");
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", bad.Code);
    }

    [Fact]
    public async Task DurableDatabase_Should_AnswerFulltextQueries_AfterReopen()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-cypher-fulltext-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var db = GraphDatabase.Open(dir))
            {
                await db.Q("CREATE FULLTEXT INDEX docs FOR (d:Doc) ON EACH [d.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}}");
                await db.Q("CREATE (:Doc {text: 'Erdoğan hosted talks'}), (:Doc {text: 'talks in Geneva'})");
            }

            await using (var db = GraphDatabase.Open(dir))
            {
                var r = await db.Q("CALL db.index.fulltext.queryNodes('docs', 'erdogan talks') YIELD node RETURN node.text AS text");
                Assert.Equal(["Erdoğan hosted talks", "talks in Geneva"], r.Column("text"));
                var show = Assert.Single((await db.Q("SHOW FULLTEXT INDEXES")).Records);
                Assert.Equal("FULLTEXT", show["type"]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
