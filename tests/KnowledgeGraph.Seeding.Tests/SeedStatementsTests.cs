using KnowledgeGraph.Seeding.Seeds;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedStatementsTests
{
    [Fact]
    public void For_Should_PutValuesInParametersOnly()
    {
        var node = new SeedNode("Person", "person:x", ["X'; DROP"], new Dictionary<string, object?> { ["name"] = "}) DETACH DELETE n //" });
        var file = new SeedFile("seeds/x.json", [node], [], []);

        var (query, parameters) = Assert.Single(SeedStatements.For(file));

        Assert.DoesNotContain("DETACH", query, StringComparison.Ordinal);
        Assert.DoesNotContain("person:x", query, StringComparison.Ordinal);
        Assert.Contains("MERGE (n:Person {key: row.key})", query, StringComparison.Ordinal);
        var row = Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(parameters["rows"])));
        Assert.Equal("person:x", row["key"]);
    }

    [Fact]
    public void For_Should_RefuseLabelsAndTypesOutsideTheModel()
    {
        var badLabel = new SeedFile("seeds/x.json", [new SeedNode("Person`) DETACH DELETE n //", "person:x", [], new Dictionary<string, object?>())], [], []);
        var badType = new SeedFile("seeds/x.json", [],
            [new SeedRelationship("KNOWS]->() DELETE a //", "person:a", "Person", "person:b", "Person", new Dictionary<string, object?>(), ["source:s"])], []);

        Assert.Throws<InvalidOperationException>(() => SeedStatements.For(badLabel));
        Assert.Throws<InvalidOperationException>(() => SeedStatements.For(badType));
    }

    [Fact]
    public async Task SeedSet_Should_RejectReferencesToKeysOfAnInvalidEarlierFile()
    {
        using var dir = new TempSeedDirectory();
        dir.Write("1-bad.json", """{ "format": 2, "entities": [ { "label": "Country", "key": "country:a", "name": "A", "props": { "isoCode": 1 } } ] }""");
        dir.Write("2-good.json", """
            { "format": 2, "entities": [ { "label": "Source", "key": "source:reference", "name": "S" } ],
              "relations": [ { "type": "LOCATED_IN", "from": "source:reference", "to": "country:a", "tier": "background" } ] }
            """);

        var set = await SeedSet.LoadAsync(dir.Path);

        Assert.Equal(["seeds/1-bad.json: $.entities[0].props.isoCode: expected a string, found a number",
                      "seeds/2-good.json: $.relations[0].to: unknown key 'country:a' (not declared in this file or an earlier one)"],
            set.Errors.Select(e => e.ToString()));
        Assert.Throws<SeedValidationException>(() => SeedCypherGenerator.Generate(dir.Path));
    }
}
