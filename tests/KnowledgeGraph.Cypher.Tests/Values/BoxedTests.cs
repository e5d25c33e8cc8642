namespace KnowledgeGraph.Cypher.Tests.Values;

/// <summary>Shared boxes for booleans and small integers must hold the value asked for, inside and outside the
/// shared range, and integer arithmetic in Cypher must be unaffected by which box a result comes in.</summary>
public sealed class BoxedTests
{
    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-129L)]
    [InlineData(-128L)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1023L)]
    [InlineData(1024L)]
    [InlineData(4095L)]
    [InlineData(4096L)]
    [InlineData(long.MaxValue)]
    public void Of_Should_BoxTheSameValue_When_InsideOrOutsideTheSharedRange(long value)
    {
        var box = KnowledgeGraph.Cypher.Values.Boxed.Of(value);
        Assert.IsType<long>(box);
        Assert.Equal(value, (long)box);
    }

    [Fact]
    public void Of_Should_ReturnNull_When_TheBooleanIsUnknown()
    {
        Assert.Null(KnowledgeGraph.Cypher.Values.Boxed.Of((bool?)null));
        Assert.Equal(true, KnowledgeGraph.Cypher.Values.Boxed.Of((bool?)true));
        Assert.Equal(false, KnowledgeGraph.Cypher.Values.Boxed.Of(false));
    }

    [Fact]
    public async Task Range_Should_SumAndCompareAsBefore_When_ElementsCrossTheSharedRange()
    {
        await using var db = GraphDatabase.CreateInMemory();
        var r = await db.Q("""
            RETURN reduce(s = 0, x IN range(-300, 1300) | s + x) AS total,
                   size([x IN range(-300, 1300) WHERE x % 7 = 0]) AS sevens,
                   all(x IN range(1000, 1100) WHERE x + 1 > x) AS grows,
                   [x IN range(1020, 1027) | x * 2][-1] AS last
            """);
        Assert.Equal(Enumerable.Range(-300, 1601).Sum(x => (long)x), r.Records[0]["total"]);
        Assert.Equal((long)Enumerable.Range(-300, 1601).Count(x => x % 7 == 0), r.Records[0]["sevens"]);
        Assert.Equal(true, r.Records[0]["grows"]);
        Assert.Equal(2054L, r.Records[0]["last"]);
    }
}
