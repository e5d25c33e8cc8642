using KnowledgeGraph.Cypher;
using KnowledgeGraph.Errors;
using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedLoaderTests
{
    // What seeds/2025-11-19-mena-news-28-point-plan.json declares (documents and claims expand into nodes and
    // relationships; see cypher/README.md). A change to the seed data must update these figures deliberately.
    private static readonly Dictionary<string, long> ExpectedCounts = new(StringComparer.Ordinal)
    {
        ["Country"] = 6, ["Person"] = 9, ["Organization"] = 9, ["Source"] = 6, ["Document"] = 5, ["Meeting"] = 4,
        ["Place"] = 10, ["Proposal"] = 3, ["Topic"] = 9, ["Conflict"] = 2, ["Claim"] = 20, ["Fact"] = 21, ["*relationships"] = 278,
    };

    [Fact]
    public async Task Load_Should_CreateExpectedNodesPerLabel()
    {
        await using var db = await SeededDatabaseAsync();

        Assert.Equal(ExpectedCounts, await CountsPerLabelAsync(db));
    }

    [Fact]
    public async Task Load_Should_ChangeNothing_When_RunTwice()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var first = await new SeedLoader().LoadAsync(db, RepoPaths.Seeds);
        var before = await CountsPerLabelAsync(db);
        var snapshot = await SnapshotAsync(db);

        var second = await new SeedLoader().LoadAsync(db, RepoPaths.Seeds);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(104, first.NodesCreated);
        Assert.Equal(278, first.RelationshipsCreated);
        Assert.Equal(0, second.NodesCreated);
        Assert.Equal(0, second.RelationshipsCreated);
        Assert.Equal(before, await CountsPerLabelAsync(db));
        // Every property of every node and relationship, derived provenance included, is as it was.
        Assert.Equal(snapshot, await SnapshotAsync(db));
        // Unions are idempotent too: re-seeding does not duplicate aliases or sources.
        var aliases = Strings((await db.ExecuteQueryAsync("MATCH (n:Place {key: 'place:kyiv'}) RETURN n.aliases AS a")).Records[0]["a"]);
        Assert.Equal(aliases.Distinct().Count(), aliases.Count);
        Assert.Contains("Kiev", aliases);
        var drafted = (await db.ExecuteQueryAsync(
            "MATCH (:Organization {key: 'org:us-government'})-[r:DRAFTED]->(:Proposal) RETURN r.chains AS c, r.origins AS o, r.independentSources AS n, r.sources AS s")).Records.Single();
        Assert.Equal(["unnamed:source:axios > source:axios > source:il-giornale > source:mena-news", "source:reuters > source:il-giornale > source:mena-news"], Strings(drafted["c"]));
        Assert.Equal(["source:reuters", "unnamed:source:axios"], Strings(drafted["o"]));
        Assert.Equal(2L, drafted["n"]);
        Assert.Equal(["source:axios", "source:il-giornale", "source:mena-news", "source:reuters"], Strings(drafted["s"]));

    }

    [Fact]
    public async Task Load_Should_ApplySchemaConstraints_So_DuplicateKeysAreRejected()
    {
        await using var db = await SeededDatabaseAsync();

        var error = await Assert.ThrowsAsync<GraphException>(() =>
            db.ExecuteQueryAsync("CREATE (:Country {key: 'country:us', name: 'Duplicate'})"));

        Assert.Equal(ErrorCodes.ConstraintValidationFailed, error.Code);
        Assert.Equal(1, await CountAsync(db, "MATCH (n:Country {key: 'country:us'}) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task Load_Should_SkipOnlyTheMalformedFile_And_NameFileAndPath()
    {
        using var dir = new TempSeedDirectory().WithRealSeeds();
        // Sorts after the real file; its first entity is fine, its relation points at an unknown key.
        dir.Write("2099-01-01-broken.json", """
            {
              "format": 2,
              "entities": [ { "label": "Person", "key": "person:new-envoy", "name": "New Envoy" } ],
              "relations": [ { "type": "REPRESENTS", "from": "person:new-envoy", "to": "country:atlantis", "tier": "background" } ]
            }
            """);
        await using var db = GraphDatabase.CreateInMemory();

        var report = await new SeedLoader().LoadAsync(db, dir.Path);

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal("seeds/2099-01-01-broken.json", error.File);
        Assert.Equal("$.relations[0].to", error.JsonPath);
        Assert.Contains("unknown key 'country:atlantis'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db, "MATCH (n:Person {key: 'person:new-envoy'}) RETURN count(n) AS c"));
        Assert.Equal(ExpectedCounts, await CountsPerLabelAsync(db));
    }

    [Fact]
    public async Task Load_Should_RollBackTheWholeFile_When_AWriteFails()
    {
        await using var db = GraphDatabase.CreateInMemory();
        // A curator stored aliases as a string: the alias union (a IN n.aliases) raises a type error mid-file.
        await db.ExecuteQueryAsync("CREATE (:Country {key: 'country:us', name: 'United States', aliases: 'USA'})");

        var report = await new SeedLoader().LoadAsync(db, RepoPaths.Seeds);

        var file = Assert.Single(report.Files);
        Assert.False(file.Loaded);
        var error = Assert.Single(file.Errors);
        Assert.Equal("seeds/2025-11-19-mena-news-28-point-plan.json", error.File);
        Assert.Contains("write failed, nothing loaded from this file: Neo.ClientError.Statement.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db, "MATCH (n) RETURN count(n) AS c"));
        Assert.Equal(0, await CountAsync(db, "MATCH ()-[r]->() RETURN count(r) AS c"));
    }

    [Fact]
    public async Task Load_Should_AddANewDocumentsFacts_When_AFileIsAdded()
    {
        using var dir = new TempSeedDirectory().WithRealSeeds();
        await using var db = GraphDatabase.CreateInMemory();
        (await new SeedLoader().LoadAsync(db, dir.Path)).ThrowIfFailed();
        dir.Write("2025-12-01-second-report.json", """
            {
              "format": 2,
              "document": "document:politico-driscoll-profile",
              "entities": [ { "label": "Country", "key": "country:us", "name": "United States", "aliases": ["Uncle Sam"], "props": { "isoCode": "US" } } ],
              "relations": [ { "type": "NEGOTIATES_WITH", "from": "person:steve-witkoff", "to": "person:kirill-dmitriev",
                               "confidence": "confirmed", "reports": [ { "origin": "source:politico" }, { "origin": "source:il-giornale", "via": ["source:mena-news"] } ],
                               "quote": { "text": "Witkoff and Dmitriev met", "offset": 0 } } ]
            }
            """);

        var report = await new SeedLoader().LoadAsync(db, dir.Path);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(0, report.NodesCreated);
        var row = (await db.ExecuteQueryAsync("""
            MATCH (c:Country {key: 'country:us'})
            MATCH (:Person {key: 'person:steve-witkoff'})-[r:NEGOTIATES_WITH]->(:Person {key: 'person:kirill-dmitriev'})
            RETURN c.aliases AS aliases, r.chains AS chains, r.origins AS origins, r.independentSources AS n, r.sources AS sources
            """)).Records.Single();
        Assert.Contains("Uncle Sam", Strings(row["aliases"]));
        Assert.Contains("Washington", Strings(row["aliases"]));
        // The second document's chains are added to the first one's (the repeated chain once), and the summary is
        // derived again from the union.
        Assert.Equal(["source:il-giornale > source:mena-news", "person:kirill-dmitriev > source:il-giornale > source:mena-news", "source:politico"],
            Strings(row["chains"]));
        Assert.Equal(["person:kirill-dmitriev", "source:il-giornale", "source:politico"], Strings(row["origins"]));
        Assert.Equal(3L, row["n"]);
        Assert.Equal(["source:il-giornale", "source:mena-news", "source:politico"], Strings(row["sources"]));
    }

    [Fact]
    public async Task Load_Should_StoreTextVerbatim_When_ItLooksLikeCypher()
    {
        using var dir = new TempSeedDirectory();
        const string hostile = "x'}) DETACH DELETE n // \" `Evil` ;";
        dir.Write("a.json", $$"""
            { "format": 2, "entities": [ { "label": "Topic", "key": "topic:hostile", "name": {{System.Text.Json.JsonSerializer.Serialize(hostile)}},
                              "aliases": ["MATCH (n) DETACH DELETE n"] } ] }
            """);
        await using var db = GraphDatabase.CreateInMemory();
        await db.ExecuteQueryAsync("CREATE (:Country {key: 'country:keep', name: 'Keep', aliases: []})");

        (await new SeedLoader().LoadAsync(db, dir.Path)).ThrowIfFailed();

        var row = (await db.ExecuteQueryAsync("MATCH (t:Topic {key: 'topic:hostile'}) RETURN t.name AS name, t.aliases AS aliases")).Records.Single();
        Assert.Equal(hostile, row["name"]);
        Assert.Equal(["MATCH (n) DETACH DELETE n"], Strings(row["aliases"]));
        Assert.Equal(2, await CountAsync(db, "MATCH (n) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task Load_Should_WriteOnlyModelLabelsAndTypes()
    {
        await using var db = await SeededDatabaseAsync();

        var labels = Strings((await db.ExecuteQueryAsync(
            "MATCH (n) UNWIND labels(n) AS l WITH DISTINCT l ORDER BY l RETURN collect(l) AS ls")).Records[0]["ls"]);
        var types = Strings((await db.ExecuteQueryAsync(
            "MATCH ()-[r]->() WITH DISTINCT type(r) AS t ORDER BY t RETURN collect(t) AS ts")).Records[0]["ts"]);

        Assert.Equal(KnowledgeGraph.Model.KnowledgeModel.Labels.Select(l => l.Name).Order(StringComparer.Ordinal), labels);
        Assert.All(types, t => Assert.NotNull(KnowledgeGraph.Model.KnowledgeModel.FindRelationshipType(t!)));
        Assert.Equal(KnowledgeGraph.Model.KnowledgeModel.RelationshipTypes.Count, types.Count);
        // Every relationship but the structural HAS_FACT carries provenance whose summary agrees with its chains.
        Assert.Equal(0, await CountAsync(db, """
            MATCH ()-[r]->() WHERE type(r) <> 'HAS_FACT'
              AND (r.sources IS NULL OR size(r.sources) = 0 OR size(r.chains) = 0 OR r.independentSources <> size(r.origins)
                   OR NOT r.confidence IN ['confirmed', 'reported', 'claimed', 'rumoured', 'denied'] OR NOT r.tier IN ['reported', 'background'])
            RETURN count(r) AS c
            """));
        Assert.Equal(0, await CountAsync(db, "MATCH ()-[r:HAS_FACT]->() WHERE size(keys(r)) > 0 RETURN count(r) AS c"));
    }

    private static async Task<List<string>> SnapshotAsync(GraphDatabase db)
    {
        var rows = (await db.ExecuteQueryAsync("""
            CALL () {
              MATCH (n) RETURN n.key AS id, properties(n) AS p
              UNION ALL
              MATCH (a)-[r]->(b) RETURN type(r) + ' ' + a.key + ' -> ' + b.key AS id, properties(r) AS p
            }
            RETURN id, p ORDER BY id
            """)).Records;
        return rows.Select(r => (string)r["id"]! + " " + string.Join(", ",
            ((IReadOnlyDictionary<string, object?>)r["p"]!).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + Show(p.Value)))).ToList();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable list => "[" + string.Join("|", list.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
