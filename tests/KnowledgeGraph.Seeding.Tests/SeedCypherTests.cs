using KnowledgeGraph.Cypher;
using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;

namespace KnowledgeGraph.Seeding.Tests;

public class SeedCypherTests
{
    private static string SeedCypherPath => Path.Combine(RepoPaths.Cypher, "seed.cypher");

    [Fact]
    public void SeedCypher_Should_BeUpToDate()
    {
        var generated = SeedCypherGenerator.Generate(RepoPaths.Seeds);
        if (Environment.GetEnvironmentVariable("KG_UPDATE_SEED_CYPHER") == "1")
            File.WriteAllText(SeedCypherPath, generated);

        var committed = File.Exists(SeedCypherPath) ? File.ReadAllText(SeedCypherPath).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated.ReplaceLineEndings("\n"),
            "cypher/seed.cypher is out of date with seeds/. Regenerate it with: "
            + "KG_UPDATE_SEED_CYPHER=1 dotnet test tests/KnowledgeGraph.Seeding.Tests --filter SeedCypher_Should_BeUpToDate");
    }

    [Fact]
    public async Task SeedCypher_Should_BuildTheSameGraphAsTheLoader_AndBeIdempotent()
    {
        await using var loaded = await SeededDatabaseAsync();
        await using var pasted = GraphDatabase.CreateInMemory();
        var script = SchemaScript.Split(SchemaScript.Text).Concat(SchemaScript.Split(SeedCypherGenerator.Generate(RepoPaths.Seeds))).ToList();

        foreach (var statement in script) await pasted.ExecuteQueryAsync(statement);
        var once = await CountsPerLabelAsync(pasted);
        foreach (var statement in script) await pasted.ExecuteQueryAsync(statement);

        Assert.Equal(await CountsPerLabelAsync(loaded), once);
        Assert.Equal(once, await CountsPerLabelAsync(pasted));
        const string fingerprint = """
            MATCH (a)-[r]->(b)
            WITH a.key + ' ' + type(r) + ' ' + b.key + ' ' + r.confidence + ' ' + coalesce(r.date, '-') + ' ' + reduce(s = '', x IN r.sources | s + x + ',') AS line
            ORDER BY line
            RETURN collect(line) AS lines
            """;
        Assert.Equal(
            Strings((await loaded.ExecuteQueryAsync(fingerprint)).Records[0]["lines"]),
            Strings((await pasted.ExecuteQueryAsync(fingerprint)).Records[0]["lines"]));
    }

    [Theory]
    [InlineData("Kyiv", "'Kyiv'")]
    [InlineData("d'Alaska", @"'d\'Alaska'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("two\nlines", @"'two\nlines'")]
    [InlineData("Київ", "'Київ'")]
    public void Literal_Should_EscapeStrings(string value, string expected) =>
        Assert.Equal(expected, SeedCypherGenerator.Literal(value));

    [Fact]
    public void Literal_Should_RenderIntegersAndLists() =>
        Assert.Equal("[28, 'a', []]", SeedCypherGenerator.Literal(new List<object?> { 28L, "a", new List<object?>() }));
}

public class SchemaScriptTests
{
    [Fact]
    public void Split_Should_IgnoreSemicolonsInStringsAndComments()
    {
        var statements = SchemaScript.Split("""
            // a comment; with a semicolon
            RETURN 'a;b' AS x;
            /* block; comment */ RETURN "c;d" AS `y;z`;

            RETURN 1 // trailing; comment
            """);

        Assert.Equal(["RETURN 'a;b' AS x", "RETURN \"c;d\" AS `y;z`", "RETURN 1"], statements);
    }

    [Fact]
    public void Schema_Should_HaveAKeyConstraintForEveryLabel()
    {
        var statements = SchemaScript.Statements;

        foreach (var label in KnowledgeGraph.Model.KnowledgeModel.Labels)
            Assert.Contains($"IF NOT EXISTS FOR (n:{label.Name}) REQUIRE n.key IS UNIQUE", string.Join("\n", statements), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Cypher, "schema.cypher")), SchemaScript.Text);
    }

    [Fact]
    public async Task Schema_Should_HaveAFulltextSearchIndexOverEveryEntityLabel()
    {
        await using var db = GraphDatabase.CreateInMemory();
        foreach (var s in SchemaScript.Statements) await db.ExecuteQueryAsync(s);
        var index = Assert.Single((await db.ExecuteQueryAsync("SHOW FULLTEXT INDEXES")).Records);
        Assert.Equal("entity_search", index["name"]);
        var expected = KnowledgeGraph.Model.KnowledgeModel.Labels.Where(l => !l.Structural).Select(l => (object?)l.Name).Order().ToList();
        Assert.Equal(expected, ((IEnumerable<object?>)index["labelsOrTypes"]!).Order().ToList());
        Assert.Equal(new List<object?> { "name", "aliases" }, index["properties"]);
    }

    [Fact]
    public async Task Schema_Should_BeIdempotent_OnTheEmbeddedEngine()
    {
        await using var db = GraphDatabase.CreateInMemory();

        foreach (var s in SchemaScript.Statements) await db.ExecuteQueryAsync(s);
        foreach (var s in SchemaScript.Statements) await db.ExecuteQueryAsync(s);

        var constraints = await db.ExecuteQueryAsync("SHOW CONSTRAINTS");
        Assert.Equal(KnowledgeGraph.Model.KnowledgeModel.Labels.Count, constraints.Records.Count);
    }
}
