using Xunit.Abstractions;

namespace KnowledgeGraph.Ingestion.Tests;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-corroborates-miami.txt", "The Guardian", "2025-11-21", "en")]
    [InlineData("it-repeats-axios.txt", "Corriere della Sera", "2025-11-22", "it")]
    [InlineData("fr-contradicts-miami.txt", "Le Monde", "2025-11-25", "fr")]
    [InlineData("en-ambiguous-names.txt", "Reuters", "2025-11-26", "en")]
    public async Task Dump(string fixture, string source, string date, string language)
    {
        await using var graph = await TestGraph.CreateAsync(new Dictionary<string, string> { ["2025-12-01-smiths.json"] = Smiths });
        var result = await graph.IngestAsync(Repo.Fixture(fixture), source, date, language);
        Print(result);
    }

    private void Print(IngestionResult result)
    {
        foreach (var m in result.Mentions) output.WriteLine($"M {m.Offset} '{m.Text}' -> {m.Key ?? "?"} [{m.Rule}] {(m.Key is null ? string.Join(",", m.Candidates.Select(c => c.Key)) + " :: " + m.Reason : "")}");
        foreach (var c in result.Candidates) output.WriteLine($"C {c.Kind} '{c.Text}' {c.ProposedLabel} {c.ProposedKey} person={c.Person} :: {c.Evidence}");
        foreach (var f in result.Facts) output.WriteLine($"F {f.Kind} ({f.From})-[:{f.Type}]->({f.To}) {f.Classification} {f.IndependentSourcesBefore}->{f.IndependentSourcesAfter} chain={f.Chain} conf={f.Confidence} draft={f.InDraft} dates={f.StartDate}..{f.EndDate} :: {f.Reason} | words={string.Join("/", f.Words)}");
        foreach (var r in result.Reports) output.WriteLine($"R {r.Report.Chain} '{r.Report.Words}' {r.Classification}");
        foreach (var e in result.DraftErrors) output.WriteLine("E " + e);
        output.WriteLine(result.Draft);
    }

    [Fact]
    public async Task DumpArticle()
    {
        await using var graph = await TestGraph.CreateAsync(new Dictionary<string, string> { ["a.json"] = TestGraph.CountriesAndPeopleSeed() }, withArticleSeed: false);
        var result = await graph.IngestAsync(File.ReadAllText(Repo.ArticlePath!), "Mena News", "2025-11-19", "fr");
        Print(result);
    }

    internal const string Smiths = """
        {"format": 2, "entities": [
          {"label": "Person", "key": "person:john-smith", "name": "John Smith", "aliases": ["Smith"]},
          {"label": "Person", "key": "person:jane-smith", "name": "Jane Smith", "aliases": ["Smith"]}
        ]}
        """;
}
