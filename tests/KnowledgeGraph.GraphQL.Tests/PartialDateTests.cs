using KnowledgeGraph.Cypher;
using KnowledgeGraph.Driver;
using KnowledgeGraph.GraphQL.Compilation;

namespace KnowledgeGraph.GraphQL.Tests;

/// <summary>Partial dates are intervals: filters match by overlap, in C# and in the Cypher the filters compile to.</summary>
public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2025-11", "gte", "2025-11-01", true)]  // the journalist's query: a meeting stored as "2025-11"
    [InlineData("2025-11", "gte", "2025-11-30", true)]
    [InlineData("2025-11", "gte", "2025-12-01", false)]
    [InlineData("2025-11", "gt", "2025-11-29", true)]
    [InlineData("2025-11", "gt", "2025-11", false)]
    [InlineData("2025-11", "lte", "2025-11-01", true)]
    [InlineData("2025-11", "lte", "2025-10-31", false)]
    [InlineData("2025-11", "lt", "2025-11-02", true)]
    [InlineData("2025-11", "lt", "2025-11-01", false)]
    [InlineData("2025-11", "eq", "2025-11-19", true)]
    [InlineData("2025-11", "eq", "2025", true)]
    [InlineData("2025-11", "eq", "2025-10", false)]
    [InlineData("2025-11", "neq", "2025-10", true)]
    [InlineData("2025", "eq", "2025-02-28", true)]
    [InlineData("2025", "gte", "2026", false)]
    [InlineData("2025-10-24", "eq", "2025-10", true)]
    [InlineData("2025-10-24", "eq", "2025-10-25", false)]
    [InlineData("2025-10-24", "gte", "2025-10", true)]
    [InlineData("2025-10-24", "lt", "2025-10", false)]
    public void Matches_Should_CompareIntervalsByOverlap(string stored, string op, string value, bool expected)
    {
        Assert.Equal(expected, PartialDate.Matches(stored, op, PartialDate.Parse(value)!));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("25-11")]
    [InlineData("2025-11-1")]
    [InlineData("November 2025")]
    public void Parse_Should_RefuseWhatIsNotAPartialDate(string text) => Assert.Null(PartialDate.Parse(text));

    [Fact]
    public async Task CypherCondition_Should_AgreeWithTheCSharpRule_OnTheEmbeddedEngine()
    {
        string[] stored = ["2025", "2025-10", "2025-11", "2025-12", "2025-10-24", "2025-11-01", "2025-11-30", "2026-01"];
        string[] values = ["2025", "2025-11", "2025-11-01", "2025-11-19", "2025-11-30", "2025-10-31", "2026"];
        string[] ops = ["eq", "neq", "gt", "gte", "lt", "lte"];
        await using var db = GraphDatabase.CreateInMemory();
        foreach (var op in ops)
            foreach (var v in values)
            {
                var date = PartialDate.Parse(v)!;
                var query = "UNWIND $stored AS d WITH d WHERE " + PartialDate.CypherCondition("d", op, "$start", "$end") + " RETURN collect(d) AS hits";
                var result = await db.ExecuteQueryAsync(query, new Dictionary<string, object?> { ["stored"] = stored.ToList(), ["start"] = date.Start, ["end"] = date.End });
                var hits = ((System.Collections.IEnumerable)result.Records[0]["hits"]!).Cast<string>().ToList();
                Assert.Equal(stored.Where(s => PartialDate.Matches(s, op, date)).ToList(), hits);
            }
    }

    [Theory]
    [InlineData("2025-10-24", "2025-10-26", "24–26 Oct 2025")]
    [InlineData("2025-10-30", "2025-11-02", "30 Oct – 2 Nov 2025")]
    [InlineData("2025-08", null, "Aug 2025")]
    [InlineData("2025", null, "2025")]
    public void DateRange_Should_ReadAsPlainText(string start, string? end, string expected) =>
        Assert.Equal(expected, PathExplainer.DateRange(start, end));
}
