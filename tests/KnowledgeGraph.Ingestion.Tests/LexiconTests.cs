using System.Text.Json.Nodes;
using KnowledgeGraph.Ingestion.Lexicon;

namespace KnowledgeGraph.Ingestion.Tests;

/// <summary>seeds/lexicon validates, and its schema describes what the loader enforces.</summary>
public sealed class LexiconTests
{
    [Fact]
    public void Lexicon_Should_Validate_When_LoadedFromSeeds()
    {
        var (lexicon, errors) = LexiconLoader.TryLoad(Repo.Lexicon);
        Assert.Empty(errors);
        Assert.Equal(["en", "fr", "it"], lexicon.Languages.Keys.Order().ToArray());
        Assert.All(lexicon.Languages.Values, l => Assert.Equal(12, l["months"].Count));
        Assert.Contains(lexicon.Aliases, a => a.Entity == "country:russia" && a.Names.Contains("Mosca") && a.Metonym);
        Assert.Contains("selon", lexicon.Words("fr", "reportMarkers"));
        Assert.Contains("according to", lexicon.Words("en", "reportMarkers"));
        Assert.Contains("secondo", lexicon.Words("it", "reportMarkers"));
        Assert.Contains("citando", lexicon.Words("it", "citingMarkers"));
    }

    [Fact]
    public void Schema_Should_RequireEveryList_When_ComparedWithTheLoader()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Lexicon, "lexicon.schema.json")))!;
        var language = schema["oneOf"]![1]!;
        var required = language["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order().ToArray();
        Assert.Equal(LanguageLexicon.Lists.Keys.Append("language").Order().ToArray(), required);
    }

    [Fact]
    public void Lexicon_Should_ReportFileAndPath_When_AFileIsMalformed()
    {
        var dir = Directory.CreateTempSubdirectory("kg-lexicon-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "fr.json"), """{"language": "it", "months": ["janvier"], "titles": [3], "colours": []}""");
            File.WriteAllText(Path.Combine(dir, "aliases.json"), """{"aliases": [{"entity": "russia", "names": ["Mosca"], "metonym": "yes"}]}""");
            var (_, errors) = LexiconLoader.TryLoad(dir);
            var text = string.Join("\n", errors);
            Assert.Contains("fr.json: $.language: expected \"fr\"", text);
            Assert.Contains("fr.json: $.months: expected the 12 month names, found 1", text);
            Assert.Contains("fr.json: $.titles[0]: expected a non-empty string", text);
            Assert.Contains("fr.json: $.colours: unknown member", text);
            Assert.Contains("fr.json: $: missing member 'reportMarkers'", text);
            Assert.Contains("aliases.json: $.aliases[0].entity: expected an entity key", text);
            Assert.Contains("aliases.json: $.aliases[0].metonym: expected true or false", text);
            Assert.Throws<LexiconException>(() => LexiconLoader.Load(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
