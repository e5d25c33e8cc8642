using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedFileParserTests
{
    private const string Minimal = """
        {
          "format": 2,
          "document": "document:d1",
          "documents": [
            { "key": "document:d1", "name": "Doc", "publishedDate": "2025-11-19", "language": "en",
              "publishedBy": "source:s1", "mentions": ["country:a"] }
          ],
          "entities": [
            { "label": "Source", "key": "source:s1", "name": "S1", "aliases": ["Ess"] },
            { "label": "Country", "key": "country:a", "name": "A", "aliases": ["Ay"], "props": { "isoCode": "AA" } },
            { "label": "Person", "key": "person:p", "name": "P" },
            { "label": "Source", "key": "source:reference", "name": "Reference", "props": { "sourceType": "reference" } },
            { "label": "Meeting", "key": "meeting:m", "name": "M", "props": { "startDate": "2025-10-24", "durationDays": 3 } }
          ],
          "relations": [
            { "type": "CITIZEN_OF", "from": "person:p", "to": "country:a", "confidence": "reported", "date": "2025-08",
              "reports": [ { "origin": "unnamed:source:s1", "via": ["source:s1"] }, { "origin": "person:p", "via": ["source:s1"]} ],
              "quote": { "text": "P est de A", "offset": 7 }, "supportedBy": ["claim:c"] },
            { "type": "CAPITAL_OF", "from": "place:x", "to": "country:a", "tier": "background" },
            { "type": "CONTRADICTS", "from": "claim:d", "to": "claim:c", "confidence": "confirmed",
              "reports": [ { "origin": "source:s1" } ], "quote": { "text": "malgré", "offset": 0 } }
          ],
          "claims": [
            { "key": "claim:c", "name": "C", "text": "P says something.", "stance": "asserts", "confidence": "claimed",
              "reports": [ { "origin": "person:p", "via": ["source:s1"] } ], "quote": { "text": "selon P", "offset": 12 },
              "statedBy": ["person:p"], "about": ["country:a"] },
            { "key": "claim:d", "name": "D", "text": "A denies it.", "stance": "denies", "confidence": "claimed",
              "reports": [ { "origin": "country:a", "via": ["source:s1"] } ], "quote": { "text": "démenti", "offset": 40 },
              "statedBy": ["country:a"], "about": ["claim:c"] }
          ],
          "facts": [
            { "entity": "meeting:m", "property": "durationDays", "confidence": "claimed",
              "reports": [ { "origin": "person:p", "via": ["source:s1"] } ], "quote": { "text": "trois jours", "offset": 30 } }
          ]
        }
        """;

    private static SeedFile Parse(string json) => SeedFileParser.Parse("seeds/test.json", json, PlaceX);

    private static readonly Dictionary<string, string> PlaceX = new(StringComparer.Ordinal) { ["place:x"] = "Place" };

    [Fact]
    public void Parse_Should_DeriveChainsOriginsAndIndependentSources_FromReports()
    {
        var file = Parse(Minimal);

        Assert.True(file.IsValid, string.Join("\n", file.Errors));
        var citizen = file.Relationships.Single(r => r.Type == "CITIZEN_OF");
        Assert.Equal(["unnamed:source:s1 > source:s1", "person:p > source:s1"], citizen.Chains);
        Assert.Equal(new object?[] { "person:p", "unnamed:source:s1" }, (List<object?>)citizen.Properties["origins"]!);
        Assert.Equal(2L, citizen.Properties["independentSources"]);
        Assert.Equal(new object?[] { "source:s1" }, (List<object?>)citizen.Properties["sources"]!);
        Assert.Equal(("reported", "reported", "document:d1", "P est de A", 7L),
            (citizen.Properties["tier"], citizen.Properties["confidence"], citizen.Properties["document"], citizen.Properties["quote"], citizen.Properties["quoteOffset"]));
        Assert.Equal(new object?[] { "claim:c" }, (List<object?>)citizen.Properties["supportedBy"]!);
        Assert.Equal("2025-08", citizen.Properties["date"]);
    }

    [Fact]
    public void Parse_Should_CiteReferenceOnly_When_FactIsBackground()
    {
        var capital = Parse(Minimal).Relationships.Single(r => r.Type == "CAPITAL_OF");

        Assert.Equal(["source:reference"], capital.Chains);
        Assert.Equal(("background", "confirmed", 1L), (capital.Properties["tier"], capital.Properties["confidence"], capital.Properties["independentSources"]));
        Assert.False(capital.Properties.ContainsKey("document"));
        Assert.False(capital.Properties.ContainsKey("quote"));
    }

    [Fact]
    public void Parse_Should_ExpandDocumentsClaimsAndFacts_When_FileIsValid()
    {
        var file = Parse(Minimal);

        Assert.True(file.IsValid, string.Join("\n", file.Errors));
        Assert.Equal(["document:d1", "source:s1", "country:a", "person:p", "source:reference", "meeting:m", "claim:c", "claim:d",
                      "fact:meeting:m:durationDays"], file.Nodes.Select(n => n.Key));
        Assert.Equal(
            ["PUBLISHED", "MENTIONS", "CITIZEN_OF", "CAPITAL_OF", "CONTRADICTS", "REPORTED_BY", "STATED", "ABOUT", "REPORTED_BY", "STATED", "ABOUT", "HAS_FACT"],
            file.Relationships.Select(r => r.Type));
        var stated = file.Relationships.First(r => r.Type == "STATED");
        Assert.Equal(("person:p", "Person", "claim:c", "Claim"), (stated.FromKey, stated.FromLabel, stated.ToKey, stated.ToLabel));
        Assert.Equal(["source:s1"], stated.Sources);
        Assert.Equal("claimed", stated.Properties["confidence"]);
        var claim = file.Nodes.Single(n => n.Key == "claim:c");
        Assert.Equal(["person:p > source:s1"], claim.Chains);
        Assert.Equal(new object?[] { "claim:d" }, (List<object?>)claim.Properties["contradictedBy"]!);
        Assert.Equal(new object?[] { "claim:c" }, (List<object?>)file.Nodes.Single(n => n.Key == "claim:d").Properties["contradictedBy"]!);
        var fact = file.Nodes.Single(n => n.Label == "Fact");
        Assert.Equal(("M: durationDays", "durationDays", "3", "claimed"),
            (fact.Properties["name"], fact.Properties["property"], fact.Properties["value"], fact.Properties["confidence"]));
        var hasFact = file.Relationships.Single(r => r.Type == "HAS_FACT");
        Assert.Equal(("meeting:m", "fact:meeting:m:durationDays"), (hasFact.FromKey, hasFact.ToKey));
        Assert.Empty(hasFact.Properties);
        var country = file.Nodes.Single(n => n.Key == "country:a");
        Assert.Equal(["Ay"], country.Aliases);
        Assert.Equal("AA", country.Properties["isoCode"]);
    }

    [Theory]
    [InlineData("\"label\": \"Country\", \"key\": \"country:a\"", "\"label\": \"Nation\", \"key\": \"country:a\"", "$.entities[1].label", "unknown label 'Nation'")]
    [InlineData("\"key\": \"person:p\"", "\"key\": \"person:P Q\"", "$.entities[2].key", "invalid key 'person:P Q'")]
    [InlineData("\"to\": \"country:a\", \"confidence\"", "\"to\": \"country:zz\", \"confidence\"", "$.relations[0].to", "unknown key 'country:zz'")]
    [InlineData("\"to\": \"country:a\", \"confidence\"", "\"to\": \"person:p\", \"confidence\"", "$.relations[0].to", "'person:p' is a Person; expected Country")]
    [InlineData("\"confidence\": \"reported\"", "\"confidence\": \"likely\"", "$.relations[0].confidence", "invalid value 'likely': expected one of confirmed, reported, claimed, rumoured, denied")]
    [InlineData("\"tier\": \"background\"", "\"tier\": \"folklore\"", "$.relations[1].tier", "invalid value 'folklore': expected one of reported, background")]
    [InlineData("\"date\": \"2025-08\"", "\"date\": \"2025-13\"", "$.relations[0].date", "invalid date '2025-13'")]
    [InlineData("\"type\": \"CITIZEN_OF\"", "\"type\": \"CITIZEN_OF\", \"weight\": 3", "$.relations[0].weight", "unknown member 'weight'")]
    [InlineData("\"type\": \"CITIZEN_OF\"", "\"type\": \"CITIZEN_OF\", \"sources\": [\"source:s1\"]", "$.relations[0].sources", "unknown member 'sources'")]
    [InlineData("\"via\": [\"source:s1\"]}", "\"via\": [\"country:a\"]}", "$.relations[0].reports[1].via[0]", "expected Source")]
    [InlineData("{ \"origin\": \"unnamed:source:s1\", \"via\": [\"source:s1\"] }", "{ \"origin\": \"unnamed:source:s1\", \"via\": [] }", "$.relations[0].reports[0].via", "'via' must start with it")]
    [InlineData("{ \"origin\": \"unnamed:source:s1\", \"via\": [\"source:s1\"] }", "{ \"origin\": \"unnamed:country:a\", \"via\": [\"source:s1\"] }", "$.relations[0].reports[0].origin", "after 'unnamed:' expected the key of the Source")]
    [InlineData("{ \"origin\": \"unnamed:source:s1\", \"via\": [\"source:s1\"] }", "{ \"origin\": \"meeting:m\", \"via\": [\"source:s1\"] }", "$.relations[0].reports[0].origin", "'meeting:m' is a Meeting; an origin is a Source, Person, Organization, Country")]
    [InlineData("{ \"origin\": \"unnamed:source:s1\", \"via\": [\"source:s1\"] }", "{ \"origin\": \"person:p\", \"via\": [\"source:s1\"] }", "$.relations[0].reports[1]", "duplicate report chain 'person:p > source:s1'")]
    [InlineData("\"quote\": { \"text\": \"P est de A\", \"offset\": 7 }", "\"quote\": { \"text\": \"P est de A\", \"offset\": -1 }", "$.relations[0].quote.offset", "expected a character offset")]
    [InlineData("\"quote\": { \"text\": \"P est de A\", \"offset\": 7 }, ", "", "$.relations[0]", "missing required member 'quote'")]
    [InlineData("\"tier\": \"background\"", "\"tier\": \"background\", \"quote\": { \"text\": \"x\", \"offset\": 0 }", "$.relations[1].quote", "a background fact cites source:reference only")]
    [InlineData("\"stance\": \"asserts\"", "\"stance\": \"shouts\"", "$.claims[0].stance", "invalid value 'shouts': expected one of asserts, denies, cautions, proposes")]
    [InlineData("\"isoCode\": \"AA\"", "\"isoCode\": 12", "$.entities[1].props.isoCode", "expected a string, found a number")]
    [InlineData("\"sourceType\": \"reference\"", "\"sourceType\": \"blog\"", "$.entities[3].props.sourceType", "invalid value 'blog'")]
    [InlineData("\"label\": \"Person\", \"key\": \"person:p\"", "\"label\": \"Country\", \"key\": \"country:a\"", "$.entities[2].key", "duplicate key 'country:a'")]
    [InlineData("\"publishedBy\": \"source:s1\",", "", "$.documents[0]", "missing required member 'publishedBy'")]
    [InlineData("\"property\": \"durationDays\"", "\"property\": \"endDate\"", "$.facts[0].property", "'meeting:m' has no property 'endDate' set in this file")]
    [InlineData("\"format\": 2", "\"format\": 1", "$.format", "unsupported seed format 1; expected 2")]
    [InlineData("\"type\": \"CITIZEN_OF\", \"from\": \"person:p\"", "\"type\": \"CITIZEN_OF\", \"from\": \"country:a\"", "$.relations[0].from", "'country:a' is a Country; expected Person")]
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
    public void Parse_Should_RejectReportedFacts_When_NoDocumentIsNamed()
    {
        var file = Parse(Minimal.Replace("\"document\": \"document:d1\",", "", StringComparison.Ordinal));

        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[0]" && e.Message.Contains("a reported fact needs a document", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Should_RejectBackgroundFacts_When_ReferenceSourceIsMissing()
    {
        var file = SeedFileParser.Parse("seeds/test.json", Minimal.Replace("\"key\": \"source:reference\"", "\"key\": \"source:other\"", StringComparison.Ordinal), PlaceX);

        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[1].tier" && e.Message.Contains("'source:reference', which is not declared", StringComparison.Ordinal));
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
            "\"relations\": [ { \"type\": \"STANCE_ON\", \"from\": \"person:p\", \"to\": \"country:a\", \"tier\": \"background\" },",
            StringComparison.Ordinal);

        var file = Parse(json);

        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[0].to" && e.Message.Contains("expected Proposal or Topic", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.JsonPath == "$.relations[0]" && e.Message == "missing required property 'stance'");
    }

    [Fact]
    public void Parse_Should_ResolveKeysFromEarlierFiles_And_RejectLabelChanges()
    {
        var earlier = new Dictionary<string, string>(StringComparer.Ordinal) { ["country:b"] = "Country", ["person:p"] = "Country", ["place:x"] = "Place" };
        var json = Minimal.Replace("\"to\": \"country:a\", \"confidence\"", "\"to\": \"country:b\", \"confidence\"", StringComparison.Ordinal);

        var file = SeedFileParser.Parse("seeds/later.json", json, earlier);

        Assert.False(file.IsValid);
        Assert.Contains(file.Errors, e => e.JsonPath == "$.entities[2].key" && e.Message.Contains("declared as Country in an earlier file", StringComparison.Ordinal));
        Assert.DoesNotContain(file.Errors, e => e.Message.Contains("country:b", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Should_RejectDuplicateRelationship()
    {
        var relation = "{ \"type\": \"CITIZEN_OF\", \"from\": \"person:p\", \"to\": \"country:a\", \"tier\": \"background\" }";
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
