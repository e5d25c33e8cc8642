using KnowledgeGraph.Ingestion.Classification;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>
/// Held-in fixtures (Fixtures/*.txt), short paraphrases about the Miami talks and the 28-point plan, ingested against
/// the seeded graph: each asserts its mentions, candidates and classifications.
/// </summary>
public sealed class FixtureTests
{
    internal const string Smiths = """
        {"format": 2, "entities": [
          {"label": "Person", "key": "person:john-smith", "name": "John Smith", "aliases": ["Smith"]},
          {"label": "Person", "key": "person:jane-smith", "name": "Jane Smith", "aliases": ["Smith"]}
        ]}
        """;

    private static void AssertOffsets(string text, IngestionResult result)
    {
        foreach (var m in result.Mentions)
        {
            Assert.Equal(m.Text, text.Substring(m.Offset, m.Length));
            Assert.Equal(m.Quote, text.Substring(m.QuoteOffset, m.Quote.Length));
            Assert.InRange(m.Offset, m.QuoteOffset, m.QuoteOffset + m.Quote.Length);
        }
        foreach (var f in result.Facts) Assert.Equal(f.Quote, text.Substring(f.QuoteOffset, f.Quote.Length));
        foreach (var c in result.Candidates) Assert.Equal(c.Text, text.Substring(c.Offset, c.Text.Length));
        Assert.Empty(result.DraftErrors);
    }

    private static (string Text, string? Key, string Rule)[] Mentions(IngestionResult result) =>
        result.Mentions.Select(m => (m.Text, m.Key, m.Rule)).ToArray();

    [Fact]
    public async Task Ingest_Should_ClassifyCorroborates_When_AnIndependentOutletReportsTheMiamiTalks()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = Repo.Fixture("en-corroborates-miami.txt");
        var result = await graph.IngestAsync(text, "The Guardian", "2025-11-21", "en");

        AssertOffsets(text, result);
        Assert.Equal(
            [("Steve Witkoff", "person:steve-witkoff", "name"), ("Kirill Dmitriev", "person:kirill-dmitriev", "name"), ("Miami", "place:miami", "name"),
             ("US", "country:us", "alias"), ("Steve Witkoff", "person:steve-witkoff", "name")],
            Mentions(result));
        var title = Assert.Single(result.Candidates, c => c.Kind == "title");
        Assert.Equal(("US envoy", "person:steve-witkoff"), (title.Text, title.Person));
        Assert.Contains(result.Candidates, c => c is { Kind: "name", Text: "Ukrainian" });

