using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedFileParserTests
{
    private static readonly Dictionary<string, string> NoKnownKeys = new(StringComparer.Ordinal);

    private const string Minimal = """
        {
          "documents": [
            { "key": "document:d1", "name": "Doc", "publishedDate": "2025-11-19", "language": "en",
              "publishedBy": "source:s1", "mentions": ["country:a"] }
          ],
          "entities": [
            { "label": "Source", "key": "source:s1", "name": "S1", "aliases": ["Ess"] },
            { "label": "Country", "key": "country:a", "name": "A", "aliases": ["Ay"], "props": { "isoCode": "AA" } },
            { "label": "Person", "key": "person:p", "name": "P" }
          ],
          "relations": [
            { "type": "CITIZEN_OF", "from": "person:p", "to": "country:a", "sources": ["source:s1"], "confidence": "reported", "date": "2025-08" }
          ],
          "claims": [
            { "key": "claim:c", "name": "C", "text": "P says something.", "stance": "asserts", "confidence": "claimed",
              "statedBy": ["person:p"], "reportedBy": ["source:s1"], "about": ["country:a"] }
          ]
        }
        """;

    private static SeedFile Parse(string json) => SeedFileParser.Parse("seeds/test.json", json, NoKnownKeys);

    [Fact]
    public void Parse_Should_ExpandDocumentsAndClaims_When_FileIsValid()
    {
        var file = Parse(Minimal);

        Assert.True(file.IsValid, string.Join("\n", file.Errors));
        Assert.Equal(["document:d1", "source:s1", "country:a", "person:p", "claim:c"], file.Nodes.Select(n => n.Key));
        Assert.Equal(
            ["PUBLISHED", "MENTIONS", "CITIZEN_OF", "REPORTED_BY", "STATED", "ABOUT"],
            file.Relationships.Select(r => r.Type));
        var stated = file.Relationships.Single(r => r.Type == "STATED");
        Assert.Equal(("person:p", "Person", "claim:c", "Claim"), (stated.FromKey, stated.FromLabel, stated.ToKey, stated.ToLabel));
        Assert.Equal(["source:s1"], stated.Sources);
        Assert.Equal("claimed", stated.Properties["confidence"]);
        var country = file.Nodes.Single(n => n.Key == "country:a");
        Assert.Equal(["Ay"], country.Aliases);
        Assert.Equal("AA", country.Properties["isoCode"]);
        Assert.Equal("2025-08", file.Relationships.Single(r => r.Type == "CITIZEN_OF").Properties["date"]);
    }

    [Theory]
    [InlineData("\"label\": \"Country\", \"key\": \"country:a\"", "\"label\": \"Nation\", \"key\": \"country:a\"", "$.entities[1].label", "unknown label 'Nation'")]
    [InlineData("\"key\": \"person:p\"", "\"key\": \"person:P Q\"", "$.entities[2].key", "invalid key 'person:P Q'")]
    [InlineData("\"to\": \"country:a\"", "\"to\": \"country:zz\"", "$.relations[0].to", "unknown key 'country:zz'")]
    [InlineData("\"to\": \"country:a\"", "\"to\": \"person:p\"", "$.relations[0].to", "'person:p' is a Person; expected Country")]
    [InlineData("\"confidence\": \"reported\"", "\"confidence\": \"likely\"", "$.relations[0].confidence", "invalid value 'likely'")]
    [InlineData("\"date\": \"2025-08\"", "\"date\": \"2025-13\"", "$.relations[0].date", "invalid date '2025-13'")]
    [InlineData("\"type\": \"CITIZEN_OF\"", "\"type\": \"CITIZEN_OF\", \"weight\": 3", "$.relations[0].weight", "unknown member 'weight'")]
    [InlineData("\"sources\": [\"source:s1\"], \"confidence\": \"reported\"", "\"sources\": [], \"confidence\": \"reported\"", "$.relations[0].sources", "expected at least one key")]
    [InlineData("\"sources\": [\"source:s1\"], \"confidence\": \"reported\"", "\"sources\": [\"country:a\"], \"confidence\": \"reported\"", "$.relations[0].sources[0]", "expected Source")]
    [InlineData("\"isoCode\": \"AA\"", "\"isoCode\": 12", "$.entities[1].props.isoCode", "expected a string, found a number")]
    [InlineData("\"stance\": \"asserts\"", "\"stance\": \"shouts\"", "$.claims[0].stance", "invalid value 'shouts'")]
    [InlineData("\"label\": \"Person\", \"key\": \"person:p\"", "\"label\": \"Country\", \"key\": \"country:a\"", "$.entities[2].key", "duplicate key 'country:a'")]
    [InlineData("\"publishedBy\": \"source:s1\",", "", "$.documents[0]", "missing required member 'publishedBy'")]
    [InlineData("\"type\": \"CITIZEN_OF\", \"from\": \"person:p\", \"to\": \"country:a\"", "\"type\": \"CITIZEN_OF\", \"from\": \"country:a\", \"to\": \"country:a\"", "$.relations[0].from", "'country:a' is a Country; expected Person")]
    public void Parse_Should_NameFileAndPathAndLoadNothing_When_FileIsMalformed(string find, string replace, string expectedPath, string expectedMessage)
    {
        Assert.Contains(find, Minimal, StringComparison.Ordinal);
        var file = Parse(Minimal.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(file.IsValid);
        Assert.Empty(file.Nodes);
        Assert.Empty(file.Relationships);
        var error = Assert.Single(file.Errors, e => e.JsonPath == expectedPath);
        Assert.Equal("seeds/test.json", error.File);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"seeds/test.json: {expectedPath}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Should_ReportLineAndColumn_When_JsonIsInvalid()
    {
        var file = Parse("{\n  \"entities\": [\n    { \"label\": \"Country\", }\n  ]\n}");

        var error = Assert.Single(file.Errors);
        Assert.Equal("$", error.JsonPath);
        Assert.Contains("invalid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Should_RejectStanceOnWithoutStance()
    {
        var json = Minimal.Replace(
            "\"relations\": [",
            "\"relations\": [ { \"type\": \"STANCE_ON\", \"from\": \"person:p\", \"to\": \"country:a\", \"sources\": [\"source:s1\"], \"confidence\": \"reported\" },",
            StringComparison.Ordinal);

        var file = Parse(json);

        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[0].to" && e.Message.Contains("expected Proposal or Topic", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[0]" && e.Message == "missing required property 'stance'");
    }

    [Fact]
    public void Parse_Should_ResolveKeysFromEarlierFiles_And_RejectLabelChanges()
    {
        var earlier = new Dictionary<string, string>(StringComparer.Ordinal) { ["country:b"] = "Country", ["person:p"] = "Country" };
        var json = Minimal.Replace("\"to\": \"country:a\"", "\"to\": \"country:b\"", StringComparison.Ordinal);

        var file = SeedFileParser.Parse("seeds/later.json", json, earlier);

        Assert.False(file.IsValid);
        Assert.Contains(file.Errors, e => e.JsonPath == "$.entities[2].key" && e.Message.Contains("declared as Country in an earlier file", StringComparison.Ordinal));
        Assert.DoesNotContain(file.Errors, e => e.Message.Contains("country:b", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Should_RejectDuplicateRelationship()
    {
        var relation = "{ \"type\": \"CITIZEN_OF\", \"from\": \"person:p\", \"to\": \"country:a\", \"sources\": [\"source:s1\"], \"confidence\": \"reported\" }";
        var json = Minimal.Replace("\"relations\": [", $"\"relations\": [ {relation},", StringComparison.Ordinal);

        var file = Parse(json);

        var error = Assert.Single(file.Errors);
        Assert.Equal("$.relations[1]", error.JsonPath);
        Assert.Contains("duplicate relationship (person:p)-[:CITIZEN_OF]->(country:a)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025", true)]
    [InlineData("2025-08", true)]
    [InlineData("2025-10-24", true)]
    [InlineData("2025-02-30", false)]
    [InlineData("25-10-24", false)]
    [InlineData("2025-8", false)]
    [InlineData("2025-10-24T10:00", false)]
    public void IsPartialDate_Should_AcceptOnlyIsoDatesOfYearMonthOrDayPrecision(string value, bool expected) =>
        Assert.Equal(expected, SeedFileParser.IsPartialDate(value));
}
