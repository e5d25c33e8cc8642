using static KnowledgeGraph.Seeding.Tests.GraphTestHelpers;

namespace KnowledgeGraph.Seeding.Tests;

public class ReadmeProvenanceExampleTests
{
    [Fact]
    public async Task ReadmeProvenanceExample_Should_ShowTheMiamiDatesRestOnDmitriev()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### Provenance: who says so", StringComparison.Ordinal)..];
        var start = section.IndexOf("```cypher\n", StringComparison.Ordinal) + "```cypher\n".Length;
        var query = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        await using var db = await SeededDatabaseAsync();

        var rows = (await db.ExecuteQueryAsync(query)).Records;

        Assert.Equal([("endDate", "2025-10-26"), ("startDate", "2025-10-24")], rows.Select(r => ((string?)r["property"], (string?)r["value"])));
        Assert.All(rows, r =>
        {
            Assert.Equal("claimed", r["confidence"]);
            Assert.Equal(["person:kirill-dmitriev"], Strings(r["origins"]));
            Assert.Equal(["person:kirill-dmitriev > source:il-giornale > source:mena-news"], Strings(r["chains"]));
        });
    }
}