        Assert.Equal(3, result.Facts.Count);
        Assert.All(result.Facts, f =>
        {
            Assert.Equal(Classifications.Corroborates, f.Classification);
            Assert.Equal("unnamed:source:the-guardian > source:the-guardian", f.Chain);
            Assert.Equal((1, 2), (f.IndependentSourcesBefore, f.IndependentSourcesAfter));
            Assert.Equal(("2025-10-24", "2025-10-26"), (f.StartDate, f.EndDate));
            Assert.Equal("reported", f.Confidence);
        });
        var witkoff = Assert.Single(result.Facts, f => f.From == "person:steve-witkoff");
        Assert.Equal(("ATTENDED", "meeting:miami-talks-2025-10"), (witkoff.Type, witkoff.To));
        Assert.Equal(["person:kirill-dmitriev > source:il-giornale > source:mena-news"], witkoff.Related!.Chains);
        Assert.Contains("24 to 26 October", witkoff.Words);
        Assert.Single(result.Facts, f => f is { Type: "HELD_IN", From: "meeting:miami-talks-2025-10", To: "place:miami" });
        Assert.Equal(Classifications.Corroborates, Assert.Single(result.Reports).Classification);
        // The draft declares the new outlet and points its document at the text's hash.
        Assert.Contains("\"key\": \"source:the-guardian\"", result.Draft);
        Assert.Contains(result.Document.TextHash, result.Draft);
        Assert.DoesNotContain("did not comment", result.Draft); // only quotes of facts, never the whole text
    }

    [Fact]
    public async Task Ingest_Should_ClassifyRepeats_When_AnItalianPaperRelaysAxiosAgain()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = Repo.Fixture("it-repeats-axios.txt");
        var result = await graph.IngestAsync(text, "Corriere della Sera", "2025-11-22", "it");

        AssertOffsets(text, result);
        Assert.Equal(
            [("Axios", "source:axios", "name"), ("amministrazione Trump", "org:us-government", "alias"), ("Russia", "country:russia", "name"),
             ("piano di pace in 28 punti", "proposal:28-point-plan", "alias"), ("Ucraina", "country:ukraine", "alias")],
            Mentions(result));
        Assert.Equal(["country:russia", "org:us-government"], result.Facts.Select(f => f.From).Order().ToArray());
        Assert.All(result.Facts, f =>
        {
            Assert.Equal(("drafting", "DRAFTED", "proposal:28-point-plan"), (f.Kind, f.Type, f.To));
            Assert.Equal(Classifications.Repeats, f.Classification);
            Assert.Equal("unnamed:source:axios > source:axios > source:corriere-della-sera", f.Chain);
            Assert.Equal((2, 2), (f.IndependentSourcesBefore, f.IndependentSourcesAfter));
            Assert.Contains("elaborando", f.Words);
        });
        var report = Assert.Single(result.Reports);
        Assert.Equal(("Secondo fonti americane e russe citate da Axios", Classifications.Repeats), (report.Report.Words, report.Classification));
    }

    [Fact]
    public async Task Ingest_Should_ClassifyContradicts_When_PeskovDeniesTheMiamiTalksAndASourceRedatesThem()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = Repo.Fixture("fr-contradicts-miami.txt");
        var result = await graph.IngestAsync(text, "Le Monde", "2025-11-25", "fr");

        AssertOffsets(text, result);
        Assert.Equal(
            [("Kremlin", "org:kremlin", "name"), ("Dmitri Peskov", "person:dmitry-peskov", "alias"), ("Steve Witkoff", "person:steve-witkoff", "name"),
             ("Kirill Dmitriev", "person:kirill-dmitriev", "name"), ("Miami", "place:miami", "name"), ("Miami", "place:miami", "name"),
             ("Witkoff", "person:steve-witkoff", "alias"), ("Dmitriev", "person:kirill-dmitriev", "alias")],
            Mentions(result));
        var title = Assert.Single(result.Candidates, c => c.Kind == "title");
        Assert.Equal(("Le porte-parole du Kremlin", "person:dmitry-peskov"), (title.Text, title.Person));

        var denial = Assert.Single(result.Facts, f => f.Kind == "denial");
        Assert.Equal(("DENIES", "person:dmitry-peskov", "meeting:miami-talks-2025-10"), (denial.Type, denial.From, denial.To));
        Assert.Equal(Classifications.Contradicts, denial.Classification);
        Assert.Equal("ATTENDED", denial.Related!.Type);
        Assert.Equal("person:dmitry-peskov > source:le-monde", denial.Chain);
        Assert.True(denial.InDraft);
        Assert.Contains("a démenti", denial.Words);

        var redated = result.Facts.Where(f => f is { Kind: "meeting", Type: "ATTENDED" }).ToList();
        Assert.Equal(2, redated.Count);
        Assert.All(redated, f =>
        {
            Assert.Equal(Classifications.Contradicts, f.Classification);
            Assert.Equal(("2025-11-02", "2025-11-04"), (f.StartDate, f.EndDate));
            Assert.Equal(("Fact", "meeting:miami-talks-2025-10", "startDate", "2025-10-24"), (f.Related!.Type, f.Related.From, f.Related.To, f.Related.Value));
            Assert.False(f.InDraft); // the curator settles it; the draft does not overwrite the stored attendance
        });
        Assert.Contains("contradicts (person:steve-witkoff)-[:ATTENDED]->(meeting:miami-talks-2025-10)", result.Draft);
    }

    [Fact]
    public async Task Ingest_Should_ReturnCandidatesWithReasons_When_NamesAreAmbiguous()
    {
        await using var graph = await TestGraph.CreateAsync(new Dictionary<string, string> { ["2025-12-01-smiths.json"] = Smiths });
        var text = Repo.Fixture("en-ambiguous-names.txt");
        var result = await graph.IngestAsync(text, "Reuters", "2025-11-26", "en");

        AssertOffsets(text, result);
        Assert.Equal(
            [("Washington", null, "ambiguous"), ("Moscow", null, "ambiguous"), ("Kiev", null, "ambiguous"), ("Smith", null, "ambiguous"),
             ("Witkoff", "person:steve-witkoff", "alias"), ("Kyiv", "place:kyiv", "locative"), ("Smith", null, "ambiguous"), ("the Kremlin", "org:kremlin", "alias")],
            Mentions(result));
        var kiev = result.Mentions.Single(m => m.Text == "Kiev");
        Assert.Equal(["country:ukraine", "org:ukrainian-government", "place:kyiv"], kiev.Candidates.Select(c => c.Key).Order().ToArray());
        Assert.Contains("Ukraine (Country) or Government of Ukraine (Organization)", kiev.Reason);
        var smith = result.Mentions.First(m => m.Text == "Smith");
        Assert.Equal(["person:jane-smith", "person:john-smith"], smith.Candidates.Select(c => c.Key).Order().ToArray());
        Assert.Equal("2 people are called 'Smith': Jane Smith, John Smith", smith.Reason);
        Assert.Equal(["country:russia", "org:kremlin", "place:moscow"], result.Mentions.Single(m => m.Text == "Moscow").Candidates.Select(c => c.Key).Order().ToArray());
        // Nothing is guessed: "Smith met Witkoff" names one linked person only, so no meeting is proposed.
        Assert.Empty(result.Facts);
        Assert.DoesNotContain("person:john-smith", result.Draft);
    }

    [Fact]
    public async Task Ingest_Should_LinkASurname_When_TheFullNameCameEarlier()
    {
        await using var graph = await TestGraph.CreateAsync(new Dictionary<string, string> { ["2025-12-01-smiths.json"] = Smiths });
        var result = await graph.IngestAsync("John Smith arrived in Miami. Later, Smith met Witkoff.", "Reuters", "2025-11-26", "en");
        var smith = result.Mentions.Last(m => m.Text == "Smith");
        Assert.Equal(("person:john-smith", "earlier-full-name"), (smith.Key, smith.Rule));
        Assert.Contains("Jane Smith", smith.Reason);
    }

    [Fact]
    public async Task Ingest_Should_ReadCapitalsAsTheirState_When_NoLocativePrecedesThem()
    {
        await using var graph = await TestGraph.CreateAsync();
        var result = await graph.IngestAsync("Doha et Ankara seraient impliqués dans la rédaction du plan. Le Qatar a reçu des émissaires à Doha.", "Le Monde", "2025-11-25", "fr");
        var doha = result.Mentions.Where(m => m.Text == "Doha").ToList();
        Assert.Equal(("country:qatar", "metonym"), (doha[0].Key, doha[0].Rule));
        Assert.Equal(("place:doha", "locative"), (doha[1].Key, doha[1].Rule));
        Assert.Equal(("country:turkey", "metonym"), result.Mentions.Where(m => m.Text == "Ankara").Select(m => (m.Key, m.Rule)).Single());
    }

    [Fact]
    public async Task Ingest_Should_ReadAReportChain_When_OutletsCiteEachOther()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = "Il Giornale, citing Axios, citing US officials, said the Trump administration is drafting the 28-point plan with Russia.";
        var result = await graph.IngestAsync(text, "Mena News", "2025-11-19", "en");
        var report = Assert.Single(result.Reports);
        Assert.Equal("unnamed:source:axios > source:axios > source:il-giornale > source:mena-news", report.Report.Chain);
        Assert.Equal("Il Giornale, citing Axios, citing US officials", report.Report.Words);
        var us = Assert.Single(result.Facts, f => f.From == "org:us-government");
        Assert.Equal((Classifications.Repeats, "proposal:28-point-plan"), (us.Classification, us.To));
    }

    [Fact]
    public async Task Ingest_Should_ReturnTheSameDraft_When_RunTwice()
    {
        await using var graph = await TestGraph.CreateAsync();
        var text = Repo.Fixture("en-corroborates-miami.txt");
        var first = await graph.IngestAsync(text, "The Guardian", "2025-11-21", "en");
        var second = await graph.IngestAsync(text, "The Guardian", "2025-11-21", "en");
        Assert.Equal(first.Draft, second.Draft);
    }
}
