using KnowledgeGraph.Ingestion.Classification;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>What README "Ingesting a new article" says its curl example answers (the Api's README test runs the curl).</summary>
public sealed class ReadmeExampleTests
{
    public const string Text = "Selon deux responsables ukrainiens, Steve Witkoff et Kirill Dmitriev ont tenu des pourparlers à Miami du 24 au 26 octobre.";

    [Fact]
    public async Task ReadmeExample_Should_AnswerWhatTheReadmeSays_When_IngestedAgainstTheSeeds()
    {
        await using var graph = await TestGraph.CreateAsync();
        var readme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "README.md"));
        Assert.Contains(Text, readme);
        var result = await graph.IngestAsync(Text, "Le Monde", "2025-11-21", "fr", title: "Witkoff et Dmitriev à Miami");

        Assert.Equal("2025-11-21-le-monde-witkoff-et-dmitriev-a-miami.json", result.Document.FileName);
        var witkoff = result.Mentions.First();
        Assert.Equal(("Steve Witkoff", 36, "person:steve-witkoff", "name"), (witkoff.Text, witkoff.Offset, witkoff.Key, witkoff.Rule));
        Assert.Contains(result.Mentions, m => m is { Text: "Miami", Key: "place:miami" });
        Assert.Equal(3, result.Facts.Count);
        Assert.All(result.Facts, f =>
        {
            Assert.Equal(Classifications.Corroborates, f.Classification);
            Assert.Equal("unnamed:source:le-monde > source:le-monde", f.Chain);
            Assert.Contains("independent sources 1 -> 2", f.Reason);
        });
        Assert.Equal(["ATTENDED", "ATTENDED", "HELD_IN"], result.Facts.Select(f => f.Type).Order().ToArray());
        Assert.Empty(result.DraftErrors);
    }
}
