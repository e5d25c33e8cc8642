using System.Text.Json;
using KnowledgeGraph.Driver;
using KnowledgeGraph.Ingestion.Classification;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>A dry run writes nothing; a written draft loads through the seeder and applying it twice changes nothing.</summary>
public sealed class DraftTests
{
    [Fact]
    public async Task DryRun_Should_WriteNothing_When_IngestingAFixture()
    {
        await using var graph = await TestGraph.CreateAsync();
        var before = await graph.CountsAsync();
        var files = Directory.GetFiles(graph.Seeds.Path);
        var result = await graph.IngestAsync(Repo.Fixture("en-corroborates-miami.txt"), "The Guardian", "2025-11-21", "en");
        Assert.Null(result.WrittenPath);
        Assert.Equal(before, await graph.CountsAsync());
        Assert.Equal(files, Directory.GetFiles(graph.Seeds.Path));
    }

    [Fact]
    public async Task Draft_Should_RaiseIndependentSources_When_ACorroboratingDraftIsLoadedTwice()
    {
        await using var graph = await TestGraph.CreateAsync();
        var result = await graph.IngestAsync(Repo.Fixture("en-corroborates-miami.txt"), "The Guardian", "2025-11-21", "en", dryRun: false);
        Assert.NotNull(result.WrittenPath);
        Assert.Equal("2025-11-21-the-guardian-according-to-two-ukrainian-officials.json", Path.GetFileName(result.WrittenPath));
        Assert.Equal(result.Draft, await File.ReadAllTextAsync(result.WrittenPath!));

        var first = await graph.Ingestor.ReloadSeedsAsync(graph.Database);
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.True(first.NodesCreated >= 2); // the document and The Guardian
        var counts = await graph.CountsAsync();
        var attended = await graph.Database.ExecuteQueryAsync(
            "MATCH (:Person {key: $p})-[r:ATTENDED]->(:Meeting {key: $m}) RETURN r.independentSources AS n, r.chains AS chains",
            new Dictionary<string, object?> { ["p"] = "person:steve-witkoff", ["m"] = "meeting:miami-talks-2025-10" });
        Assert.Equal(2L, attended.Records[0]["n"]);
        var document = await graph.Database.ExecuteQueryAsync(
            "MATCH (s:Source)-[:PUBLISHED]->(d:Document {key: $k}) RETURN s.key AS s, d.textHash AS h, d.url AS u",
            new Dictionary<string, object?> { ["k"] = result.Document.Key });
        Assert.Equal(("source:the-guardian", result.Document.TextHash, "https://example.org/news"),
            ((string)document.Records[0]["s"]!, (string)document.Records[0]["h"]!, (string)document.Records[0]["u"]!));

        var second = await graph.Ingestor.ReloadSeedsAsync(graph.Database);
        Assert.Equal((0, 0), (second.NodesCreated, second.RelationshipsCreated));
        Assert.Equal(counts, await graph.CountsAsync());

        // Ingested again now, the same text only repeats what the graph holds.
        var again = await graph.IngestAsync(Repo.Fixture("en-corroborates-miami.txt"), "The Guardian", "2025-11-21", "en");
        Assert.All(again.Facts, f => Assert.Equal(Classifications.Repeats, f.Classification));
    }

    [Fact]
    public async Task Write_Should_RefuseToOverwrite_When_AReviewedFileDiffers()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = Repo.Fixture("it-repeats-axios.txt");
        var result = await graph.IngestAsync(text, "Corriere della Sera", "2025-11-22", "it", dryRun: false);
        // Writing the same draft again is harmless.
        Assert.Equal(result.WrittenPath, (await graph.IngestAsync(text, "Corriere della Sera", "2025-11-22", "it", dryRun: false)).WrittenPath);
        await File.WriteAllTextAsync(result.WrittenPath!, result.Draft.Replace("reported", "confirmed", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<IngestionException>(() => graph.IngestAsync(text, "Corriere della Sera", "2025-11-22", "it", dryRun: false));
        Assert.Equal(IngestionErrorCodes.DraftExists, e.Code);
    }

    [Fact]
    public async Task Draft_Should_BeSeedFormat2_When_Built()
    {
        await using var graph = await TestGraph.CreateAsync();
        var result = await graph.IngestAsync(Repo.Fixture("fr-contradicts-miami.txt"), "Le Monde", "2025-11-25", "fr", title: "Peskov dément Miami");
        using var draft = JsonDocument.Parse(result.Draft);
        var root = draft.RootElement;
        Assert.Equal(2, root.GetProperty("format").GetInt32());
        Assert.Equal("document:le-monde-2025-11-25-peskov-dement-miami", root.GetProperty("document").GetString());
        var doc = root.GetProperty("documents")[0];
        Assert.Equal("source:le-monde", doc.GetProperty("publishedBy").GetString());
        Assert.StartsWith("sha256:", doc.GetProperty("textHash").GetString());
        Assert.Contains("person:dmitry-peskov", doc.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        var denies = root.GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "DENIES");
        Assert.Equal("person:dmitry-peskov", denies.GetProperty("reports")[0].GetProperty("origin").GetString());
        var quote = denies.GetProperty("quote");
        var text = Repo.Fixture("fr-contradicts-miami.txt");
        Assert.Equal(quote.GetProperty("text").GetString(), text.Substring(quote.GetProperty("offset").GetInt32(), quote.GetProperty("text").GetString()!.Length));
    }
}
