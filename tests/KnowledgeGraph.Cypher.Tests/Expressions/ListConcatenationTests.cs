using KnowledgeGraph.Driver;

namespace KnowledgeGraph.Cypher.Tests.Expressions;

/// <summary>List concatenation (sized once from both sides): lists, lazy ranges, stored lists and single values on
/// either side, in order, with nulls kept inside and a null side giving null.</summary>
public sealed class ListConcatenationTests
{
    [Fact]
    public async Task Concatenation_Should_KeepBothSidesInOrder_When_EitherSideIsARangeAStoredListOrAValue()
    {
        await using var db = GraphDatabase.CreateInMemory();
        await db.Q("CREATE (:N {xs: [5, 6]})");
        var r = await db.Q("""
            MATCH (n:N)
            RETURN range(1, 3) + range(4, 5) AS a, [0, null] + range(1, 2) AS b, range(1, 2) + 3 AS c, 0 + range(1, 2) AS d,
                   n.xs + [7] AS e, [4] + n.xs AS f, n.xs + n.xs AS g, [] + [] AS h, null + [1] AS i, [1] + null AS j,
                   reduce(o = [], x IN range(1, 4) | o + [x] + x) AS k
            """, mode: AccessMode.Read);
        var row = r.Records.Single();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], (IEnumerable<object?>)row["a"]!);
        Assert.Equal([0L, null, 1L, 2L], (IEnumerable<object?>)row["b"]!);
        Assert.Equal([1L, 2L, 3L], (IEnumerable<object?>)row["c"]!);
        Assert.Equal([0L, 1L, 2L], (IEnumerable<object?>)row["d"]!);
        Assert.Equal([5L, 6L, 7L], (IEnumerable<object?>)row["e"]!);
        Assert.Equal([4L, 5L, 6L], (IEnumerable<object?>)row["f"]!);
        Assert.Equal([5L, 6L, 5L, 6L], (IEnumerable<object?>)row["g"]!);
        Assert.Empty((IEnumerable<object?>)row["h"]!);
        Assert.Null(row["i"]);
        Assert.Null(row["j"]);
        Assert.Equal([1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L], (IEnumerable<object?>)row["k"]!);
    }
}
