using System.Text.Json.Nodes;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>Skipped, with the reason, when ../shared/seeds (the first article) is not beside the repository.</summary>
public sealed class ArticleFactAttribute : FactAttribute
{
    public ArticleFactAttribute()
    {
        if (Repo.ArticlePath is null) Skip = "../shared/seeds/000_8070831bbb14d085.txt (the first article) is not available here.";
    }
}

/// <summary>The first article ingested against a graph that knows only its countries and people.</summary>
public sealed class ArticleTests
{
    [ArticleFact]
    public async Task Ingest_Should_MentionEveryKnownCountryAndPerson_When_TheFirstArticleIsIngested()
    {
        await using var graph = await TestGraph.CreateAsync(new Dictionary<string, string> { ["2025-01-01-countries-people.json"] = TestGraph.CountriesAndPeopleSeed() }, withArticleSeed: false);
        var text = await File.ReadAllTextAsync(Repo.ArticlePath!);
        var result = await graph.IngestAsync(text, "Mena News", "2025-11-19", "fr");

        // Every Country and Person the article's seed says it mentions, linked by name or alias.
        var seed = JsonNode.Parse(await File.ReadAllTextAsync(Repo.SeedFile))!;
        var expected = seed["documents"]![0]!["mentions"]!.AsArray().Select(k => k!.GetValue<string>())
            .Where(k => k.StartsWith("country:", StringComparison.Ordinal) || k.StartsWith("person:", StringComparison.Ordinal)).Order().ToList();
        var linked = result.Mentions.Where(m => m.IsLinked).Select(m => m.Key!).Distinct().Order().ToList();
        Assert.Equal(expected, linked);
        Assert.Equal(15, expected.Count);
        Assert.All(result.Mentions, m =>
        {
            Assert.Equal(m.Text, text.Substring(m.Offset, m.Length)); // UTF-16 offsets into the text as given
            Assert.Equal(m.Quote, text.Substring(m.QuoteOffset, m.Quote.Length));
            Assert.InRange(m.Quote.Length, 1, 200);
        });
        Assert.Contains(result.Mentions, m => m is { Text: "Doha", Key: "country:qatar", Rule: "metonym" });
        Assert.Contains(result.Mentions, m => m is { Text: "Vladimir Poutine", Key: "person:vladimir-putin" });
        Assert.Contains(result.Mentions, m => m is { Text: "un analyste italien", Key: "person:unnamed-italian-analyst" });

        // The candidates name what the graph lacks here: outlets, titles.
        Assert.Contains(result.Candidates, c => c is { Kind: "outlet", ProposedKey: "source:axios" });
        Assert.Contains(result.Candidates, c => c is { Kind: "title", Person: "person:steve-witkoff" } && c.Text.EndsWith("envoyé américain", StringComparison.Ordinal));
        Assert.Contains(result.Reports, r => r.Report.Chain == "person:kirill-dmitriev > source:mena-news" && r.Report.Words == "selon Dmitriev");
        Assert.Contains(result.Reports, r => r.Report.Chain == "unnamed:source:axios > source:axios > source:mena-news");
        // The August summit is new to this graph; the draft validates against it.
        Assert.Contains(result.Facts, f => f is { Type: "ATTENDED", From: "person:vladimir-putin", StartDate: "2025-08", Classification: "new" });
        Assert.Empty(result.DraftErrors);
    }
}
