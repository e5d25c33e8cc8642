namespace KnowledgeGraph.Cypher.Tests.Functions;

/// <summary><c>rand()</c>: its generator is made on the statement's first call (statements without it make none).</summary>
public sealed class RandTests
{
    [Fact]
    public async Task Rand_Should_ReturnDistinctValuesInTheUnitInterval_When_CalledPerRow()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var values = (await db.Q("UNWIND range(1, 200) AS i RETURN rand() AS r")).Column("r").Cast<double>().ToList();
        Assert.Equal(200, values.Count);
        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999999999999));
        // 200 draws of a double: equal values would mean the generator is re-seeded, not advanced, per call.
        Assert.True(values.Distinct().Count() > 190, $"only {values.Distinct().Count()} distinct values");
    }

    [Fact]
    public async Task Rand_Should_DifferBetweenStatements_When_EachStatementMakesItsOwnGenerator()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var draws = new List<double>();
        for (var i = 0; i < 20; i++) draws.Add((double)(await db.Q("RETURN rand() AS r")).Records[0]["r"]!);
        Assert.True(draws.Distinct().Count() > 15, string.Join(", ", draws));
    }
}
