using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
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
        ["Place"] = 10, ["Proposal"] = 3, ["Topic"] = 9, ["Conflict"] = 2, ["Claim"] = 20, ["Fact"] = 21, ["*relationships"] = 274,
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

        var second = await new SeedLoader().LoadAsync(db, RepoPaths.Seeds);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(104, first.NodesCreated);
        Assert.Equal(274, first.RelationshipsCreated);
        Assert.Equal(0, second.NodesCreated);
        Assert.Equal(0, second.RelationshipsCreated);
        Assert.Equal(before, await CountsPerLabelAsync(db));
        // Unions are idempotent too: re-seeding does not duplicate aliases or sources.
        var aliases = Strings((await db.ExecuteQueryAsync("MATCH (n:Place {key: 'place:kyiv'}) RETURN n.aliases AS a")).Records[0]["a"]);
        Assert.Equal(aliases.Distinct().Count(), aliases.Count);
        Assert.Contains("Kiev", aliases);
        var sources = Strings((await db.ExecuteQueryAsync(
            "MATCH (:Person {key: 'person:steve-witkoff'})-[r:DRAFTED]->(:Proposal) RETURN r.sources AS s")).Records[0]["s"]);
        Assert.Equal(["source:axios", "source:reuters", "source:il-giornale", "source:mena-news"], sources);
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
              "entities": [ { "label": "Person", "key": "person:new-envoy", "name": "New Envoy" } ],
              "relations": [ { "type": "REPRESENTS", "from": "person:new-envoy", "to": "country:atlantis",
                               "sources": ["source:mena-news"], "confidence": "reported" } ]
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
              "entities": [ { "label": "Country", "key": "country:us", "name": "United States", "aliases": ["Uncle Sam"], "props": { "isoCode": "US" } } ],
              "relations": [ { "type": "NEGOTIATES_WITH", "from": "person:steve-witkoff", "to": "person:kirill-dmitriev",
                               "sources": ["source:politico"], "confidence": "confirmed" } ]
            }
            """);

        var report = await new SeedLoader().LoadAsync(db, dir.Path);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(0, report.NodesCreated);
        var row = (await db.ExecuteQueryAsync("""
            MATCH (c:Country {key: 'country:us'})
            MATCH (:Person {key: 'person:steve-witkoff'})-[r:NEGOTIATES_WITH]->(:Person {key: 'person:kirill-dmitriev'})
            RETURN c.aliases AS aliases, r.sources AS sources
            """)).Records.Single();
        Assert.Contains("Uncle Sam", Strings(row["aliases"]));
        Assert.Contains("Washington", Strings(row["aliases"]));
        Assert.Equal(["source:axios", "source:reuters", "source:il-giornale", "source:mena-news", "source:politico"], Strings(row["sources"]));
    }

    [Fact]
    public async Task Load_Should_StoreTextVerbatim_When_ItLooksLikeCypher()
    {
        using var dir = new TempSeedDirectory();
        const string hostile = "x'}) DETACH DELETE n // \" `Evil` ;";
        dir.Write("a.json", $$"""
            { "entities": [ { "label": "Topic", "key": "topic:hostile", "name": {{System.Text.Json.JsonSerializer.Serialize(hostile)}},
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
        // Every relationship carries provenance.
        Assert.Equal(0, await CountAsync(db,
            "MATCH ()-[r]->() WHERE r.sources IS NULL OR size(r.sources) = 0 OR NOT r.confidence IN ['confirmed', 'reported', 'claimed', 'denied'] RETURN count(r) AS c"));
    }
}
